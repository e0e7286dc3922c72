"""Writes to screening's configuration made in the admin: terms added, changed or removed, and
the settings row (thresholds, limits, mode). Each change is an audit entry naming who made it,
what changed, and the term list version in force afterwards, so a hold can be traced to the
rules that made it."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from gazette.accounts.models import User
from gazette.moderation.models import (
    AuditEntry,
    ClassifierModel,
    ModerationSettings,
    ScreeningTerm,
)
from gazette.moderation.screening.rules import term_list_version
from gazette.moderation.services import audit, presets

ADDED = "added"
CHANGED = "changed"
DELETED = "deleted"


def _describe(term: ScreeningTerm) -> str:
    state = "active" if term.is_active else "inactive"
    clause = term.clause_key or "-"
    return f"“{term.phrase}” ({term.action}, {term.mode}, {term.scope}, clause {clause}, {state})"


def save_screening_term(
    *, term: ScreeningTerm, actor: User, before: ScreeningTerm | None = None
) -> ScreeningTerm:
    """Add or change a term; `before` is the row as it was (None for a new term)."""
    with transaction.atomic():
        term.save()
        note = _describe(term) if before is None else f"{_describe(before)} → {_describe(term)}"
        _record(actor, ADDED if before is None else CHANGED, f"term {note}")
    return term


def delete_screening_terms(*, terms: Iterable[ScreeningTerm], actor: User) -> int:
    with transaction.atomic():
        removed = list(terms)
        for term in removed:
            term.delete()
        if removed:
            _record(actor, DELETED, "terms " + "; ".join(_describe(term) for term in removed))
    return len(removed)


def save_moderation_settings(
    *, conf: ModerationSettings, actor: User, changed: dict[str, tuple[object, object]]
) -> ModerationSettings:
    """Save the settings row; `changed` maps each field changed to (before, after). A change of
    the site-wide mode is logged as such (presets.save_site_settings), the others here."""
    changed = {name: values for name, values in changed.items() if name != "mode"}
    with transaction.atomic():
        presets.save_site_settings(row=conf, actor=actor)
        if changed:
            note = "; ".join(
                f"{name}: {old} → {new}" for name, (old, new) in sorted(changed.items())
            )
            _record(actor, CHANGED, f"settings {note}")
    return conf


def set_classifier_in_use(*, model: ClassifierModel, actor: User, in_use: bool) -> ClassifierModel:
    """Put a trained site classifier in use, or take it out of use."""
    with transaction.atomic():
        model.is_active = in_use
        model.save(update_fields=["is_active"])
        state = "in use" if in_use else "out of use"
        _record(actor, CHANGED, f"site classifier {model.pk} ({model.created_at:%Y-%m-%d}) {state}")
    return model


def _record(actor: User, outcome: str, note: str) -> None:
    version = term_list_version()
    audit.record(
        AuditEntry.Event.SCREENING_CHANGED,
        actor=actor,
        outcome=outcome,
        note=note[:5000],
        rules=f"terms@{version}",
    )
