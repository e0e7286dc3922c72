"""The nudge before posting: a reader whose comment screening would hold for abuse or a banned
term is shown the words that triggered it, once, and may rephrase before anything is sent.

The form then carries a signed token of the text that was shown the nudge. A second send is
posted as usual (and held, if it still trips screening), and records whether the reader
rephrased or sent it as written: that is how often nudges work.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from django.core import signing

FIELD = "nudged"
_SALT = "gazette.comments.nudge"
_MAX_AGE = 24 * 3600


class Outcome(StrEnum):
    NONE = ""  # not nudged
    REPHRASED = "rephrased"
    AS_WRITTEN = "as_written"


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:32]


def token_for(text: str) -> str:
    """What the nudged form carries: the text that was shown the nudge, as a signed digest."""
    return signing.dumps(_digest(text), salt=_SALT)


def outcome_of(token: str, text: str) -> Outcome:
    """Whether this send follows a nudge, and whether the text changed since."""
    if not token:
        return Outcome.NONE
    try:
        nudged = signing.loads(token, salt=_SALT, max_age=_MAX_AGE)
    except signing.BadSignature:
        return Outcome.NONE
    return Outcome.AS_WRITTEN if nudged == _digest(text) else Outcome.REPHRASED
