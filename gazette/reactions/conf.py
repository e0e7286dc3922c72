"""The reactions app's settings, read at call time so that `override_settings` reaches them.

settings.GAZETTE_REACTIONS is a dict; missing keys take the defaults below:

- SHOW_COUNTS: "after_vote" shows counts and bars to readers who have voted; "always" shows them
  to everyone.

How often a reader may vote is the "vote" rate of the one rate limiter (challenges/limits.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class ShowCounts(StrEnum):
    AFTER_VOTE = "after_vote"
    ALWAYS = "always"


DEFAULTS: dict[str, str] = {"SHOW_COUNTS": ShowCounts.AFTER_VOTE}


@dataclass(frozen=True)
class ReactionsConf:
    show_counts: ShowCounts


def reactions_conf() -> ReactionsConf:
    raw = {**DEFAULTS, **getattr(settings, "GAZETTE_REACTIONS", {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise ImproperlyConfigured(f"Unknown GAZETTE_REACTIONS keys: {sorted(unknown)}")
    try:
        show_counts = ShowCounts(raw["SHOW_COUNTS"])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "GAZETTE_REACTIONS['SHOW_COUNTS'] must be 'after_vote' or 'always', "
            f"not {raw['SHOW_COUNTS']!r}."
        ) from exc
    return ReactionsConf(show_counts=show_counts)
