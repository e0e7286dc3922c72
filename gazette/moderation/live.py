"""What the moderators' live updates tell (gazette/live, the "moderation" channel, which only
staff with the moderation permission may open): a report received, a comment decided, a queue
item claimed or released. A held
comment is told by the comment services (comments/live.py). Published inside the transaction
of the change, so the queue never hears of what was rolled back."""

from __future__ import annotations

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.live.channels import MODERATION
from gazette.live.events import publish
from gazette.moderation.models import QueueClaim, Report


def report_received(report: Report) -> None:
    publish(channel=MODERATION, kind="reported", data={"id": report.comment_id})


def comment_decided(comment: Comment, *, action: str, actor: User | None) -> None:
    """The item is taken: every other moderator's queue marks it, so nobody decides it twice."""
    data = {
        "id": comment.pk,
        "action": action,
        "state": comment.state,
        "by": actor.public_name if actor is not None else "",
        "by_id": actor.pk if actor is not None else None,
    }
    publish(channel=MODERATION, kind="decided", data=data)


def item_claimed(claim: QueueClaim) -> None:
    """Other moderators' queues mark the item taken until it is released, decided or lapses."""
    data = {
        "id": claim.comment_id,
        "by": claim.moderator.public_name,
        "by_id": claim.moderator_id,
        "since": claim.claimed_at.isoformat(),
        "until": claim.until.isoformat(),
    }
    publish(channel=MODERATION, kind="claimed", data=data)


def item_released(comment_id: int) -> None:
    publish(channel=MODERATION, kind="released", data={"id": comment_id})
