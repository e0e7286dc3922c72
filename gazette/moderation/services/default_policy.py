"""Loading the Comment Policy a new install starts with (see default_policy.py for its text)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from gazette.moderation import default_policy
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.services.policy_versions import publish_policy_version


def load_default_policy() -> PolicyVersion | None:
    """Create and publish version 1 of the Comment Policy if there is no version yet.

    Returns the new version, or None when the install already has a policy (which is left
    exactly as it is, so running this again is harmless).
    """
    translated = [code for code, _name in settings.LANGUAGES if code != "en"]
    with transaction.atomic():
        if PolicyVersion.objects.select_for_update().exists():
            return None
        version = PolicyVersion.objects.create(
            number=1,
            summary=default_policy.SUMMARY["en"],
            preamble=default_policy.PREAMBLE["en"],
        )
        PolicyVersionTranslation.objects.bulk_create(
            PolicyVersionTranslation(
                version=version,
                language=language,
                summary=default_policy.SUMMARY[language],
                preamble=default_policy.PREAMBLE[language],
            )
            for language in translated
            if language in default_policy.SUMMARY
        )
        for number, data in enumerate(default_policy.CLAUSES, start=1):
            texts = default_policy.clause_texts(data)
            english = texts["en"]
            clause = Clause.objects.create(
                version=version,
                number=number,
                key=data["key"],
                title=english["title"],
                text=english["text"],
                examples="\n".join(english["examples"]),
            )
            ClauseTranslation.objects.bulk_create(
                ClauseTranslation(
                    clause=clause,
                    language=language,
                    title=text["title"],
                    text=text["text"],
                    examples="\n".join(text["examples"]),
                )
                for language, text in texts.items()
                if language in translated
            )
        return publish_policy_version(version=version)
