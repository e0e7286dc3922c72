"""The EU Transparency Database's rules for one statement (its StatementStoreRequest): required
fields, enumerations (`tdb_enums`), length limits, `puid` characters and dates. Pure: what is
checked before a statement is written to a file, downloaded or sent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from gazette.moderation import tdb_enums

PUID = re.compile(r"^[A-Za-z0-9_-]+$")


_REQUIRED = (
    "puid",
    "decision_ground",
    "content_type",
    "category",
    "content_date",
    "application_date",
    "decision_facts",
    "source_type",
    "automated_detection",
    "automated_decision",
)
_RESTRICTIONS = (
    "decision_visibility",
    "decision_monetary",
    "decision_provision",
    "decision_account",
)
_ONE_OF = {
    "decision_monetary": tdb_enums.DECISION_MONETARIES,
    "decision_provision": tdb_enums.DECISION_PROVISIONS,
    "decision_account": tdb_enums.DECISION_ACCOUNTS,
    "account_type": tdb_enums.ACCOUNT_TYPES,
    "decision_ground": tdb_enums.DECISION_GROUNDS,
    "category": tdb_enums.CATEGORIES,
    "content_language": tdb_enums.LANGUAGES,
    "source_type": tdb_enums.SOURCE_TYPES,
    "automated_detection": tdb_enums.YES_NO,
    "automated_decision": tdb_enums.AUTOMATED_DECISIONS,
    "incompatible_content_illegal": tdb_enums.YES_NO,
}
_LISTS_OF = {
    "decision_visibility": tdb_enums.DECISION_VISIBILITIES,
    "content_type": tdb_enums.CONTENT_TYPES,
    "category_addition": tdb_enums.CATEGORIES,
    "category_specification": tdb_enums.KEYWORDS,
    "territorial_scope": tdb_enums.COUNTRIES,
}
_DATES = {
    "content_date": tdb_enums.EARLIEST_CONTENT_DATE,
    "application_date": tdb_enums.EARLIEST_APPLICATION_DATE,
    "end_date_visibility_restriction": "",
    "end_date_monetary_restriction": "",
    "end_date_service_restriction": "",
    "end_date_account_restriction": "",
}
_NEEDED_FOR_GROUND = {
    "DECISION_GROUND_ILLEGAL_CONTENT": (
        "illegal_content_legal_ground",
        "illegal_content_explanation",
    ),
    "DECISION_GROUND_INCOMPATIBLE_CONTENT": (
        "incompatible_content_ground",
        "incompatible_content_explanation",
    ),
}
FIELDS = frozenset(
    {*_REQUIRED, *_RESTRICTIONS, *_ONE_OF, *_LISTS_OF, *_DATES, *tdb_enums.LIMITS}
) | {"content_id", "content_id_ean", "content_language_other"}


def validate(statement: Mapping[str, object]) -> list[str]:
    """What the Transparency Database would refuse in `statement`: one line per problem, empty
    when it validates (its StatementStoreRequest rules)."""
    problems = [
        f"{key}: not a Transparency Database field" for key in statement if key not in FIELDS
    ]
    problems += [f"{key}: required" for key in _REQUIRED if not statement.get(key)]
    if not any(statement.get(key) for key in _RESTRICTIONS):
        problems.append("one of " + ", ".join(_RESTRICTIONS) + ": required")
    ground = statement.get("decision_ground")
    for key in _NEEDED_FOR_GROUND.get(ground if isinstance(ground, str) else "", ()):
        if not statement.get(key):
            problems.append(f"{key}: required for {ground}")
    visibility = _as_list(statement.get("decision_visibility"))
    if "DECISION_VISIBILITY_OTHER" in visibility and not statement.get("decision_visibility_other"):
        problems.append("decision_visibility_other: required for DECISION_VISIBILITY_OTHER")
    problems += _enum_problems(statement)
    problems += _limit_problems(statement)
    problems += _date_problems(statement)
    return problems


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _enum_problems(statement: Mapping[str, object]) -> list[str]:
    found = [
        f"{key}: {statement[key]!r} is not one of the allowed values"
        for key, allowed in _ONE_OF.items()
        if statement.get(key) is not None and statement[key] not in allowed
    ]
    for key, allowed in _LISTS_OF.items():
        value = statement.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            found.append(f"{key}: must be a list")
            continue
        found += [
            f"{key}: {item!r} is not one of the allowed values"
            for item in value
            if item not in allowed
        ]
    return found


def _limit_problems(statement: Mapping[str, object]) -> list[str]:
    found = []
    for key, limit in tdb_enums.LIMITS.items():
        value = statement.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            found.append(f"{key}: text of at most {limit} characters expected")
    puid = statement.get("puid")
    if isinstance(puid, str) and puid and not PUID.match(puid):
        found.append("puid: only letters, digits, '-' and '_' are allowed")
    url = statement.get("decision_ground_reference_url")
    if isinstance(url, str) and not url.startswith(("https://", "http://")):
        found.append("decision_ground_reference_url: not a URL")
    return found


DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: object) -> date | None:
    """The date a `Y-m-d` string names, or None (the database takes no other form)."""
    if not isinstance(value, str) or not DATE_FORMAT.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _date_problems(statement: Mapping[str, object]) -> list[str]:
    found = []
    for key, earliest in _DATES.items():
        value = statement.get(key)
        if value is None:
            continue
        day = _day(value)
        if day is None:
            found.append(f"{key}: a date YYYY-MM-DD expected")
        elif not (earliest or "0001-01-01") <= day.isoformat() <= tdb_enums.LATEST_DATE:
            found.append(
                f"{key}: {value} is outside {earliest or 'the start'}..{tdb_enums.LATEST_DATE}"
            )
    return found
