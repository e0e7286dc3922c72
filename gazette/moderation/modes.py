"""Which moderation mode a discussion is under, and whether its author is trusted to skip
pre-moderation: the reads behind `policy.mode_in_force` and `policy.bypasses_premoderation`.

The site-wide mode is in ModerationSettings; a section's or an article's own mode is a
ModerationMode row. A discussion that is not an article of ours follows the site-wide mode.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy

from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.moderation import policy, sanctions
from gazette.moderation.models import ModerationMode, ModerationSettings
from gazette.sites.queries import moderation_mode_of

# The reason screening records on a comment it holds only because of pre-moderation. The desk
# recognises it (in every edition's language) to list such comments under Pending, apart from
# comments a rule held.
PREMODERATED = gettext_lazy("Held: this discussion is pre-moderated.")
# Replaced with every change of a mode or preset, so that kept article pages show the one in
# force.
PRESETS_STAMP = "moderation:presets"


@dataclass(frozen=True)
class ModeInForce:
    mode: policy.Mode
    source: policy.ModeSource
    # The preset that set the winning row, if any.
    preset: str = ""

    @property
    def trusted_may_skip(self) -> bool:
        """Whether a trusted author's comment skips pre-moderation here (not under a preset
        that wants every comment read)."""
        rules = policy.preset_rules(self.preset)
        return rules is None or rules.trusted_skip_premoderation

    @property
    def is_premoderated(self) -> bool:
        return self.mode == policy.Mode.PRE

    @property
    def label(self) -> str:
        labels = {
            policy.Mode.PRE: gettext_lazy("Pre-moderation"),
            policy.Mode.POST: gettext_lazy("Post-moderation"),
        }
        return str(labels[self.mode])

    @property
    def source_label(self) -> str:
        labels = {
            policy.ModeSource.ARTICLE: gettext_lazy("set for this article"),
            policy.ModeSource.SECTION: gettext_lazy("set for this section"),
            policy.ModeSource.SITE: gettext_lazy("site-wide"),
        }
        return str(labels[self.source])


def _winning_preset(
    source: policy.ModeSource, article_preset: str | None, section_preset: str | None
) -> str:
    if source == policy.ModeSource.ARTICLE:
        return article_preset or ""
    if source == policy.ModeSource.SECTION:
        return section_preset or ""
    return ""


def _article_modes(thread_key: str) -> tuple[str | None, ...] | None:
    """The article's and its section's own mode and preset for the discussion with this key, or
    None when it is not an article of ours. Written out: on every post, the ORM took longer to
    build this query than the database takes to answer it (each row is unique per article and
    per section)."""
    thread, article, mode = (model._meta.db_table for model in (Thread, Article, ModerationMode))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT am.mode, sm.mode, am.preset, sm.preset FROM {thread} t "  # noqa: S608 - table names from our models
            f"JOIN {article} a ON a.id = t.article_id "
            f"LEFT JOIN {mode} am ON am.article_id = a.id "
            f"LEFT JOIN {mode} sm ON sm.section_id = a.section_id "
            "WHERE t.key = %s ORDER BY t.id LIMIT 1",
            [thread_key],
        )
        found = cursor.fetchone()
    return tuple(found) if found is not None else None


def site_mode(conf: ModerationSettings) -> ModeInForce:
    """The mode of a discussion with no section or article of its own."""
    return ModeInForce(*policy.mode_in_force(site=conf.mode, section=None, article=None))


def mode_of_thread(thread_key: str, conf: ModerationSettings, *, site_key: str = "") -> ModeInForce:
    """The mode of the discussion with this key, in one query (its thread, article, section and
    their overrides together); a page of a registered site follows the site's own mode when it
    has one (a second query), else the site-wide mode."""
    row = _article_modes(thread_key)
    article_mode, section_mode, article_preset, section_preset = (
        row if row is not None else (None, None, None, None)
    )
    site_mode = moderation_mode_of(site_key) if row is None and site_key else ""
    mode, source = policy.mode_in_force(
        site=site_mode or conf.mode, section=section_mode, article=article_mode
    )
    return ModeInForce(mode, source, _winning_preset(source, article_preset, section_preset))


def modes_of_articles(
    articles: Iterable[Article], conf: ModerationSettings
) -> dict[int, ModeInForce]:
    """The mode of each article's discussion, in one query, by article id."""
    articles = list(articles)
    if not articles:
        return {}
    rows = list(
        ModerationMode.objects.filter(
            Q(article_id__in={a.pk for a in articles})
            | Q(section_id__in={a.section_id for a in articles})
        ).values_list("article_id", "section_id", "mode", "preset")
    )
    by_article = {a: mode for a, _s, mode, _p in rows if a is not None}
    by_section = {s: mode for _a, s, mode, _p in rows if s is not None}
    presets = {("a", a) if a is not None else ("s", s): p for a, s, _m, p in rows}
    found = {}
    for article in articles:
        mode, source = policy.mode_in_force(
            site=conf.mode,
            section=by_section.get(article.section_id),
            article=by_article.get(article.pk),
        )
        found[article.pk] = ModeInForce(
            mode,
            source,
            _winning_preset(
                source, presets.get(("a", article.pk)), presets.get(("s", article.section_id))
            ),
        )
    return found


@dataclass(frozen=True)
class PresetNotice:
    """What readers of an article are told of the preset in force on its discussion."""

    preset: str
    reason: str


def preset_notice(article: Article) -> PresetNotice | None:
    """The preset in force on an article's discussion (its own, else its section's), or None
    when none is set (the site default). One query."""
    rows = ModerationMode.objects.filter(
        Q(article_id=article.pk) | Q(section_id=article.section_id)
    ).values_list("article_id", "preset", "public_reason")
    chosen = sorted(rows, key=lambda row: row[0] is None)
    if not chosen or not chosen[0][1]:
        return None
    return PresetNotice(chosen[0][1], chosen[0][2])


def stricter_settings(conf: ModerationSettings) -> ModerationSettings:
    """A copy of the screening settings tightened for stricter screening (never saved)."""
    stricter = copy.copy(conf)
    stricter.max_links = min(conf.max_links, policy.STRICTER_MAX_LINKS)
    stricter.profanity_threshold = policy.stricter_threshold(conf.profanity_threshold)
    stricter.classifier_threshold = policy.stricter_threshold(conf.classifier_threshold)
    return stricter


def published_count(*, user_id: int | None, ip_hash: str, limit: int) -> int:
    """How many published comments this author has, counted up to `limit`: an account's by the
    account, a signed-out author's by address hash (as the desk's history and sanctions know
    them). One query, on the account's index; it stops counting at `limit`."""
    if user_id is not None:
        authored = Q(user_id=user_id)
    elif ip_hash:
        authored = Q(user__isnull=True, ip_hash=ip_hash)
    else:
        return 0
    published = Comment.objects.filter(authored, state=Comment.State.PUBLISHED)
    return published.order_by().values("pk")[:limit].count()


def is_trusted(*, user_id: int | None, email: str, ip_hash: str, threshold: int) -> bool:
    """Whether this author skips pre-moderation: enough published comments, never sanctioned."""
    return policy.bypasses_premoderation(
        approved_count=published_count(user_id=user_id, ip_hash=ip_hash, limit=threshold),
        trusted_threshold=threshold,
        ever_sanctioned=sanctions.ever_sanctioned(user_id=user_id, email=email, ip_hash=ip_hash),
    )


def premoderated_reasons() -> list[str]:
    """The pre-moderation reason as recorded in each edition's language."""
    reasons = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reasons.append(str(PREMODERATED))
    return list(dict.fromkeys(reasons))
