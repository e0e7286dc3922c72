"""Moderation's start-up check: every edition's language is one screening is evaluated in, so
the monthly figures have a row for the comments of each edition (point 51 of the standard)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from gazette.moderation.screening_figures import EVALUATED


def _evaluated(language: str) -> bool:
    code = language.lower()
    return any(written == code or written.startswith(f"{code}-") for written in EVALUATED)


@checks.register()
def check_screening_languages(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return [
        checks.Error(
            f"Screening is not evaluated in {code!r}, an edition's language: the monthly "
            "screening figures would have no row for its comments.",
            hint="Add its language and script to moderation/screening/languages.py (Written) "
            "with training comments, and evaluate the shipped models on them.",
            id="moderation.E001",
        )
        for code, _name in settings.LANGUAGES
        if not _evaluated(code)
    ]
