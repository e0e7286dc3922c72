"""The weekly digest for editors who asked for it: the week's headline figures, mailed in the
editor's language with a one-click unsubscribe link (RFC 8058 headers), like reply notices.

`enqueue_due_digests` runs from the scheduler every hour; a subscription is due when it was never
sent or was last sent a week ago. It is claimed with a conditional update before its task is
queued, so two schedulers never queue the same digest twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.newsroom import policy, queries, services
from gazette.newsroom.models import DigestSubscription

_UNSUBSCRIBE_SALT = "gazette.newsroom.digest-unsubscribe"
WEEK = timedelta(days=7)
TOP_ARTICLES = 5


def unsubscribe_token(subscription_id: int) -> str:
    """Always the same link for a subscription: a digest mailed long ago still unsubscribes."""
    return signing.dumps(subscription_id, salt=_UNSUBSCRIBE_SALT, compress=True)


def subscription_of_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def enqueue_due_digests(now: datetime | None = None) -> int:
    """Queue the digest of every subscription due; how many were queued."""
    from gazette.newsroom import tasks  # noqa: PLC0415 - tasks imports this module

    now = now or clock.now()
    due = DigestSubscription.objects.filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - WEEK),
        unsubscribed_at__isnull=True,
        user__is_active=True,
    ).values_list("pk", "last_sent_at")
    queued = 0
    for pk, last_sent_at in due:
        claimed = DigestSubscription.objects.filter(pk=pk, last_sent_at=last_sent_at).update(
            last_sent_at=now
        )
        if claimed:
            tasks.send_weekly_digest.enqueue(pk)
            queued += 1
    return queued


def send_digest(subscription_id: int) -> bool:
    """Mail one editor the last seven days' figures; False when there is no one to send to."""
    subscription = (
        DigestSubscription.objects.select_related("user")
        .filter(pk=subscription_id, unsubscribed_at__isnull=True)
        .first()
    )
    if subscription is None or not subscription.user.email:
        return False
    period = policy.last_days(7, timezone.localdate())
    unsubscribe_url = absolute_url(
        reverse("newsroom:unsubscribe", kwargs={"token": unsubscribe_token(subscription.pk)})
    )
    with translation.override(subscription.language):
        figures = queries.overview(
            period, subscription.edition, language=subscription.language, sort="-comments"
        )
        context = {
            "period": period,
            "total": figures.total,
            "articles": [(row, absolute_url(row.url)) for row in figures.articles[:TOP_ARTICLES]],
            "clauses": figures.clauses,
            "as_of": figures.as_of,
            "dashboard_url": absolute_url(reverse("newsroom:overview")),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = " ".join(render_to_string("newsroom/email/digest_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("newsroom/email/digest.txt", context),
            to=[subscription.user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.send()
    services.mark_digest_sent(subscription_id=subscription.pk, at=clock.now())
    return True
