"""What a site's webhooks are told about comments on its pages: IDs, the thread, the state and
when; never the author's e-mail address, IP or account."""

from __future__ import annotations

from typing import Any

from gazette.comments.models import Comment, Thread
from gazette.sites.models import WebhookEvent
from gazette.sites.services import announce


def thread_data(thread: Thread) -> dict[str, Any]:
    return {"id": thread.pk, "key": thread.key, "url": thread.page_url}


def comment_data(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "thread": thread_data(comment.thread),
        "parent": comment.parent_id,
        "state": comment.state,
        "created_at": comment.created_at.isoformat(),
    }


def announce_comment(event: WebhookEvent, comment: Comment) -> None:
    """Tell the thread's site, once the current write commits, what became of the comment."""
    announce(site_key=comment.thread.site, event=event, data={"comment": comment_data(comment)})
