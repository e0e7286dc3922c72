"""What the live updates tell of comments (gazette/live): called by the comment services inside
their transactions, so an event is published exactly when its change is kept.

A page's channel carries only what the public gate shows: a comment once published, its new
text, its leaving the thread (removed, deleted, held again) and the count. The comment's HTML is
rendered here once, as a reader without a session sees it on a kept page, in the page's edition
and the editions written from it; beside it goes the comment as the API shows it to a reader
without a token, which the widget on other sites' pages draws from. A listener needs no query.
A held comment goes only to the moderators' channel, without its text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation

from gazette.comments.models import Comment, Thread
from gazette.comments.queries import Entry
from gazette.comments.rendering import EntryRenderer, Viewer, count_label
from gazette.core import editions
from gazette.live.channels import MODERATION, page_channel
from gazette.live.events import publish

_PUBLIC = Viewer(csrf_token="", liked_ids=frozenset(), changeable_ids=frozenset())

# The comment as the public API shows it, handed over by the API app when it loads
# (api/apps.py): the API sits above comments, which may not import it.
_presenters: list[Callable[[Comment], dict[str, Any]]] = []


def present_with(presenter: Callable[[Comment], dict[str, Any]]) -> None:
    """Carry each comment in the events as `presenter` gives it (done once, by the API app)."""
    _presenters[:] = [presenter]


def public_comment(comment: Comment) -> dict[str, Any] | None:
    return _presenters[0](comment) if _presenters else None


def thread_channel(thread: Thread) -> str:
    return page_channel(thread.site, thread.key)


def _languages(thread: Thread, comment: Comment) -> list[str]:
    """The editions a page of this thread is read in: the article's, and those written from it."""
    first = thread.article.language if thread.article is not None else ""
    first = first or comment.language or settings.LANGUAGE_CODE
    return [first, *editions.written_from(first)]


def _rendered(comment: Comment, languages: list[str]) -> dict[str, str]:
    html = {}
    for language in languages:
        with translation.override(language):
            html[language] = str(EntryRenderer(_PUBLIC).entry(Entry(comment, comment.depth)))
    return html


def _counted(thread_id: int, languages: list[str]) -> dict[str, object]:
    count = Thread.objects.filter(pk=thread_id).values_list("comment_count", flat=True).first()
    count = count or 0
    labels = {}
    for language in languages:
        with translation.override(language):
            labels[language] = count_label(count)
    return {"count": count, "count_label": labels}


def comment_published(comment: Comment) -> None:
    """A comment readers may now see (posted, approved, reinstated), with the new count."""
    thread = comment.thread
    languages = _languages(thread, comment)
    data = {
        "id": comment.pk,
        "parent": comment.parent_id,
        "html": _rendered(comment, languages),
        "comment": public_comment(comment),
        **_counted(thread.pk, languages),
    }
    publish(channel=thread_channel(thread), kind="comment", data=data)


def comment_edited(comment: Comment) -> None:
    """A published comment's new text, as readers see it."""
    thread = comment.thread
    data = {
        "id": comment.pk,
        "html": _rendered(comment, _languages(thread, comment)),
        "comment": public_comment(comment),
    }
    publish(channel=thread_channel(thread), kind="comment-edited", data=data)


def comment_withdrawn(comment: Comment) -> None:
    """A comment readers may no longer see: the placeholder the page would now show in its
    place (kept where it has replies), and the new count. The API's placeholder goes with a
    deleted or removed comment; one held again has none (the API shows a held comment, text
    and all, to its author alone), so its replies leave with it."""
    thread = comment.thread
    languages = _languages(thread, comment)
    withdrawn = comment.state in (Comment.State.DELETED, Comment.State.REMOVED)
    data = {
        "id": comment.pk,
        "placeholder": _rendered(comment, languages),
        "comment": public_comment(comment) if withdrawn else None,
        **_counted(thread.pk, languages),
    }
    publish(channel=thread_channel(thread), kind="comment-removed", data=data)


def comment_held(comment: Comment) -> None:
    """For moderators: a comment waits in the queue (its text stays in the queue's page)."""
    data = {"id": comment.pk, "thread": comment.thread.title or comment.thread.key}
    publish(channel=MODERATION, kind="held", data=data)
