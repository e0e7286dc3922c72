"""The reactions app's settings, read at call time so that `override_settings` reaches them.

settings.GAZETTE_REACTIONS is a dict; missing keys take the defaults below:

- IP_RATE: votes (cast, changed or withdrawn) allowed from one address, as "votes/seconds".
  Clearing cookies gives a new reader ID but not a new address, so this keeps one person from
  stuffing a poll.
- SHOW_COUNTS: "after_vote" shows counts and bars to readers who have voted; "always" shows them
  to everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gazette.challenges.ratelimit import Rate


class ShowCounts(StrEnum):
    AFTER_VOTE = "after_vote"
    ALWAYS = "always"


DEFAULTS: dict[str, str] = {"IP_RATE": "30/3600", "SHOW_COUNTS": ShowCounts.AFTER_VOTE}


@dataclass(frozen=True)
class ReactionsConf:
    ip_rate: Rate
    show_counts: ShowCounts


def reactions_conf() -> ReactionsConf:
    raw = {**DEFAULTS, **getattr(settings, "GAZETTE_REACTIONS", {})}
    try:
        ip_rate = Rate.parse(str(raw["IP_RATE"]))
    except ValueError:
        ip_rate = Rate(limit=0, window=0)
    if ip_rate.limit < 1 or ip_rate.window < 1:
        raise ImproperlyConfigured(
            f"GAZETTE_REACTIONS['IP_RATE'] must look like '30/3600', not {raw['IP_RATE']!r}."
        )
    try:
        show_counts = ShowCounts(raw["SHOW_COUNTS"])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "GAZETTE_REACTIONS['SHOW_COUNTS'] must be 'after_vote' or 'always', "
            f"not {raw['SHOW_COUNTS']!r}."
        ) from exc
    return ReactionsConf(ip_rate=ip_rate, show_counts=show_counts)
