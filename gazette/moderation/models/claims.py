"""A moderator's claim on a queue item: "I am looking at this one", so that two moderators do
not decide the same comment. One claim per comment (the one-to-one is the guard when two
moderators claim at once); it lapses after CLAIM_LIFETIME without anyone releasing it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gazette.comments.models import Comment

# Long enough to read an item and its context, short enough that a moderator who walked away
# does not hold it for long.
CLAIM_LIFETIME = timedelta(minutes=10)


class QueueClaimQuerySet(models.QuerySet["QueueClaim"]):
    def in_force(self, now: datetime) -> QueueClaimQuerySet:
        return self.filter(claimed_at__gt=now - CLAIM_LIFETIME)


class QueueClaim(models.Model):
    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, related_name="queue_claim", verbose_name=_("comment")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("moderator"),
    )
    claimed_at = models.DateTimeField(_("claimed"))
    # Who held it when this moderator took it over (none: it was free or had lapsed).
    taken_over_from = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken over from"),
    )

    objects = QueueClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("queue claim")
        verbose_name_plural = _("queue claims")

    def __str__(self) -> str:
        return f"{self.comment_id} · {self.moderator_id}"

    @property
    def until(self) -> datetime:
        return self.claimed_at + CLAIM_LIFETIME

    def in_force_at(self, now: datetime) -> bool:
        return self.until > now
