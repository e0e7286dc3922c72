"""Moderation modes and presets of a section or an article: every change in one place, logged.

A preset sets, in one step, the moderation mode of a section or an article and what goes with
it (policy.PRESETS): *open* returns it to the site default, *sensitive* pre-moderates it with no
author skipping the queue, *sub judice* closes its comments, through the comments app's own
closing, with the reason readers are shown. A mode set by hand in the admin goes through
`set_mode` and `clear_mode`, the site-wide mode through `save_site_settings`. Each change is
an audit entry naming who made it and when; the public article page explains the preset in
force.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.articles.models import Article, Section
from gazette.comments.queries import article_thread_key
from gazette.comments.services import (
    close_section,
    close_thread,
    reopen_section,
    reopen_thread,
    thread_for_article,
)
from gazette.core import fragments
from gazette.moderation import policy
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.models import AuditEntry, ModerationMode, ModerationSettings
from gazette.moderation.modes import PRESETS_STAMP
from gazette.moderation.policy import Preset
from gazette.moderation.services import audit
from gazette.moderation.services.audit import Context
from gazette.moderation.services.decisions import require

CHANGE_MODES = "moderation.change_moderationmode"


class PresetTargetRequired(ModerationError):  # noqa: N818 - named for the state it reports
    default_message = _("Choose a section or an article, not both.")


class UnknownPreset(ModerationError):  # noqa: N818 - named for the state it reports
    default_message = _("Choose one of the presets: open, sensitive or sub judice.")


def apply_preset(
    *,
    preset: str,
    actor: User,
    section: Section | None = None,
    article: Article | None = None,
    reason: str = "",
) -> ModerationMode | None:
    """Apply a preset to a section or an article; the row it leaves (None for open, the site
    default). Raises PermissionRequired, PresetTargetRequired or UnknownPreset."""
    require(actor, CHANGE_MODES)
    rules = policy.preset_rules(preset)
    if rules is None:
        raise UnknownPreset
    _require_one_target(section, article)
    reason = reason.strip()[:200]
    with transaction.atomic():
        current = _locked_row(section, article)
        before = (current.preset or current.mode) if current is not None else ""
        row = None
        if preset == Preset.OPEN:
            if current is not None:
                current.delete()
        else:
            row, _created = ModerationMode.objects.update_or_create(
                section=section,
                article=article,
                defaults={"mode": rules.mode, "preset": preset, "public_reason": reason},
            )
        if rules.closes_comments:
            _close(section, article, reason)
        elif current is not None and current.preset == Preset.SUB_JUDICE:
            _reopen(section, article)
        _log(actor, section, article, before=before, after=preset, note=reason, kind="preset")
    return row


def set_mode(*, row: ModerationMode, actor: User) -> ModerationMode:
    """Save a mode set by hand (the admin): the row no longer names a preset."""
    require(actor, CHANGE_MODES)
    with transaction.atomic():
        previous = ModerationMode.objects.filter(pk=row.pk).first() if row.pk else None
        before = (previous.preset or previous.mode) if previous is not None else ""
        row.preset = ""
        row.save()
        if previous is not None and previous.preset == Preset.SUB_JUDICE:
            _reopen(row.section, row.article)
        _log(actor, row.section, row.article, before=before, after=row.mode, note=row.note)
    return row


def clear_mode(*, row: ModerationMode, actor: User) -> None:
    """Remove a section's or an article's own mode (the admin): the site default applies."""
    require(actor, CHANGE_MODES)
    with transaction.atomic():
        before = row.preset or row.mode
        section, article = row.section, row.article
        row.delete()
        if row.preset == Preset.SUB_JUDICE:
            _reopen(section, article)
        _log(actor, section, article, before=before, after="", note="")


def save_site_settings(*, row: ModerationSettings, actor: User) -> ModerationSettings:
    """Save the settings row (the admin); a change of the site-wide mode is logged."""
    with transaction.atomic():
        before = ModerationSettings.objects.filter(pk=row.pk).values_list("mode", flat=True).first()
        row.save()
        if before != row.mode:
            audit.record(
                AuditEntry.Event.MODE_CHANGED,
                actor=actor,
                context=Context("", "", ""),
                from_state=before or "",
                to_state=row.mode,
                outcome="site_mode",
            )
            fragments.replace_stamp(PRESETS_STAMP)
    return row


def _require_one_target(section: Section | None, article: Article | None) -> None:
    if (section is None) == (article is None):
        raise PresetTargetRequired


def _locked_row(section: Section | None, article: Article | None) -> ModerationMode | None:
    rows = ModerationMode.objects.select_for_update()
    if article is not None:
        return rows.filter(article=article).first()
    return rows.filter(section=section).first()


def _close(section: Section | None, article: Article | None, reason: str) -> None:
    if article is not None:
        close_thread(thread=thread_for_article(article), reason=reason)
    elif section is not None:
        close_section(section=section, reason=reason)


def _reopen(section: Section | None, article: Article | None) -> None:
    if article is not None:
        reopen_thread(thread=thread_for_article(article))
    elif section is not None:
        reopen_section(section=section)


def _log(
    actor: User,
    section: Section | None,
    article: Article | None,
    *,
    before: str,
    after: str,
    note: str,
    kind: str = "mode",
) -> None:
    if article is not None:
        context = Context(article_thread_key(article), article.language, article.section.slug)
    else:
        context = Context("", "", section.slug if section is not None else "")
    audit.record(
        AuditEntry.Event.MODE_CHANGED,
        actor=actor,
        context=context,
        from_state=before,
        to_state=after,
        outcome=kind,
        note=note,
    )
    fragments.replace_stamp(PRESETS_STAMP)
