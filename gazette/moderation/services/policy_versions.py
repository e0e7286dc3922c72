"""Writes to the Comment Policy: drafting a new version and publishing it.

A published version is frozen: later changes go into a new draft, which copies the clauses of
the version it starts from, and take effect when that draft is published.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from gazette.accounts.models import User
from gazette.core import clock
from gazette.moderation import tasks
from gazette.moderation.exceptions import PolicyVersionEmpty, PolicyVersionPublished
from gazette.moderation.models import (
    AuditEntry,
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.services import audit


def draft_policy_version(*, based_on: PolicyVersion | None = None) -> PolicyVersion:
    """Start the next version as a draft, with a copy of `based_on`'s text when given."""
    with transaction.atomic():
        # The highest number is read under the lock of the new row's unique constraint: two
        # editors drafting at once get an IntegrityError, never two versions with one number.
        highest = PolicyVersion.objects.aggregate(highest=Max("number"))["highest"] or 0
        draft = PolicyVersion.objects.create(
            number=highest + 1,
            summary=based_on.summary if based_on else "",
            preamble=based_on.preamble if based_on else "",
        )
        if based_on is not None:
            _copy_text(based_on, draft)
    return draft


def _copy_text(source: PolicyVersion, draft: PolicyVersion) -> None:
    PolicyVersionTranslation.objects.bulk_create(
        PolicyVersionTranslation(
            version=draft, language=item.language, summary=item.summary, preamble=item.preamble
        )
        for item in source.translations.all()
    )
    for clause in source.clauses.prefetch_related("translations"):
        copy = Clause.objects.create(
            version=draft,
            number=clause.number,
            key=clause.key,
            title=clause.title,
            text=clause.text,
            examples=clause.examples,
            allowed_examples=clause.allowed_examples,
            dsa_category=clause.dsa_category,
            dsa_keywords=clause.dsa_keywords,
            immediate=clause.immediate,
        )
        ClauseTranslation.objects.bulk_create(
            ClauseTranslation(
                clause=copy,
                language=item.language,
                title=item.title,
                text=item.text,
                examples=item.examples,
                allowed_examples=item.allowed_examples,
            )
            for item in clause.translations.all()
        )


def publish_policy_version(*, version: PolicyVersion, actor: User | None = None) -> PolicyVersion:
    """Put a draft in force now. From this moment new comments accept it and it never changes.
    The publication is an audit entry, and registered readers are told of it (announcements).

    Raises PolicyVersionPublished if it is published already, PolicyVersionEmpty if it has no
    clause.
    """
    with transaction.atomic():
        if not version.clauses.exists():
            raise PolicyVersionEmpty
        now = clock.now()
        changed = PolicyVersion.objects.filter(pk=version.pk, published_at__isnull=True).update(
            published_at=now
        )
        if not changed:
            raise PolicyVersionPublished
        version.published_at = now
        audit.record(
            AuditEntry.Event.POLICY_PUBLISHED,
            actor=actor,
            automatic=False,
            component="" if actor else "policy",
            policy_version=version.number,
            note=version.summary[:5000],
        )
        version_id = version.pk
        transaction.on_commit(lambda: tasks.announce_policy_version.enqueue(version_id))
    return version
