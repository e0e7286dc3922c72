"""Calling the API as another site's page does: JSON bodies, the reader token in a header,
the Origin its browser sends."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from gazette.sites.models import Site
from tests.challenges.solving import clock_at
from tests.comments.helpers import human_check

ORIGIN = "https://news.example.org"
PAGE = f"{ORIGIN}/2026/12/court-ruling"


class SiteFactory(DjangoModelFactory[Site]):
    class Meta:
        model = Site

    key = factory.Sequence(lambda n: f"partner-{n}")
    name = factory.Sequence(lambda n: f"Partner {n}")
    allowed_origins = factory.LazyFunction(lambda: [ORIGIN])


def call(client, method: str, path: str, body: Any = None, **headers: str):
    """One API call; `headers` are given as Django test client META names (HTTP_ORIGIN=...)."""
    kwargs: dict[str, Any] = dict(headers)
    if body is not None:
        kwargs["data"] = json.dumps(body)
        kwargs["content_type"] = "application/json"
    return getattr(client, method.lower())(path, **kwargs)


def reader_headers(token: str) -> dict[str, str]:
    return {"HTTP_X_GAZETTE_READER": token}


def new_reader_token(client) -> str:
    return client.post("/api/v1/readers").json()["reader_token"]


def captcha_for(thread, *, ip: str = "127.0.0.1") -> str:
    """A solved captcha for a comment in `thread`, as its challenge_url gives it, fetched half
    a minute ago (when the reader started writing: the API's only measure of filling time)."""
    target = str(thread.article_id) if thread.article_id else f"thread-{thread.pk}"
    with clock_at(timezone.now() - timedelta(seconds=30)):
        return human_check(ip, scope=f"comment:{target}")["altcha"]


def new_comment(thread, **overrides: Any) -> dict[str, Any]:
    body = {
        "name": "Dana",
        "body": "The *ruling* is worth reading in full.",
        "accept_policy": True,
        "altcha": captcha_for(thread),
    }
    body.update(overrides)
    return body


def assert_problem(response, status: int, code: str) -> dict[str, Any]:
    """The answer is an RFC 9457 problem of this status and machine code."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["code"] == code
    assert problem["type"] == f"urn:gazette:problem:{code}"
    assert problem["title"]
    assert problem["detail"]
    return problem
