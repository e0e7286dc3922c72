"""Telling registered readers that the Comment Policy changed: an in-product record for each
active account with an e-mail address, and an e-mail with the change summary in every
edition's language (we do not know which edition a reader reads). Run in the background
after a version is published, so publishing stays fast."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from gazette.accounts.models import User
from gazette.core import clock
from gazette.core.http import absolute_url
from gazette.moderation.models import PolicyAnnouncement, PolicyVersion

BATCH = 500


def announce(version: PolicyVersion) -> int:
    """Record and e-mail the announcement to every reader not told yet; how many were told.
    Run again after a failure, it sends only what was not sent."""
    told = 0
    sent = PolicyAnnouncement.objects.filter(version=version, emailed_at__isnull=False)
    readers = (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .exclude(pk__in=sent.values("reader_id"))
        .order_by("pk")
    )
    summaries = _summaries(version)
    while batch := list(readers[:BATCH]):
        with transaction.atomic():
            now = clock.now()
            PolicyAnnouncement.objects.bulk_create(
                [
                    PolicyAnnouncement(reader=user, version=version, created_at=now)
                    for user in batch
                ],
                ignore_conflicts=True,
            )
        _send(version, summaries, [user.email for user in batch])
        PolicyAnnouncement.objects.filter(
            version=version, reader__in=batch, emailed_at=None
        ).update(emailed_at=clock.now())
        told += len(batch)
    return told


def _summaries(version: PolicyVersion) -> list[dict[str, str]]:
    texts = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.append(
                {
                    "language": code,
                    "subject": render_to_string(
                        "moderation/email/policy_changed_subject.txt", {"version": version}
                    ).strip(),
                    "summary": version.summary_in(code),
                    "url": absolute_url(version.get_absolute_url()),
                }
            )
    return texts


def _send(version: PolicyVersion, summaries: list[dict[str, str]], emails: list[str]) -> None:
    subject = " / ".join(dict.fromkeys(item["subject"] for item in summaries))[:200]
    body = render_to_string(
        "moderation/email/policy_changed.txt", {"version": version, "summaries": summaries}
    )
    with get_connection() as connection:
        connection.send_messages(
            [EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in emails]
        )
