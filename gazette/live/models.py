"""The event log of live updates: what readers and moderators were told, in order.

A row is written in the same transaction as the change it tells of, so an event exists exactly
when its change was kept; its autoincrement id is the stream's `id:`, the order every listener
sees and the point a dropped stream resumes from (docs/live-updates.md).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LiveEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    # A page's discussion and poll ("page:<hash>"), or a staff channel ("moderation").
    channel = models.CharField(_("channel"), max_length=64)
    kind = models.CharField(_("kind"), max_length=32)
    # What a listener needs, rendered once (HTML as a reader without a session sees it).
    data = models.JSONField(_("data"))
    created_at = models.DateTimeField(_("created"), db_index=True)

    class Meta:
        verbose_name = _("live event")
        verbose_name_plural = _("live events")
        indexes = [models.Index(fields=["channel", "id"], name="live_event_channel_id")]

    def __str__(self) -> str:
        return f"{self.pk} {self.channel} {self.kind}"
