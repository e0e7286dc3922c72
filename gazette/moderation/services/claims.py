"""Claims on queue items: a moderator who starts on an item claims it, so that no other
moderator decides it meanwhile (models/claims.py). A moderator holds one item at a time:
claiming another gives up the one before. A claim ends when its moderator releases it or
decides the item, or lapses after CLAIM_LIFETIME. Another moderator's claim in force is
refused unless they choose to take it over, which the audit log records."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import live
from gazette.moderation.exceptions import ItemClaimed
from gazette.moderation.models import AuditEntry, QueueClaim
from gazette.moderation.services import audit, decisions


def claim_item(*, comment: Comment, actor: User, take_over: bool = False) -> QueueClaim:
    """Claim the item for `actor` (again, if theirs: the claim starts anew). Raises
    PermissionRequired, or ItemClaimed while another moderator's claim is in force and
    `take_over` is not chosen."""
    decisions.require(actor, decisions.MODERATE)
    with transaction.atomic():
        return _claim(comment, actor, take_over=take_over)


def _claim(comment: Comment, actor: User, *, take_over: bool) -> QueueClaim:
    now = clock.now()
    # The comment's row lock orders moderators claiming the same item at once (the one-to-one
    # on the comment is the database's last guard). Rows are written before the audit entry
    # and the events, which take the logs' lock: a decision does the same, so two
    # transactions never wait for each other's locks in opposite orders.
    current = decisions.locked(comment.pk)
    held = QueueClaim.objects.select_related("moderator").filter(comment=current).first()
    taken_from = None
    if held is not None and held.moderator_id != actor.pk and held.in_force_at(now):
        if not take_over:
            raise _refusal(held)
        taken_from = held.moderator
    if held is not None:
        held.delete()
    given_up = list(QueueClaim.objects.filter(moderator=actor).values_list("comment_id", flat=True))
    QueueClaim.objects.filter(moderator=actor).delete()
    claim = QueueClaim.objects.create(
        comment=current, moderator=actor, claimed_at=now, taken_over_from=taken_from
    )
    if taken_from is not None:
        audit.record(
            AuditEntry.Event.CLAIM_TAKEN_OVER,
            comment=current,
            actor=actor,
            from_state=current.state,
            to_state=current.state,
            note=taken_from.public_name,
        )
    for comment_id in given_up:
        live.item_released(comment_id)
    live.item_claimed(claim)
    return claim


def release_item(*, comment: Comment, actor: User) -> bool:
    """Give the item back; False if `actor` held no claim on it."""
    with transaction.atomic():
        released = QueueClaim.objects.filter(comment_id=comment.pk, moderator=actor).delete()[0]
        if released:
            live.item_released(comment.pk)
    return bool(released)


def end_for_decision(*, comment: Comment, actor: User) -> None:
    """A moderator is about to decide the item: refused while another moderator's claim is in
    force, else whatever claim there was ends (the `decided` event tells the queues). Call
    inside the decision's transaction, with the comment's row locked, before the audit entry
    (see _claim on the order of locks); a refused decision rolls the claim back."""
    held = QueueClaim.objects.select_related("moderator").filter(comment_id=comment.pk).first()
    if held is None:
        return
    if held.moderator_id != actor.pk and held.in_force_at(clock.now()):
        raise _refusal(held)
    held.delete()


def _refusal(claim: QueueClaim) -> ItemClaimed:
    return ItemClaimed(name=claim.moderator.public_name, since=since_or_until(claim.claimed_at))


def since_or_until(moment: datetime) -> str:
    """A claim's start or end as the desk shows it (hours and minutes, the site's time; the
    templates use the same "H:i")."""
    return date_format(timezone.localtime(moment), "H:i")
