"""Solving challenges in tests the way a browser would, with the altcha library's own solver."""

from __future__ import annotations

import base64
import json
from contextlib import contextmanager
from datetime import datetime
from unittest import mock

from altcha.v1 import Challenge, Payload, solve_challenge
from django.test import RequestFactory

from gazette.core import clock


def solve(challenge: dict) -> str:
    """The widget's payload for a challenge dict (as our endpoint returns it)."""
    parsed = Challenge(
        algorithm=challenge["algorithm"],
        challenge=challenge["challenge"],
        max_number=challenge["maxNumber"],
        salt=challenge["salt"],
        signature=challenge["signature"],
    )
    solution = solve_challenge(parsed)
    assert solution is not None
    return Payload(
        algorithm=parsed.algorithm,
        challenge=parsed.challenge,
        number=solution.number,
        salt=parsed.salt,
        signature=parsed.signature,
    ).to_base64()


def decode(payload: str) -> dict:
    return json.loads(base64.b64decode(payload))


def encode(fields: dict) -> str:
    return base64.b64encode(json.dumps(fields).encode()).decode()


@contextmanager
def clock_at(moment: datetime):
    """Move our clock (the outside world's time) to `moment`."""
    with mock.patch.object(clock, "now", return_value=moment):
        yield


def post_request(data: dict, *, ip: str = "203.0.113.7"):
    return RequestFactory().post("/letters/", data, REMOTE_ADDR=ip)
