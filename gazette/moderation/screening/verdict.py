"""Screening's reading half: what it says of a submission, without writing anything.

The comments app hands over a Submission (comments/seam.py) and gets a Verdict back. Screening
reads the rules (cached per change, see rules.py), looks at the text (pure and fast:
normalise.py, termmatch.py, heuristics.py, classifier.py, profanity.py), asks the database two
small questions about the author's recent comments (near-duplicates, bursts), and holds a
comment nothing else held if its discussion is pre-moderated and its author is not trusted
(modes.py). What it keeps of a saved comment is written by records.py, in the comment's own
transaction.

Every check fails closed: if the rules, a model or the memory cannot be read, the comment is
held for a moderator, never published unseen.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.utils.translation import gettext as _

from gazette.comments.seam import HOLD, PUBLISH, REJECT, Submission, Verdict
from gazette.core import clock
from gazette.moderation import modes, policy
from gazette.moderation.models import RecentText, RecentTextHash
from gazette.moderation.policy import Finding
from gazette.moderation.queries import clause_in_force
from gazette.moderation.screening import explanations, sketch
from gazette.moderation.screening.assessment import assess
from gazette.moderation.screening.evidence import STRICTER, evidence_of
from gazette.moderation.screening.normalise import normalise
from gazette.moderation.screening.rules import Rules, load_rules

logger = logging.getLogger(__name__)


def screen(submission: Submission) -> Verdict:
    """Publish, hold or reject a submission, with the reasons recorded for moderators."""
    try:
        rules = load_rules()
    except Exception:
        logger.exception("Screening rules could not be loaded; holding the comment")
        return Verdict(HOLD, [_("Held: the screening rules could not be loaded.")])
    findings = assess(submission.text, rules)
    if submission.hold_for_review:
        findings.append(
            Finding("signals", policy.HOLD, _("Held: the human check asked for a review."))
        )
    try:
        findings.extend(_history(submission, rules))
    except Exception:
        logger.exception("Screening memory unavailable; holding the comment")
        findings.append(
            Finding("memory", policy.HOLD, _("Held: recent comments could not be compared."))
        )
    action = policy.screening_action(findings)
    if action == policy.PUBLISH:
        findings.extend(_mode_findings(submission, rules))
        action = policy.screening_action(findings)
    reasons = [finding.message for finding in findings]
    rules_used = tuple(dict.fromkeys(finding.code for finding in findings))
    if action == policy.REJECT:
        refusing = [f.clause_key for f in findings if f.action == policy.REJECT and f.clause_key]
        return Verdict(
            REJECT,
            reasons,
            _rejection_message(findings),
            clause_key=refusing[0] if refusing else "",
            rules=rules_used,
            evidence=evidence_of(rules, findings),
        )
    if action == policy.HOLD:
        cited = next((finding for finding in findings if finding.clause_key), None)
        return Verdict(
            HOLD,
            reasons,
            explanation=explanations.for_author(findings),
            clause_key=cited.clause_key if cited else "",
            rules=rules_used,
            evidence=evidence_of(rules, findings),
        )
    return Verdict(PUBLISH, reasons, rules=rules_used)


def _mode_findings(submission: Submission, rules: Rules) -> list[Finding]:
    """Hold a comment in a pre-moderated discussion unless its author is trusted. Edits are
    screened like new comments, so an edit there is held too."""
    conf = rules.settings
    reader = submission.reader
    try:
        in_force = modes.mode_of_thread(
            submission.thread.key, conf, site_key=submission.thread.site
        )
        if not in_force.is_premoderated:
            return []
        trusted = in_force.trusted_may_skip and modes.is_trusted(
            user_id=reader.user_id,
            email=submission.email,
            ip_hash=reader.ip_hash,
            threshold=conf.trusted_threshold,
        )
    except Exception:
        logger.exception("Moderation mode unavailable; holding the comment")
        return [Finding("mode", policy.HOLD, _("Held: the moderation mode could not be read."))]
    if trusted:
        return []
    return [
        *_stricter_findings(submission, rules, in_force),
        Finding("premoderation", policy.HOLD, str(modes.PREMODERATED)),
    ]


def _stricter_findings(
    submission: Submission, rules: Rules, in_force: modes.ModeInForce
) -> list[Finding]:
    """Under a preset that asks for stricter screening (sensitive), the text is assessed again
    under tightened settings, so that the desk sees why a comment a person must read anyway is
    risky (links, lower model thresholds). Every such finding holds; none refuses."""
    rules_of_preset = policy.preset_rules(in_force.preset)
    if rules_of_preset is None or not rules_of_preset.stricter_screening:
        return []
    return assess_stricter(submission.text, rules)


def assess_stricter(text: str, rules: Rules) -> list[Finding]:
    """What the text shows under the tightened settings of stricter screening, each finding a
    hold (pure: a replay of the hold calls it again)."""
    stricter = replace(rules, settings=modes.stricter_settings(rules.settings))
    return [
        # Marked, so that a replay of the hold assesses these under the stricter settings too.
        replace(finding, action=policy.HOLD, detail={**finding.detail, STRICTER: True})
        for finding in assess(text, stricter)
        if finding.code != "term"  # the term lists have no thresholds to tighten
    ]


def _rejection_message(findings: list[Finding]) -> str:
    """What the author of a refused comment is told: that screening refused it, automatically,
    and under which clause when the rule names one."""
    keys = [f.clause_key for f in findings if f.action == policy.REJECT and f.clause_key]
    clause = clause_in_force(keys[0]) if keys else None
    if clause is None:
        return _(
            "This comment was refused automatically by our screening rules under the Comment "
            "Policy. If you think this is a mistake, write to the newsroom."
        )
    return _(
        "This comment was refused automatically by our screening rules under clause "
        "%(number)s (“%(title)s”) of the Comment Policy."
    ) % {"number": clause.number, "title": clause.local_title}


def _history(submission: Submission, rules: Rules) -> list[Finding]:
    """Compare with recent comments: near-duplicates elsewhere, and bursts by a new author."""
    conf = rules.settings
    now = clock.now()
    findings: list[Finding] = []
    values = sketch.sketch(normalise(submission.text).skeleton)
    if values and conf.duplicate_resemblance > 0:
        since = now - timedelta(hours=conf.duplicate_window_hours)
        best = (
            RecentTextHash.objects.filter(value__in=values, created_at__gte=since)
            .exclude(text__thread_key=submission.thread.key)
            .values("text_id")
            .annotate(shared=Count("pk"))
            .order_by("-shared")
            .first()
        )
        resemblance = sketch.resemblance(best["shared"]) if best else 0.0
        if policy.exceeds(resemblance, conf.duplicate_resemblance):
            findings.append(
                Finding(
                    "duplicate",
                    policy.HOLD,
                    _("Held: %(percent)d%% like a comment posted recently in another discussion.")
                    % {"percent": round(resemblance * 100)},
                    "spam",
                )
            )
    if not submission.is_edit:
        findings.extend(_burst_findings(submission.reader.key, rules))
    return findings


def _burst_findings(author_key: str, rules: Rules) -> list[Finding]:
    conf = rules.settings
    now = clock.now()
    window = now - timedelta(minutes=conf.burst_window_minutes)
    # One query for both: when the author was first seen, and how many they posted lately.
    seen = RecentText.objects.filter(author_key=author_key).aggregate(
        first=Min("created_at"), recent=Count("pk", filter=Q(created_at__gte=window))
    )
    first_seen = seen["first"]
    is_new = first_seen is None or first_seen > now - timedelta(hours=conf.new_author_hours)
    recent = seen["recent"] if is_new else 0
    if not policy.is_burst(recent_count=recent, limit=conf.burst_limit, is_new_author=is_new):
        return []
    return [
        Finding(
            "burst",
            policy.HOLD,
            _("Held: a new author's %(count)d comments in %(minutes)d minutes.")
            % {"count": recent + 1, "minutes": conf.burst_window_minutes},
            "spam",
        )
    ]
