"""The screening rules in force, read from the database and compiled once per change.

Compiling 10,000 terms takes a fraction of a second, so the compiled matcher and the classifier
are kept in the process and rebuilt only when a cheap stamp (the newest change and the number of
terms, the active classifier's id) says the rules changed. Every call still reads the stamp, so
a change made in the admin applies to the next comment in every worker.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from gazette.moderation.models import ClassifierModel, ModerationSettings, ScreeningTerm
from gazette.moderation.screening.classifier import SiteModel
from gazette.moderation.screening.house import HouseModel, house_models
from gazette.moderation.screening.termmatch import Matcher, Scope, Term, TermAction, TermMode


@dataclass(frozen=True)
class Rules:
    matcher: Matcher
    # The version of the term list in force (a hash of its active terms), named in each hold.
    term_list_version: str
    settings: ModerationSettings
    classifier: SiteModel | None
    house: tuple[HouseModel, ...]


_lock = threading.Lock()
_compiled: dict[str, tuple[object, tuple[Matcher, str]]] = {}
_classifier: dict[str, tuple[int | None, SiteModel | None]] = {}


def _terms_stamp() -> tuple[object, ...]:
    stamp = ScreeningTerm.objects.aggregate(changed=Max("updated_at"), count=Count("pk"))
    return (stamp["changed"], stamp["count"])


def _compile_terms() -> tuple[Matcher, str]:
    rows = sorted(
        ScreeningTerm.objects.filter(is_active=True).values_list(
            "phrase", "action", "mode", "scope", "clause_key"
        )
    )
    version = hashlib.sha256(repr(rows).encode()).hexdigest()[:10]
    matcher = Matcher(
        Term(phrase, TermAction(action), TermMode(mode), Scope(scope), clause_key)
        for phrase, action, mode, scope, clause_key in rows
    )
    return matcher, version


def _matcher() -> tuple[Matcher, str]:
    stamp = _terms_stamp()
    with _lock:
        cached = _compiled.get("terms")
        if cached is not None and cached[0] == stamp:
            return cached[1]
    matcher = _compile_terms()
    with _lock:
        _compiled["terms"] = (stamp, matcher)
    return matcher


def _site_model() -> SiteModel | None:
    active = ClassifierModel.objects.filter(is_active=True).order_by("-created_at", "-pk")
    model_id = active.values_list("pk", flat=True).first()
    with _lock:
        cached = _classifier.get("site")
        if cached is not None and cached[0] == model_id:
            return cached[1]
    model = None
    if model_id is not None:
        data = ClassifierModel.objects.values_list("data", flat=True).get(pk=model_id)
        model = SiteModel.from_data(data)
    with _lock:
        _classifier["site"] = (model_id, model)
    return model


def load_rules() -> Rules:
    """The rules in force now. Raises whatever the database or a broken model raises: the
    caller holds the comment then (screening fails closed)."""
    matcher, version = _matcher()
    return Rules(
        matcher=matcher,
        term_list_version=version,
        settings=ModerationSettings.load(),
        classifier=_site_model(),
        house=house_models(),
    )
