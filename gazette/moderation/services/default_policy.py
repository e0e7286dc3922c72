"""Loading the Comment Policy a new install starts with (see default_policy.py for its text).

A data migration loads it into every new database, so a site has a real policy from its first
`migrate`; `manage.py load_comment_policy` does the same on demand (and nothing once a policy
exists).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from gazette.core import clock
from gazette.moderation import default_policy
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)

LANGUAGES = ("ru", "kk", "uz", "uz-cyrl")
# Clauses whose first breach leads straight to a suspension (policy.next_rung).
IMMEDIATE = frozenset({"violence"})


def create_default_policy(models: dict[str, Any], published_at: datetime) -> Any:
    """Write version 1 with the given model classes (real ones, or a migration's)."""
    version = models["PolicyVersion"].objects.create(
        number=1,
        summary=default_policy.SUMMARY["en"],
        preamble=default_policy.PREAMBLE["en"],
        published_at=published_at,
    )
    models["PolicyVersionTranslation"].objects.bulk_create(
        models["PolicyVersionTranslation"](
            version=version,
            language=language,
            summary=default_policy.SUMMARY[language],
            preamble=default_policy.PREAMBLE[language],
        )
        for language in LANGUAGES
    )
    for number, data in enumerate(default_policy.CLAUSES, start=1):
        texts = default_policy.clause_texts(data)
        english = texts["en"]
        extra = {"immediate": data["key"] in IMMEDIATE} if _has_immediate(models) else {}
        clause = models["Clause"].objects.create(
            version=version,
            number=number,
            key=data["key"],
            title=english["title"],
            text=english["text"],
            examples="\n".join(english["examples"]),
            **extra,
        )
        models["ClauseTranslation"].objects.bulk_create(
            models["ClauseTranslation"](
                clause=clause,
                language=language,
                title=texts[language]["title"],
                text=texts[language]["text"],
                examples="\n".join(texts[language]["examples"]),
            )
            for language in LANGUAGES
        )
    return version


def _has_immediate(models: dict[str, Any]) -> bool:
    # The migration that first loads the policy predates the field.
    return any(field.name == "immediate" for field in models["Clause"]._meta.get_fields())


def load_default_policy() -> PolicyVersion | None:
    """Create and publish version 1 of the Comment Policy if there is no version yet.

    Returns the new version, or None when the install already has a policy (which is left
    exactly as it is, so running this again is harmless).
    """
    models = {
        "PolicyVersion": PolicyVersion,
        "PolicyVersionTranslation": PolicyVersionTranslation,
        "Clause": Clause,
        "ClauseTranslation": ClauseTranslation,
    }
    with transaction.atomic():
        if PolicyVersion.objects.select_for_update().exists():
            return None
        version: PolicyVersion = create_default_policy(models, clock.now())
    return version
