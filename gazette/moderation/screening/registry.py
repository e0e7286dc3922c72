"""Every type of rule screening has, with a plain name and what it does, and whether the
configuration in force turns it on. The Comment Policy's account of automation is rendered
from this table, so it names exactly the checks that run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gazette.moderation.models import ClassifierModel, ModerationSettings, ScreeningTerm
from gazette.moderation.policy import Mode


@dataclass(frozen=True)
class Configuration:
    """What the checks' switches are set to now."""

    settings: ModerationSettings
    blocked_terms: bool
    suspect_terms: bool
    site_classifier: bool
    premoderated_anywhere: bool


@dataclass(frozen=True)
class RuleType:
    codes: tuple[str, ...]  # the finding codes it produces (assessment.py, verdict.py)
    name: Promise
    does: Promise
    enabled: Callable[[Configuration], bool]
    refuses: bool = False  # may refuse a comment outright (the high-confidence classes)


RULE_TYPES = (
    RuleType(
        ("term",),
        _("Blocked terms"),
        _(
            "A list of words and phrases that are never acceptable, in every language, matched "
            "however they are spelt (look-alike letters, spacing, invisible characters). A "
            "comment with one is refused as it is posted and the author is told why."
        ),
        lambda conf: conf.blocked_terms,
        refuses=True,
    ),
    RuleType(
        ("term",),
        _("Suspect terms"),
        _("Words that are often, but not always, abusive: a comment with one is held."),
        lambda conf: conf.suspect_terms,
    ),
    RuleType(
        ("links", "disguised_link"),
        _("Link checks"),
        _(
            "Comments with more than %(count)s links, or with web addresses written to slip "
            "past the check, are held."
        ),
        lambda conf: True,
    ),
    RuleType(
        ("caps",),
        _("Capitals"),
        _("Comments written mostly in capital letters are held."),
        lambda conf: conf.settings.caps_ratio < 1,
    ),
    RuleType(
        ("duplicate", "burst"),
        _("Spam heuristics"),
        _(
            "The same text posted in several discussions, and bursts of comments from a new "
            "author, are held."
        ),
        lambda conf: conf.settings.duplicate_resemblance > 0 or conf.settings.burst_limit > 0,
    ),
    RuleType(
        ("profanity",),
        _("English offensive-language model"),
        _("A statistical model scores English text; high scores are held."),
        lambda conf: conf.settings.profanity_threshold > 0,
    ),
    RuleType(
        ("model:incitement", "model:abuse", "model:spam"),
        _("The house models"),
        _(
            "Models shipped with the site, trained on labelled comments in English, Russian, "
            "Kazakh and Uzbek, score incitement, abuse and spam; a comment at or above a "
            "model's published threshold is held."
        ),
        lambda conf: conf.settings.house_models,
    ),
    RuleType(
        ("classifier",),
        _("The site classifier"),
        _("A model learnt from our own moderators' decisions; a comment it scores highly is held."),
        lambda conf: conf.site_classifier and conf.settings.classifier_threshold > 0,
    ),
    RuleType(
        ("premoderation",),
        _("Pre-moderation"),
        _(
            "In discussions that are pre-moderated, comments by authors without a record of "
            "published comments wait for a moderator."
        ),
        lambda conf: conf.premoderated_anywhere,
    ),
)


def configuration() -> Configuration:
    from gazette.moderation.models import ModerationMode  # noqa: PLC0415 - beside its use

    conf = ModerationSettings.load()
    actions = set(
        ScreeningTerm.objects.filter(is_active=True)
        .order_by()
        .values_list("action", flat=True)
        .distinct()
    )
    premoderated = conf.mode == Mode.PRE or ModerationMode.objects.filter(mode=Mode.PRE).exists()
    return Configuration(
        settings=conf,
        blocked_terms=ScreeningTerm.Action.BLOCK in actions,
        suspect_terms=ScreeningTerm.Action.SUSPECT in actions,
        site_classifier=ClassifierModel.objects.filter(is_active=True).exists(),
        premoderated_anywhere=premoderated,
    )


def enabled_rule_types(conf: Configuration | None = None) -> list[RuleType]:
    conf = conf or configuration()
    return [rule for rule in RULE_TYPES if rule.enabled(conf)]
