"""What must outlive one app server process: used challenges and, when the shared cache is the
database, the rate-limit and activity counters."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UsedChallenge(models.Model):
    """A solved challenge that has been accepted once. The unique signature is what makes a
    challenge single-use across every process: a second insert fails in the database itself.

    Rows are worthless once the challenge has expired (an expired solution is refused anyway)
    and `manage.py purge_challenges` deletes them.
    """

    signature = models.CharField(_("signature"), max_length=128, unique=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    used_at = models.DateTimeField(_("used at"), auto_now_add=True)

    class Meta:
        verbose_name = _("used challenge")
        verbose_name_plural = _("used challenges")

    def __str__(self) -> str:
        return self.signature[:16]


class WindowCounter(models.Model):
    """A count for one key in one fixed time window, incremented with F() so that concurrent
    requests never lose a count. Used instead of the cache when the cache is the database:
    Django's database cache increments by reading and rewriting the value, which loses counts
    under concurrency.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("window counter")
        verbose_name_plural = _("window counters")

    def __str__(self) -> str:
        return f"{self.key}={self.count}"
