"""Loading the Comment Policy a new install starts with (see default_policy.py for its text).

A data migration loads it into every new database, so a site has a real policy from its first
`migrate`; `manage.py load_comment_policy` does the same on demand (and nothing once a policy
exists). A later migration (`upgrade_default_policy`) brings a site whose policy is still the
shipped version 1 up to date: the allowed examples and DSA categories are filled in where no
comment was ever posted under it, and published as version 2 where one was. A newsroom's own
policy is never touched.
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


def _has_field(model: Any, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def _clause_extras(model: Any, key: str, language: str = "en") -> dict[str, Any]:
    """The allowed examples and DSA category of a shipped clause, for a model that has them
    (migration 0005 runs before they exist)."""
    extras: dict[str, Any] = {}
    if _has_field(model, "allowed_examples"):
        extras["allowed_examples"] = "\n".join(default_policy.ALLOWED[key][language])
    if _has_field(model, "dsa_category"):
        extras["dsa_category"], extras["dsa_keywords"] = default_policy.DSA[key]
    return extras


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
            **_clause_extras(models["Clause"], data["key"]),
        )
        translation = models["ClauseTranslation"]
        translation.objects.bulk_create(
            translation(
                clause=clause,
                language=language,
                title=texts[language]["title"],
                text=texts[language]["text"],
                examples="\n".join(texts[language]["examples"]),
                **{
                    name: value
                    for name, value in _clause_extras(translation, data["key"], language).items()
                    if name == "allowed_examples"
                },
            )
            for language in LANGUAGES
        )
    return version


def is_unchanged_default(version: Any) -> bool:
    """Whether a version holds exactly the shipped version 1 text, in every language."""
    shipped = {
        (number, data["key"], language, text["title"], text["text"], "\n".join(text["examples"]))
        for number, data in enumerate(default_policy.CLAUSES, start=1)
        for language, text in default_policy.clause_texts(data).items()
    }
    stored = set()
    for clause in version.clauses.prefetch_related("translations"):
        stored.add((clause.number, clause.key, "en", clause.title, clause.text, clause.examples))
        stored.update(
            (clause.number, clause.key, item.language, item.title, item.text, item.examples)
            for item in clause.translations.all()
        )
    return stored == shipped


def upgrade_default_policy(models: dict[str, Any], now: datetime, *, comments_posted: bool) -> Any:
    """Give the shipped policy its allowed examples and DSA categories, if a site still has
    the shipped version 1 and nothing else. Where no comment was posted under it yet (a new
    install), version 1 is completed; otherwise version 2 is published with that change, since
    a version readers have commented under never changes. Returns the version changed or
    published, or None when the site's policy is its own."""
    versions = list(models["PolicyVersion"].objects.all())
    if len(versions) != 1 or versions[0].number != 1 or versions[0].published_at is None:
        return None
    first = versions[0]
    if not is_unchanged_default(first):
        return None
    if not comments_posted:
        _complete(models, first)
        return first
    return _publish_second(models, first, now)


def _complete(models: dict[str, Any], version: Any) -> None:
    for clause in version.clauses.all():
        models["Clause"].objects.filter(pk=clause.pk).update(
            **_clause_extras(models["Clause"], clause.key)
        )
        for language in LANGUAGES:
            models["ClauseTranslation"].objects.filter(clause=clause, language=language).update(
                allowed_examples="\n".join(default_policy.ALLOWED[clause.key][language])
            )


def _publish_second(models: dict[str, Any], first: Any, now: datetime) -> Any:
    second = models["PolicyVersion"].objects.create(
        number=2,
        summary=default_policy.SUMMARY_V2["en"],
        preamble=first.preamble,
        published_at=now,
    )
    models["PolicyVersionTranslation"].objects.bulk_create(
        models["PolicyVersionTranslation"](
            version=second,
            language=item.language,
            summary=default_policy.SUMMARY_V2.get(item.language, item.summary),
            preamble=item.preamble,
        )
        for item in first.translations.all()
    )
    for clause in first.clauses.prefetch_related("translations"):
        copy = models["Clause"].objects.create(
            version=second,
            number=clause.number,
            key=clause.key,
            title=clause.title,
            text=clause.text,
            examples=clause.examples,
            **_clause_extras(models["Clause"], clause.key),
            **({"immediate": clause.immediate} if _has_immediate(models) else {}),
        )
        models["ClauseTranslation"].objects.bulk_create(
            models["ClauseTranslation"](
                clause=copy,
                language=item.language,
                title=item.title,
                text=item.text,
                examples=item.examples,
                allowed_examples="\n".join(default_policy.ALLOWED[clause.key][item.language]),
            )
            for item in clause.translations.all()
        )
    return second


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
