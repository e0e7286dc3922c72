"""Errors reported to Sentry when SENTRY_DSN is set, with readers' personal data scrubbed.

A report keeps what a developer needs (the traceback, the route, the request id) and loses what
would identify a reader: cookies, the request body (a comment's text and the address typed with
it), the client's address, the user, and any e-mail or IP address written into a message.
"""

from __future__ import annotations

import re
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from gazette.core.logs import current_request_id

REDACTED = "[redacted]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IPV4 = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}\b")
_IPV6 = re.compile(r"\b[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}\b")
_KEPT_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type", "referer"}


def scrub_text(text: str) -> str:
    return _IPV6.sub(REDACTED, _IPV4.sub(REDACTED, _EMAIL.sub(REDACTED, text)))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    return value


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """Sentry's before_send: the event without personal data."""
    request = event.get("request")
    if isinstance(request, dict):
        for field in ("cookies", "data", "env", "query_string"):
            if field in request:
                request[field] = REDACTED
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value for name, value in headers.items() if name.lower() in _KEPT_HEADERS
            }
    event.pop("user", None)
    event.setdefault("tags", {})["request_id"] = current_request_id()
    for key in ("exception", "logentry", "message", "breadcrumbs", "extra"):
        if key in event:
            event[key] = _scrub(event[key])
    return event


def start_error_reporting(dsn: str, *, environment: str) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        include_local_variables=False,
        before_send=scrub_event,  # type: ignore[arg-type]
        before_send_transaction=scrub_event,  # type: ignore[arg-type]
        traces_sample_rate=0.0,
    )
