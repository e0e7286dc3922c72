"""What a comment's text alone shows under the rules in force: pure, with no database access.

Screening reads the text as readers will see it (Markdown applied, entities decoded), through
the term lists, the shape checks (links written out or disguised, capitals), the English
offensive-language model, the house models for every language, and this site's own model.
Each finding names its rule, what it matched and where, the list or model version, and the
score against its threshold, so a moderator (and the author) can see why.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from gazette.core.text import visible_text
from gazette.moderation import policy
from gazette.moderation.policy import Finding
from gazette.moderation.screening import heuristics, profanity
from gazette.moderation.screening.classifier import Score
from gazette.moderation.screening.house import HouseModel, ScriptModel
from gazette.moderation.screening.languages import language_of
from gazette.moderation.screening.normalise import Normalised, normalise
from gazette.moderation.screening.quotes import is_quoted, reported_quotes
from gazette.moderation.screening.rules import Rules
from gazette.moderation.screening.termmatch import Hit, Via

logger = logging.getLogger(__name__)


# The clauses whose terms a reader may quote in reporting what was said at a trial (quotes.py);
# an advertisement in quotation marks is still an advertisement.
QUOTABLE_CLAUSES = frozenset({"violence", "hate", "attacks"})


class _LastAssessment:
    """The nudge and then the post's own screening assess the same text under the same rules,
    one after the other in one request: the second is answered from here. Keyed by the rules
    object itself, which load_rules replaces whenever the rules change; one slot per process
    (a pair of assignments, so threads never see half an entry)."""

    entry: tuple[str, Rules, tuple[Finding, ...]] | None = None

    @classmethod
    def of(cls, text: str, rules: Rules) -> tuple[Finding, ...] | None:
        entry = cls.entry
        if entry is not None and entry[1] is rules and entry[0] == text:
            return entry[2]
        return None

    @classmethod
    def keep(cls, text: str, rules: Rules, findings: tuple[Finding, ...]) -> None:
        cls.entry = (text, rules, findings)


def assess(text: str, rules: Rules) -> list[Finding]:
    """What the text alone shows under `rules` (no database access)."""
    kept = _LastAssessment.of(text, rules)
    if kept is not None:
        return list(kept)
    findings = _assessed(text, rules)
    _LastAssessment.keep(text, rules, tuple(findings))
    return findings


def _assessed(text: str, rules: Rules) -> list[Finding]:
    visible = visible_text(text).strip()
    form = normalise(visible)
    quoted = reported_quotes(form.original)
    findings = [
        _term_finding(hit, rules.term_list_version)
        for hit in rules.matcher.find(form)
        if not (hit.term.clause_key in QUOTABLE_CLAUSES and is_quoted(hit.start, hit.end, quoted))
    ]
    findings.extend(_shape_findings(text, visible, rules))
    findings.extend(_model_findings(visible, form, rules))
    return findings


def _term_finding(hit: Hit, version: str) -> Finding:
    detail: dict[str, object] = {
        "term": hit.term.phrase,
        "mode": hit.term.mode.value,
        "via": hit.via.value,
        "start": hit.start,
        "end": hit.end,
        "snippet": hit.snippet,
        "list_version": version,
    }
    values = {
        "term": hit.term.phrase,
        "start": hit.start,
        "snippet": hit.snippet,
        "version": version,
    }
    if hit.is_blocking:
        message = (
            _("Rejected: blocked term “%(term)s” at %(start)s (term list %(version)s): %(snippet)s")
            % values
        )
        return Finding("term", policy.REJECT, message, hit.term.clause_key, detail)
    if hit.via == Via.FOLDED:
        message = (
            _(
                "Held: “%(term)s” at %(start)s, matched through look-alike folding "
                "(term list %(version)s): %(snippet)s"
            )
            % values
        )
    else:
        message = (
            _("Held: suspect term “%(term)s” at %(start)s (term list %(version)s): %(snippet)s")
            % values
        )
    return Finding("term", policy.HOLD, message, hit.term.clause_key, detail)


def _shape_findings(text: str, visible: str, rules: Rules) -> list[Finding]:
    conf = rules.settings
    findings = []
    disguised = heuristics.disguised_links(visible)
    if disguised:
        findings.append(
            Finding(
                "disguised_link",
                policy.HOLD,
                _("Held: a web address written to slip past the link check: “%(address)s”.")
                % {"address": disguised[0]},
                "spam",
                {"addresses": disguised},
            )
        )
    links = heuristics.link_count(text)
    if links > conf.max_links:
        findings.append(
            Finding(
                "links",
                policy.HOLD,
                _("Held: %(count)d links (at most %(limit)d).")
                % {"count": links, "limit": conf.max_links},
                "spam",
            )
        )
    ratio, letters = heuristics.caps_ratio(text)
    if letters >= conf.caps_min_letters and policy.exceeds(ratio, conf.caps_ratio):
        findings.append(
            Finding(
                "caps",
                policy.HOLD,
                _("Held: %(percent)d%% of the letters are capitals.")
                % {"percent": round(ratio * 100)},
            )
        )
    return findings


def _model_findings(text: str, form: Normalised, rules: Rules) -> list[Finding]:
    conf = rules.settings
    findings = []
    if conf.profanity_threshold > 0:
        try:
            probability = profanity.offensive_probability(text)
        except profanity.ProfanityModelUnavailable:
            logger.exception("Offensive language model unavailable; holding the comment")
            findings.append(
                Finding("profanity", policy.HOLD, _("Held: the language model could not load."))
            )
        else:
            if probability is not None and policy.exceeds(probability, conf.profanity_threshold):
                findings.append(
                    Finding(
                        "profanity",
                        policy.HOLD,
                        _("Held: offensive language (English model, %(score).2f).")
                        % {"score": probability},
                        "attacks",
                        {"score": probability},
                    )
                )
    findings.extend(_house_findings(text, form, rules))
    if rules.classifier is not None and conf.classifier_threshold > 0:
        score = rules.classifier.score(text, form)
        if policy.exceeds(score.probability, conf.classifier_threshold):
            grams = ", ".join(f"“{gram.strip()}”" for gram, _weight in score.top_ngrams)
            findings.append(
                Finding(
                    "classifier",
                    policy.HOLD,
                    _("Held: this site's classifier scores it %(score).2f (%(ngrams)s).")
                    % {"score": score.probability, "ngrams": grams},
                    detail={"score": score.probability, "ngrams": score.top_ngrams},
                )
            )
    return findings


# A model's score rests on too few n-grams below this many words: "A second view." is not
# abuse. Short insults are the term lists' to catch.
MODEL_MIN_WORDS = 4

# Translators: the harmful class a shipped model looks for, in "the incitement model".
MODEL_NAMES = {
    "incitement": pgettext_lazy("screening model", "incitement"),
    "abuse": pgettext_lazy("screening model", "abuse"),
    "spam": pgettext_lazy("screening model", "spam"),
}


def _house_findings(text: str, form: Normalised, rules: Rules) -> list[Finding]:
    """The shipped models, one per harmful class and language-script (the one the text is
    guessed to be written in), each against its own threshold."""
    if not rules.settings.house_models or len(form.clean.split()) < MODEL_MIN_WORDS:
        return []
    findings = []
    written = language_of(text)
    for house in rules.house:
        held = _first_holding(house, written, text, form)
        if held is None:
            continue
        chosen, score = held
        threshold = chosen.threshold
        grams = ", ".join(f"“{gram.strip()}”" for gram, _weight in score.top_ngrams)
        values = {
            "model": MODEL_NAMES[house.label],
            "score": score.probability,
            "threshold": threshold,
            # Which of the class's models scored it, and the version of the file it is in.
            "version": f"{chosen.key} {house.version}",
            "ngrams": grams,
        }
        findings.append(
            Finding(
                f"model:{house.label}",
                policy.HOLD,
                _(
                    "Held: the %(model)s model scores %(score).2f, at or above its threshold "
                    "%(threshold).2f (model %(version)s), for %(ngrams)s."
                )
                % values,
                house.clause_key,
                {
                    "score": score.probability,
                    "threshold": threshold,
                    "written": written,
                    "model": chosen.key,
                    "version": house.version,
                    "ngrams": score.top_ngrams,
                },
            )
        )
    return findings


def _first_holding(
    house: HouseModel, written: str, text: str, form: Normalised
) -> tuple[ScriptModel, Score] | None:
    """The first of the class's models for `written` that scores the text at or above its
    threshold, with its score."""
    for chosen in house.models_for(written):
        score = chosen.model.score(text, form)
        if score.probability >= chosen.threshold:
            return chosen, score
    return None
