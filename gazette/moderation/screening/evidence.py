"""What screening keeps of how it reached a hold, so the hold can be replayed later: the
versions of the rules it read (term list, settings, shipped models, site classifier, English
model) and, for each finding, its rule and what it matched where. Pure: no database access."""

from __future__ import annotations

from typing import Any

from gazette.moderation.policy import Finding
from gazette.moderation.screening import profanity
from gazette.moderation.screening.rules import Rules

# The settings an assessment reads, and those the checks against recent comments and the
# moderation mode read (kept for the record; those checks depend on the moment).
SETTINGS_FIELDS = (
    "max_links",
    "caps_ratio",
    "caps_min_letters",
    "profanity_threshold",
    "classifier_threshold",
    "house_models",
    "duplicate_resemblance",
    "duplicate_window_hours",
    "burst_limit",
    "burst_window_minutes",
    "new_author_hours",
    "trusted_threshold",
    "mode",
)
# Findings that come from the text alone and the rules (assessment.py): these replay exactly.
# The others (near-duplicates, bursts, the mode, the human check) depend on what else was
# posted at the time, and are reported as recorded.
TEXT_RULES = ("term", "disguised_link", "links", "caps", "profanity", "classifier")
SPAN_KEYS = ("term", "start", "end")
# A finding of the stricter assessment a sensitive discussion adds (verdict.py).
STRICTER = "stricter"


def is_text_rule(code: str) -> bool:
    return code in TEXT_RULES or code.startswith("model:")


def finding_record(finding: Finding) -> dict[str, Any]:
    record: dict[str, Any] = {"rule": finding.code, "action": finding.action}
    if finding.clause_key:
        record["clause"] = finding.clause_key
    for key in SPAN_KEYS:
        if key in finding.detail:
            record[key] = finding.detail[key]
    if finding.detail.get(STRICTER):
        record[STRICTER] = True
    return record


def evidence_of(rules: Rules, findings: list[Finding]) -> dict[str, Any]:
    return {
        "term_list": rules.term_list_version,
        "settings": {name: getattr(rules.settings, name) for name in SETTINGS_FIELDS},
        "house": {house.label: house.version for house in rules.house},
        "classifier": rules.classifier_id,
        "profanity": profanity.model_version(),
        "findings": [finding_record(finding) for finding in findings],
    }
