"""Filling the human check for real: solve an ALTCHA challenge, stamp the form as shown a while
ago. Form tests post exactly what a browser with the widget would."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from altcha import solve_challenge_v1
from django.core import signing

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.challenges import activity, proof
from gazette.challenges.conf import DEFAULT_RATES, challenge_settings
from gazette.challenges.forms import AbuseSignals
from gazette.comments import seam
from gazette.comments.seam import Moderation
from gazette.core import clock
from gazette.core.network import ip_hash

_STAMP_SALT = "gazette.challenges.rendered-at"

# Rates generous enough that a test's posts are never limited (rate limits have their own tests).
GENEROUS_RATES = {action: {"reader": "1000/60", "ip": "1000/60"} for action in DEFAULT_RATES}


def human_check(
    ip: str = "127.0.0.1", *, scope: str, shown_seconds_ago: float = 30.0
) -> dict[str, str]:
    """The captcha, honeypot and timing fields of a form filled by a person at `ip`, with a
    challenge fetched for the form's `scope` (as its widget does: `comment:<article id>`,
    `signup`)."""
    config = challenge_settings()
    level = activity.required_level(ip_hash(ip), config=config)
    challenge = proof.issue_challenge(
        max_number=config.max_number(level), scope=scope, config=config
    )
    solution = solve_challenge_v1(
        challenge["challenge"],
        salt=challenge["salt"],
        algorithm=challenge["algorithm"],
        max_number=challenge["maxNumber"],
    )
    assert solution is not None
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return {
        "altcha": base64.b64encode(json.dumps(payload).encode()).decode(),
        "homepage": "",
        "rendered_at": signing.dumps(clock.now().timestamp() - shown_seconds_ago, salt=_STAMP_SALT),
    }


def comment_check(article: Any, ip: str = "127.0.0.1") -> dict[str, str]:
    """The human check of the comment form under `article`."""
    return human_check(ip, scope=f"comment:{article.pk}")


# The human check of a form sent too fast: screening holds what comes with it.
HELD = AbuseSignals(
    difficulty=0,
    fill_seconds=1.2,
    honeypot_filled=False,
    without_javascript=False,
    hold_for_review=True,
)


def posting_as(
    name: str,
    *,
    anonymous_id: str = "",
    user: User | None = None,
    email: str = "",
    ip_hash: str = "",
    language: str = "en",
) -> dict[str, Any]:
    """The keyword arguments of post_comment() that say who posts: a reader and what they give."""
    reader = (
        Reader.signed_in(user, ip_hash=ip_hash)
        if user is not None
        else Reader.anonymous(anonymous_id or name, ip_hash=ip_hash)
    )
    return {"reader": reader, "name": name, "email": email, "language": language}


@contextmanager
def moderation_connected(moderation: Moderation) -> Iterator[None]:
    """Posting answered by `moderation` for the length of the block (for the seam's own
    contract: what comments do when moderation fails)."""
    previous = seam.moderation()
    seam.connect(moderation)
    try:
        yield
    finally:
        seam.connect(previous)
