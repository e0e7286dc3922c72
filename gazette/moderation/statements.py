"""The statement of reasons as plain values: its schema (every element Art. 17(3) DSA asks of
a notice, docs/moderation.md) and the check that a stored statement has them all.

A notice stores its statement as JSON beside the text that was sent; both are written once and
never rebuilt from today's data. The Transparency Database export (`tdb.py`) is derived from the
same decisions and sanctions, never from the notices' text.
"""

from __future__ import annotations

from collections.abc import Mapping

SCHEMA_ID = "gazette.statement/1"

_STR = (str,)
_OPT_STR = (str, type(None))
_INT_OR_NONE = (int, type(None))

# Each element: the keys it must carry and the types allowed for each.
SCHEMA: dict[str, dict[str, tuple[type, ...]]] = {
    "action": {"type": _STR, "scope": (list,), "ends_at": _OPT_STR, "indefinite": (bool,)},
    "facts": {
        "permalink": _STR,
        "excerpt": _STR,
        "what_breaks_the_rule": _STR,
        "trigger": _STR,
    },
    "automation": {"detected_automatically": (bool,), "automated_decision": _STR},
    "ground": {"type": _STR, "legal_ground": _STR, "also_illegal": (bool,)},
    "clause": {
        "key": _STR,
        "number": _INT_OR_NONE,
        "version": _INT_OR_NONE,
        "title": _STR,
        "text": _STR,
        "url": _STR,
    },
    "redress": {
        "appeal_url": _STR,
        "appeal_deadline": _OPT_STR,
        "decided_by": _STR,
        "target_days": (int,),
        "other": _STR,
    },
}
TOP_LEVEL: dict[str, tuple[type, ...]] = {
    "schema": _STR,
    "puid": _STR,
    "kind": _STR,
    "language": _STR,
    "authority_request": (bool,),
    "sent_at": _STR,
}
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("facts", "trigger"): frozenset(
        {"reader_report", "trusted_flagger", "authority_request", "screening", "moderator"}
    ),
    ("automation", "automated_decision"): frozenset({"fully", "partially", "not_automated"}),
    ("ground", "type"): frozenset({"illegal", "incompatible", ""}),
}
PUID_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def problems(statement: Mapping[str, object]) -> list[str]:
    """What is missing or malformed in a statement; empty when it validates."""
    found = [
        f"{key}: missing or not {allowed[0].__name__}"
        for key, allowed in TOP_LEVEL.items()
        if not isinstance(statement.get(key), allowed)
    ]
    puid = statement.get("puid")
    if isinstance(puid, str) and (not puid or not set(puid) <= PUID_CHARACTERS):
        found.append("puid: not [A-Za-z0-9_-]")
    for element, fields in SCHEMA.items():
        part = statement.get(element)
        if not isinstance(part, Mapping):
            found.append(f"{element}: missing")
            continue
        for key, allowed in fields.items():
            if key not in part or not isinstance(part[key], allowed):
                found.append(f"{element}.{key}: missing or of the wrong type")
            elif (element, key) in ENUMS and part[key] not in ENUMS[(element, key)]:
                found.append(f"{element}.{key}: {part[key]!r} is not an allowed value")
    return found
