"""The one gate every new or edited comment passes before anyone else sees it.

`screen()` calls the function named by GAZETTE_COMMENT_SCREENING with plain values and gets a
Verdict back. The moderation app plugs its rules in by naming its own function there; nothing
here imports it. A screening function that fails holds the comment: screening fails closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from django.utils.module_loading import import_string

from gazette.comments.conf import comment_settings

logger = logging.getLogger(__name__)

Action = Literal["publish", "hold", "reject"]
PUBLISH: Action = "publish"
HOLD: Action = "hold"
REJECT: Action = "reject"


@dataclass(frozen=True)
class Verdict:
    action: Action
    reasons: list[str] = field(default_factory=list)
    # What a refused author is told (e.g. a suspension and until when); empty: the default.
    message: str = ""


Screen = Callable[..., Verdict]


def publish_unless_held(
    *, text: str, author_name: str, thread_key: str, signals: Mapping[str, object]
) -> Verdict:
    """The default: publish, unless the abuse signals (captcha, timing) ask for a review."""
    if signals.get("hold_for_review"):
        return Verdict(HOLD, ["abuse signals"])
    return Verdict(PUBLISH)


def screen(
    *, text: str, author_name: str, thread_key: str, signals: Mapping[str, object]
) -> Verdict:
    """Ask the configured screening function what to do with a comment."""
    try:
        function: Screen = import_string(comment_settings().screening)
        verdict = function(
            text=text, author_name=author_name, thread_key=thread_key, signals=signals
        )
    except Exception:
        logger.exception("Comment screening failed; holding the comment for review")
        return Verdict(HOLD, ["screening unavailable"])
    if not isinstance(verdict, Verdict) or verdict.action not in (PUBLISH, HOLD, REJECT):
        logger.error("Comment screening returned %r; holding the comment", verdict)
        return Verdict(HOLD, ["screening returned no verdict"])
    return verdict
