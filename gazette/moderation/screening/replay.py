"""Replaying a hold: the stored text assessed again under the stored versions of the rules,
to show that screening gives the same reasons (or that a version it needs is gone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gazette.moderation.models import (
    ClassifierModel,
    ModerationSettings,
    ScreeningHold,
    TermListVersion,
)
from gazette.moderation.screening import profanity
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.classifier import SiteModel
from gazette.moderation.screening.evidence import STRICTER, finding_record, is_text_rule
from gazette.moderation.screening.house import house_models
from gazette.moderation.screening.rules import Rules, matcher_of
from gazette.moderation.screening.verdict import assess_stricter

Reason = dict[str, Any]


@dataclass(frozen=True)
class Replay:
    recorded: list[Reason]  # the hold's findings that come from the text and the rules
    replayed: list[Reason]
    contextual: list[Reason] = field(default_factory=list)  # depend on the moment: not replayed
    missing: list[str] = field(default_factory=list)  # versions no longer available

    @property
    def is_same(self) -> bool:
        return not self.missing and _key(self.recorded) == _key(self.replayed)


def _key(reasons: list[Reason]) -> list[tuple[str, ...]]:
    names = ("rule", "start", "end", STRICTER)
    return sorted(tuple(str(reason.get(name, "")) for name in names) for reason in reasons)


def replay_hold(hold: ScreeningHold) -> Replay:
    evidence = hold.evidence
    findings: list[Reason] = list(evidence.get("findings", []))
    recorded = [reason for reason in findings if is_text_rule(reason["rule"])]
    contextual = [reason for reason in findings if not is_text_rule(reason["rule"])]
    rules, missing = _stored_rules(evidence)
    if rules is None:
        return Replay(recorded, [], contextual, missing)
    replayed = [finding_record(finding) for finding in assess(hold.text, rules)]
    if any(reason.get(STRICTER) for reason in recorded):
        replayed += [finding_record(finding) for finding in assess_stricter(hold.text, rules)]
    return Replay(recorded, replayed, contextual)


def _stored_rules(evidence: dict[str, Any]) -> tuple[Rules | None, list[str]]:
    missing = []
    conf = ModerationSettings(**evidence.get("settings", {}))
    version = evidence.get("term_list", "")
    terms = TermListVersion.objects.filter(version=version).values_list("terms", flat=True).first()
    if terms is None:
        missing.append(f"term list {version}")
    house = house_models() if conf.house_models else ()
    current = {model.label: model.version for model in house}
    stored = evidence.get("house", {}) if conf.house_models else {}
    missing += [f"model {label} {v}" for label, v in stored.items() if current.get(label) != v]
    classifier = None
    if evidence.get("classifier") is not None and conf.classifier_threshold > 0:
        data = (
            ClassifierModel.objects.filter(pk=evidence["classifier"])
            .values_list("data", flat=True)
            .first()
        )
        if data is None:
            missing.append(f"site classifier {evidence['classifier']}")
        else:
            classifier = SiteModel.from_data(data)
    if conf.profanity_threshold > 0 and evidence.get("profanity") != profanity.model_version():
        missing.append(f"English model {evidence.get('profanity')}")
    if missing or terms is None:
        return None, missing
    rules = Rules(
        matcher=matcher_of([tuple(row) for row in terms]),
        term_list_version=version,
        settings=conf,
        classifier=classifier,
        house=house,
        classifier_id=evidence.get("classifier"),
    )
    return rules, []
