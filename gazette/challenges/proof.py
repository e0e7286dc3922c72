"""ALTCHA proof of work (the `altcha` library's v1 protocol, which the vendored widget speaks):
issuing signed challenges and checking solved ones. No state: single use is enforced by
services.use_challenge, difficulty by the form.

A challenge's salt carries, inside what the HMAC signs, its expiry, its difficulty (the
largest secret number it could hold) and its scope (the form and target it was fetched for, e.g.
``comment:12`` for the comment form of article 12), so all three can be trusted when the
solution comes back, and a solution is refused on any other form.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal

from altcha.v1 import ChallengeOptions, Payload, create_challenge, verify_solution

from gazette.challenges.conf import ChallengeSettings
from gazette.challenges.exceptions import ChallengeRejected, Reason
from gazette.core import clock

ALGORITHM: Final[Literal["SHA-256"]] = "SHA-256"
_DIFFICULTY_PARAM = "difficulty"
_EXPIRES_PARAM = "expires"
_SCOPE_PARAM = "scope"
_SIGNED_PARAMS = frozenset({_EXPIRES_PARAM, _DIFFICULTY_PARAM, _SCOPE_PARAM})
_MAX_PAYLOAD_LENGTH = 2048
_MAX_SALT_LENGTH = 256
_HEX_64 = re.compile(r"[0-9a-f]{64}")
_NONCE = re.compile(r"[0-9a-f]{16,64}")
# An action, and optionally the one thing it acts on: "signup", "comment:12".
_SCOPE = re.compile(r"[a-z_]{1,24}(?::[0-9A-Za-z_.-]{1,64})?")


@dataclass(frozen=True)
class Solved:
    """A solution whose signature, proof and expiry have been checked."""

    signature: str
    max_number: int
    expires_at: datetime
    scope: str


def scope_of(action: str, target: str = "") -> str:
    """The scope a form's challenge is bound to: its action, and the target when it has one."""
    return f"{action}:{target}" if target else action


def is_scope(value: str) -> bool:
    return bool(_SCOPE.fullmatch(value))


def issue_challenge(*, max_number: int, scope: str, config: ChallengeSettings) -> dict[str, Any]:
    """A new challenge as the widget expects it (algorithm, challenge, maxNumber, salt,
    signature), for one form's scope, expiring after the configured time."""
    if not is_scope(scope):
        raise ValueError(scope)
    options = ChallengeOptions(
        algorithm=ALGORITHM,
        max_number=max_number,
        hmac_key=config.hmac_key,
        expires=clock.now() + config.expires,
        params={_DIFFICULTY_PARAM: str(max_number), _SCOPE_PARAM: scope},
    )
    challenge: dict[str, Any] = create_challenge(options).to_dict()
    return challenge


def check_solution(payload: str, *, scope: str, config: ChallengeSettings) -> Solved:
    """Check a payload the widget sent back to the form of `scope`. Raises ChallengeRejected
    (MISSING, MALFORMED, EXPIRED, INVALID, or ELSEWHERE for a challenge fetched for another
    form or target); says nothing about whether it was used before."""
    if not payload:
        raise ChallengeRejected(Reason.MISSING)
    fields = _decoded(payload)
    expires_at, max_number, solved_scope = _signed_params(fields["salt"])
    if expires_at <= clock.now():
        raise ChallengeRejected(Reason.EXPIRED)
    if fields["number"] > max_number:
        raise ChallengeRejected(Reason.INVALID)
    solution = Payload(
        algorithm=ALGORITHM,
        challenge=fields["challenge"],
        number=fields["number"],
        salt=fields["salt"],
        signature=fields["signature"],
    )
    verified, error = verify_solution(solution, config.hmac_key, check_expires=True)
    if not verified:
        reason = Reason.EXPIRED if error and "expired" in error else Reason.INVALID
        raise ChallengeRejected(reason)
    # Judged after the signature, so that only a genuine challenge is said to be misplaced.
    if solved_scope != scope:
        raise ChallengeRejected(Reason.ELSEWHERE)
    return Solved(
        signature=fields["signature"],
        max_number=max_number,
        expires_at=expires_at,
        scope=solved_scope,
    )


def _decoded(payload: str) -> dict[str, Any]:
    if len(payload) > _MAX_PAYLOAD_LENGTH:
        raise ChallengeRejected(Reason.MALFORMED)
    try:
        fields = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        raise ChallengeRejected(Reason.MALFORMED) from None
    if not (
        isinstance(fields, dict)
        and fields.get("algorithm") == ALGORITHM
        and isinstance(fields.get("challenge"), str)
        and _HEX_64.fullmatch(fields["challenge"])
        and isinstance(fields.get("signature"), str)
        and _HEX_64.fullmatch(fields["signature"])
        and type(fields.get("number")) is int
        and fields["number"] >= 0
        and isinstance(fields.get("salt"), str)
        and len(fields["salt"]) <= _MAX_SALT_LENGTH
    ):
        raise ChallengeRejected(Reason.MALFORMED)
    return fields


def _signed_params(salt: str) -> tuple[datetime, int, str]:
    """Expiry, difficulty and scope from the salt. Exactly one of each, or the salt is not
    ours: a repeated parameter is how a spliced salt would try to say two things at once."""
    nonce, _sep, query = salt.partition("?")
    try:
        params = urllib.parse.parse_qs(query.rstrip("&"), strict_parsing=True)
        if not _NONCE.fullmatch(nonce) or set(params) != _SIGNED_PARAMS:
            raise ValueError(salt)
        (expires,) = params[_EXPIRES_PARAM]
        (difficulty,) = params[_DIFFICULTY_PARAM]
        (scope,) = params[_SCOPE_PARAM]
        if not is_scope(scope):
            raise ValueError(scope)
        return datetime.fromtimestamp(int(expires), tz=UTC), int(difficulty), scope
    except (ValueError, OverflowError, OSError):
        raise ChallengeRejected(Reason.MALFORMED) from None
