"""Statements of reasons in the EU Transparency Database's shape (due-process.md §2): one
derivation per kind of restriction, and (from `tdb_validation`) the check of a statement
against the database's enumerations and limits. Reads only what it is given; writes nothing.

What is a statement: a decision that restricts a comment (policy.RESTRICTIVE: removed, or taken
out of view), a sanction that restricts the service (a suspension or a ban of commenting), and
screening's own restrictions under a clause (a comment held on arrival or on an edit, or refused),
which are recorded as their notice. A warning restricts nothing and an approval or reinstatement
lifts a restriction: neither is one.

Free text carries no personal data (Art. 24(5) DSA): the facts are standard sentences built
from the clause and the decision's kind, never the comment's text or its author's name; what
moderators wrote (explanation, facts, a sanction's reason) goes through `scrub`, which replaces
e-mail addresses, addresses of machines, user names in links, @mentions and the names of the
people the decision concerns. The text of a statement is English whatever the interface
language, so that one decision always gives the same record ("standard language for similar
cases", as the database asks).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation

from gazette.core.http import absolute_url
from gazette.moderation import tdb_enums
from gazette.moderation.models import Clause, Decision, Notice, Sanction
from gazette.moderation.policy import Action, Automation, Ground, SanctionKind, Source
from gazette.moderation.screening.languages import language_of
from gazette.moderation.tdb_validation import validate

__all__ = [
    "Known",
    "NotAStatement",
    "scrub",
    "statement_for",
    "statement_for_sanction",
    "statement_for_screening",
    "validate",
]

VISIBILITY = {
    Action.REMOVE: "DECISION_VISIBILITY_CONTENT_REMOVED",
    # Out of view until a moderator has read it: access is disabled, nothing is deleted.
    Action.HOLD: "DECISION_VISIBILITY_CONTENT_DISABLED",
}
# A suspension or a ban stops commenting only: the reader still signs in, reads their history
# and appeals (due-process point 15), so it is a partial restriction of the service, never of
# the account; a ban may also name an e-mail address or an address hash, not an account.
PROVISION = {
    SanctionKind.SUSPENSION: "DECISION_PROVISION_PARTIAL_SUSPENSION",
    SanctionKind.BAN: "DECISION_PROVISION_PARTIAL_TERMINATION",
}
SOURCE_TYPE = {
    # Reports under the Comment Policy are not Art. 16 notices, which concern illegal content;
    # a report that claims illegality makes the source an Art. 16 notice (`Known`).
    Source.READER_REPORT: "SOURCE_TYPE_OTHER_NOTIFICATION",
    Source.TRUSTED_FLAGGER: "SOURCE_TRUSTED_FLAGGER",
    # Orders that are not Art. 9 orders are "other notifications" in the database's guidance.
    Source.AUTHORITY_REQUEST: "SOURCE_TYPE_OTHER_NOTIFICATION",
    Source.SCREENING: "SOURCE_VOLUNTARY",
    Source.MODERATOR: "SOURCE_VOLUNTARY",
}
AUTOMATED_DECISION = {
    Automation.FULLY: "AUTOMATED_DECISION_FULLY",
    Automation.PARTIALLY: "AUTOMATED_DECISION_PARTIALLY",
    Automation.NOT_AUTOMATED: "AUTOMATED_DECISION_NOT_AUTOMATED",
}
DECISION_GROUND = {
    Ground.ILLEGAL: "DECISION_GROUND_ILLEGAL_CONTENT",
    Ground.INCOMPATIBLE: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
}
# Categories of the database's first schema that clauses may still carry, and their successor
# in its correspondence table of 1 July 2025.
LEGACY_CATEGORY = {
    "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE": "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
}

_DID = {
    Action.REMOVE: "A reader's comment was removed",
    Action.HOLD: "A reader's comment was taken out of view until a moderator has read it",
}
_TRIGGER = {
    Source.READER_REPORT: "It was reported by a reader.",
    Source.TRUSTED_FLAGGER: "It was reported by a trusted flagger.",
    Source.AUTHORITY_REQUEST: "An authority ordered its removal.",
    Source.SCREENING: "Automated screening found it.",
    Source.MODERATOR: "A moderator found it.",
}
_SANCTION_DID = {
    SanctionKind.SUSPENSION: "A reader's right to comment was suspended",
    SanctionKind.BAN: "A reader's right to comment was ended",
}
_DECIDER = {
    Automation.FULLY: "The decision was taken by automated means.",
    Automation.PARTIALLY: "A moderator decided, on what automated screening had found.",
    Automation.NOT_AUTOMATED: "A moderator decided.",
}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_USER = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")
MENTION = re.compile(r"(?<![\w@])@\w[\w.-]*")
# Candidates only: `ipaddress` decides (so "12:30:45" and "1.2.3" stay as they are).
ADDRESS = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]+(?![\w.:])")
EMAIL_MARK, NAME_MARK, ADDRESS_MARK = "[e-mail address]", "[name]", "[address]"
SHORTEST_NAME = 2


class NotAStatement(ValueError):  # noqa: N818 - named for the state, as the house style asks
    """The decision or sanction restricts nothing, so it has no statement of reasons."""


@dataclass(frozen=True)
class Known:
    """What the export knows beside a decision: whether a reader's report on the comment
    claimed it illegal (then the source is an Art. 16 notice), and the names of the people it
    concerns (author, reporters, moderator), which free text must not carry."""

    illegal_notice: bool = False
    names: frozenset[str] = field(default_factory=frozenset)


NOTHING_KNOWN = Known()


# ---------------------------------------------------------------- derivation


def statement_for(decision: Decision, *, known: Known = NOTHING_KNOWN) -> dict[str, object]:
    """The statement of a decision on a comment. Expects `comment`, `clause__version` and
    `authority_request` loaded. Raises NotAStatement for a decision that restricts nothing."""
    action = Action(decision.action)
    if action not in VISIBILITY:
        raise NotAStatement(decision.public_id)
    source = _source(decision)
    facts = [
        _did(_DID[action], decision.clause),
        _TRIGGER[source],
        _DECIDER[Automation(decision.automation)],
        scrub(decision.facts, known.names),
    ]
    statement: dict[str, object] = {
        "puid": decision.public_id,
        "decision_visibility": [VISIBILITY[action]],
        "end_date_visibility_restriction": _date(decision.ends_at),
        "decision_facts": _clip(" ".join(part for part in facts if part), "decision_facts"),
        "source_type": (
            "SOURCE_ARTICLE_16"
            if source == Source.READER_REPORT and known.illegal_notice
            else SOURCE_TYPE[source]
        ),
        "automated_detection": "Yes" if decision.detected_automatically else "No",
        "automated_decision": AUTOMATED_DECISION[Automation(decision.automation)],
        "application_date": _date(decision.created_at),
        **_content(decision.comment.body, decision.comment.language, decision.comment.created_at),
        **_grounds(
            decision.clause,
            ground=Ground(decision.ground),
            legal_ground=decision.legal_ground,
            explanation=decision.explanation,
            also_illegal=decision.also_illegal,
            names=known.names,
        ),
    }
    return _without_empty(statement)


def statement_for_sanction(
    sanction: Sanction, *, known: Known = NOTHING_KNOWN
) -> dict[str, object]:
    """The statement of a suspension or a ban. Expects `clause__version` and `comment` loaded.
    Raises NotAStatement for a warning."""
    kind = SanctionKind(sanction.kind)
    if kind not in PROVISION:
        raise NotAStatement(sanction.public_id)
    comment = sanction.comment
    content = (
        _content(comment.body, comment.language, comment.created_at)
        if comment is not None
        # A sanction on an author, not on one comment: the restriction's own date stands in.
        else _content("", "", sanction.starts_at)
    )
    statement: dict[str, object] = {
        "puid": sanction.public_id,
        "decision_provision": PROVISION[kind],
        "end_date_service_restriction": _date(sanction.ends_at),
        "decision_facts": _clip(
            f"{_did(_SANCTION_DID[kind], sanction.clause)} {_DECIDER[Automation.NOT_AUTOMATED]}",
            "decision_facts",
        ),
        "source_type": SOURCE_TYPE[Source.MODERATOR],
        "automated_detection": "No",
        "automated_decision": AUTOMATED_DECISION[Automation.NOT_AUTOMATED],
        "application_date": _date(sanction.starts_at),
        **content,
        **_grounds(
            sanction.clause,
            ground=Ground.INCOMPATIBLE,
            legal_ground="",
            explanation=sanction.reason,
            also_illegal=False,
            names=known.names,
        ),
    }
    return _without_empty(statement)


SCREENING_VISIBILITY = {
    Notice.Kind.SCREENED: "DECISION_VISIBILITY_CONTENT_DISABLED",
    # Never published: the comment was taken down before anyone could read it.
    Notice.Kind.REFUSED: "DECISION_VISIBILITY_CONTENT_REMOVED",
}
_SCREENING_DID = {
    Notice.Kind.SCREENED: "A reader's comment was held out of view by automated screening until "
    "a moderator has read it",
    Notice.Kind.REFUSED: "A reader's comment was refused by automated screening",
}
# Screening's own words may quote what it matched in the comment, so the statement gives none.
SCREENING_EXPLANATION = (
    "Automated screening (term lists, language models and spam checks, as the Comment Policy "
    "describes them) found that the comment likely breaks this clause."
)


def statement_for_screening(notice: Notice, clause: Clause) -> dict[str, object]:
    """The statement of screening's hold or refusal under `clause` (the one its notice cites),
    from the notice stored when it happened. Expects `comment` loaded. Raises NotAStatement
    for any other notice."""
    kind = Notice.Kind(notice.kind)
    if kind not in SCREENING_VISIBILITY:
        raise NotAStatement(notice.public_id)
    stored = notice.statement
    automation = stored.get("automation", {}) if isinstance(stored, dict) else {}
    facts = stored.get("facts", {}) if isinstance(stored, dict) else {}
    comment = notice.comment
    statement: dict[str, object] = {
        "puid": str(stored.get("puid") or notice.public_id),
        "decision_visibility": [SCREENING_VISIBILITY[kind]],
        "decision_facts": " ".join(
            (_did(_SCREENING_DID[kind], clause), _DECIDER[Automation.FULLY])
        ),
        "source_type": SOURCE_TYPE[Source.SCREENING],
        "automated_detection": "Yes" if automation.get("detected_automatically") else "No",
        "automated_decision": AUTOMATED_DECISION[Automation.FULLY],
        "application_date": _date(notice.created_at),
        **(
            _content(comment.body, comment.language, comment.created_at)
            if comment is not None
            else _content("", str(facts.get("content_language", "")), notice.created_at)
        ),
        **_grounds(
            clause,
            ground=Ground.INCOMPATIBLE,
            legal_ground="",
            explanation=SCREENING_EXPLANATION,
            also_illegal=False,
            names=(),
        ),
    }
    return _without_empty(statement)


def _source(decision: Decision) -> Source:
    source = Source(decision.source)
    authority = decision.authority_request
    # As the author's notice says: an order the law forbids disclosing reads as own review,
    # since the author knows this statement by its public id.
    if source == Source.AUTHORITY_REQUEST and authority is not None:
        return Source.MODERATOR if authority.disclosure_forbidden else source
    return source


def _did(sentence: str, clause: Clause | None) -> str:
    if clause is None:
        return f"{sentence}."
    return f"{sentence} under {_clause_reference(clause)}."


def _clause_reference(clause: Clause) -> str:
    return (
        f"clause {clause.number} ({clause.title}) of the Comment Policy, "
        f"version {clause.version.number}"
    )


def _content(body: str, language: str, created_at: datetime) -> dict[str, object]:
    return {
        "content_type": ["CONTENT_TYPE_TEXT"],
        "content_language": _language(body, language),
        "content_date": _date(created_at),
        "account_type": "ACCOUNT_TYPE_PRIVATE",
        # Comments are shown the world over, so a restriction applies in every EU/EEA country.
        "territorial_scope": sorted(tdb_enums.COUNTRIES),
    }


def _language(body: str, interface: str) -> str | None:
    """The interface it was posted from, else the language it is written in (the text is only
    read for that guess and never leaves)."""
    code = interface or (str(language_of(body)) if body.strip() else "")
    code = code.split("-", 1)[0].upper()
    return code if code in tdb_enums.LANGUAGES else None


def _grounds(
    clause: Clause | None,
    *,
    ground: Ground,
    legal_ground: str,
    explanation: str,
    also_illegal: bool,
    names: Iterable[str],
) -> dict[str, object]:
    """Ground, category and explanation: the law for illegal content, else the clause."""
    why = scrub(explanation, names) or (clause.text if clause is not None else "")
    found: dict[str, object] = {
        "decision_ground": DECISION_GROUND[ground],
        "category": _category(clause),
        "category_specification": list(clause.dsa_keywords) if clause is not None else [],
    }
    if clause is not None:
        with translation.override(settings.LANGUAGE_CODE):
            found["decision_ground_reference_url"] = absolute_url(clause.get_absolute_url())
    if ground == Ground.ILLEGAL:
        found["illegal_content_legal_ground"] = _clip(
            scrub(legal_ground, names), "illegal_content_legal_ground"
        )
        found["illegal_content_explanation"] = _clip(why, "illegal_content_explanation")
        return found
    found["incompatible_content_ground"] = _clip(
        _capitalised(_clause_reference(clause)) if clause is not None else "The Comment Policy",
        "incompatible_content_ground",
    )
    found["incompatible_content_explanation"] = _clip(why, "incompatible_content_explanation")
    found["incompatible_content_illegal"] = "Yes" if also_illegal else "No"
    return found


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _category(clause: Clause | None) -> str:
    if clause is None:
        return "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
    return LEGACY_CATEGORY.get(clause.dsa_category, clause.dsa_category)


def _date(moment: datetime | None) -> str | None:
    """A date as the database takes it, in the site's time zone (as the export's range is)."""
    return timezone.localdate(moment).isoformat() if moment is not None else None


def _clip(text: str, name: str) -> str:
    limit = tdb_enums.LIMITS[name]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _without_empty(statement: dict[str, object]) -> dict[str, object]:
    """Absent rather than null or empty: the database reads a missing end date as indefinite."""
    return {key: value for key, value in statement.items() if value not in (None, "", [])}


# ---------------------------------------------------------------- personal data


def scrub(text: str, names: Iterable[str] = ()) -> str:
    """`text` with no e-mail address, machine address, user name in a link, @mention, or any
    of `names` (whole words, any case) left in it."""
    text = URL_USER.sub(r"\1", text)
    text = EMAIL.sub(EMAIL_MARK, text)
    text = ADDRESS.sub(_address, text)
    text = MENTION.sub(NAME_MARK, text)
    for name in sorted({n.strip() for n in names if len(n.strip()) >= SHORTEST_NAME}, key=len)[
        ::-1
    ]:
        text = re.sub(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", NAME_MARK, text)
    return " ".join(text.split())


def _address(match: re.Match[str]) -> str:
    found = match.group(0)
    candidate = found.rstrip(".:")
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return found
    return ADDRESS_MARK + found[len(candidate) :]  # the full stop after it stays
