"""Automatic screening of new comments: the function the comments app calls before saving one.

Set GAZETTE_COMMENT_SCREENING = "gazette.moderation.screening.screen". The comments app passes
plain values and gets its own Verdict back; nothing here touches its tables. Screening reads the
rules (cached per change, see rules.py), looks at the text (pure and fast: normalise.py,
termmatch.py, heuristics.py, classifier.py, profanity.py), asks the database two small questions
about the author's recent comments (near-duplicates, bursts) and remembers this one. A comment
nothing else held is then held if its discussion is pre-moderated and its author is not trusted
(modes.py).

Every check fails closed: if the rules, a model or the memory cannot be read, the comment is
held for a moderator, never published unseen.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min
from django.utils import translation
from django.utils.translation import gettext as _

from gazette.comments.models import Thread
from gazette.comments.screening import HOLD, PUBLISH, REJECT, Verdict
from gazette.core import clock
from gazette.moderation import heuristics, modes, policy, profanity, sanctions, sketch
from gazette.moderation.models import AuditEntry, RecentText, RecentTextHash
from gazette.moderation.normalise import Normalised, normalise
from gazette.moderation.policy import Finding
from gazette.moderation.queries import clause_in_force
from gazette.moderation.rules import Rules, load_rules
from gazette.moderation.services import audit, memory
from gazette.moderation.services.audit import Context
from gazette.moderation.termmatch import Hit, Via

logger = logging.getLogger(__name__)

_ACTIONS = {policy.PUBLISH: PUBLISH, policy.HOLD: HOLD, policy.REJECT: REJECT}


@dataclass(frozen=True)
class Author:
    """Who is posting, as far as the comments app tells us (all optional)."""

    key: str
    user_id: int | None = None
    email: str = ""
    ip_hash: str = ""

    @classmethod
    def from_signals(cls, author_name: str, signals: Mapping[str, object]) -> Author:
        user_id = signals.get("user_id")
        ip_hash = str(signals.get("ip_hash") or "")
        key = str(signals.get("author_key") or "")
        if not key:
            if isinstance(user_id, int):
                key = f"user:{user_id}"
            elif signals.get("anonymous_id"):
                key = f"anon:{signals['anonymous_id']}"
            elif ip_hash:
                key = f"ip:{ip_hash}"
            else:
                key = f"name:{' '.join(author_name.casefold().split())}"
        return cls(
            key=key[:100],
            user_id=user_id if isinstance(user_id, int) else None,
            email=str(signals.get("email") or ""),
            ip_hash=ip_hash,
        )


def screen(
    *, text: str, author_name: str, thread_key: str, signals: Mapping[str, object]
) -> Verdict:
    """Publish, hold or reject a comment, with the reasons recorded for moderators."""
    verdict = _verdict(text, author_name, thread_key, signals)
    if signals.get("is_edit"):
        return verdict
    try:
        edition = _edition_of(thread_key)
        audit.record(
            AuditEntry.Event.SCREENED,
            automatic=True,
            outcome=verdict.action,
            context=Context(thread_key, edition, ""),
        )
    except Exception:
        logger.exception("Screening could not write the audit log; holding the comment")
        if verdict.action == PUBLISH:
            return Verdict(HOLD, [_("Held: the audit log could not be written.")])
    return verdict


def _edition_of(thread_key: str) -> str:
    """The edition a discussion belongs to: its article's language, else the reader's."""
    language = (
        Thread.objects.filter(key=thread_key, article__isnull=False)
        .values_list("article__language", flat=True)
        .first()
    )
    return language or translation.get_language() or settings.LANGUAGE_CODE


def _verdict(
    text: str, author_name: str, thread_key: str, signals: Mapping[str, object]
) -> Verdict:
    author = Author.from_signals(author_name, signals)
    try:
        refusal = sanctions.refusal_for(
            user_id=author.user_id, email=author.email, ip_hash=author.ip_hash
        )
        rules = load_rules()
    except Exception:
        logger.exception("Screening rules could not be loaded; holding the comment")
        return Verdict(HOLD, [_("Held: the screening rules could not be loaded.")])
    if refusal is not None:
        return Verdict(REJECT, [refusal], refusal)
    findings = assess(text, rules)
    if signals.get("hold_for_review"):
        findings.append(
            Finding("signals", policy.HOLD, _("Held: the human check asked for a review."))
        )
    try:
        findings.extend(_history(text, thread_key, author, rules))
    except Exception:
        logger.exception("Screening memory unavailable; holding the comment")
        findings.append(
            Finding("memory", policy.HOLD, _("Held: recent comments could not be compared."))
        )
    action = policy.screening_action(findings)
    if action == policy.PUBLISH:
        findings.extend(_mode_findings(thread_key, author, rules))
        action = policy.screening_action(findings)
    reasons = [finding.message for finding in findings]
    if action == policy.REJECT:
        return Verdict(REJECT, reasons, _rejection_message(findings))
    return Verdict(_ACTIONS[action], reasons)


def _mode_findings(thread_key: str, author: Author, rules: Rules) -> list[Finding]:
    """Hold a comment in a pre-moderated discussion unless its author is trusted. Edits are
    screened like new comments, so an edit there is held too."""
    conf = rules.settings
    try:
        if not modes.mode_of_thread(thread_key, conf).is_premoderated:
            return []
        trusted = modes.is_trusted(
            user_id=author.user_id,
            email=author.email,
            ip_hash=author.ip_hash,
            threshold=conf.trusted_threshold,
        )
    except Exception:
        logger.exception("Moderation mode unavailable; holding the comment")
        return [Finding("mode", policy.HOLD, _("Held: the moderation mode could not be read."))]
    if trusted:
        return []
    return [Finding("premoderation", policy.HOLD, str(modes.PREMODERATED))]


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


def assess(text: str, rules: Rules) -> list[Finding]:
    """What the text alone shows under `rules` (no database access)."""
    form = normalise(text)
    findings = [_term_finding(hit) for hit in rules.matcher.find(form)]
    findings.extend(_shape_findings(text, rules))
    findings.extend(_model_findings(text, form, rules))
    return findings


def _term_finding(hit: Hit) -> Finding:
    detail: dict[str, object] = {
        "term": hit.term.phrase,
        "mode": hit.term.mode.value,
        "via": hit.via.value,
        "start": hit.start,
        "end": hit.end,
        "snippet": hit.snippet,
    }
    values = {"term": hit.term.phrase, "start": hit.start, "snippet": hit.snippet}
    if hit.is_blocking:
        message = _("Rejected: blocked term “%(term)s” at %(start)s: %(snippet)s") % values
        return Finding("term", policy.REJECT, message, hit.term.clause_key, detail)
    if hit.via == Via.FOLDED:
        message = _("Held: look-alike spelling of “%(term)s” at %(start)s: %(snippet)s") % values
    else:
        message = _("Held: suspect term “%(term)s” at %(start)s: %(snippet)s") % values
    return Finding("term", policy.HOLD, message, hit.term.clause_key, detail)


def _shape_findings(text: str, rules: Rules) -> list[Finding]:
    conf = rules.settings
    findings = []
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


def _history(text: str, thread_key: str, author: Author, rules: Rules) -> list[Finding]:
    """Compare with recent comments (near-duplicates elsewhere, bursts), then remember this one."""
    conf = rules.settings
    now = clock.now()
    findings: list[Finding] = []
    values = sketch.sketch(normalise(text).skeleton)
    if values and conf.duplicate_resemblance > 0:
        since = now - timedelta(hours=conf.duplicate_window_hours)
        best = (
            RecentTextHash.objects.filter(value__in=values, created_at__gte=since)
            .exclude(text__thread_key=thread_key)
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
    window = now - timedelta(minutes=conf.burst_window_minutes)
    mine = RecentText.objects.filter(author_key=author.key)
    stats = mine.aggregate(first=Min("created_at"))
    first_seen = stats["first"]
    is_new = first_seen is None or first_seen > now - timedelta(hours=conf.new_author_hours)
    recent = mine.filter(created_at__gte=window).count() if is_new else 0
    if policy.is_burst(recent_count=recent, limit=conf.burst_limit, is_new_author=is_new):
        findings.append(
            Finding(
                "burst",
                policy.HOLD,
                _("Held: a new author's %(count)d comments in %(minutes)d minutes.")
                % {"count": recent + 1, "minutes": conf.burst_window_minutes},
                "spam",
            )
        )
    with transaction.atomic():
        remembered = RecentText.objects.create(
            author_key=author.key, thread_key=thread_key, created_at=now
        )
        RecentTextHash.objects.bulk_create(
            RecentTextHash(text=remembered, value=value, created_at=now) for value in values
        )
    memory.purge_when_due(remembered.pk)
    return findings
