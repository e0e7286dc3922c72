"""Log lines a deployer can use: a timestamp, the level, the logger and the request's id on
every line, as text or as JSON lines (LOG_FORMAT=json); and warnings about an outage said once
a minute rather than once per request.

The request id is the one the front server sent (nginx's `$request_id` in X-Request-ID) when that
server is ours (GAZETTE_TRUSTED_PROXIES), else a new one; it goes back in the answer's
X-Request-ID header, so a reader's complaint, nginx's access log and ours meet on one value.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_NO_REQUEST = "-"
_ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=_NO_REQUEST)


def current_request_id() -> str:
    return _request_id.get()


def _request_id_for(request: HttpRequest) -> str:
    given = str(request.META.get("HTTP_X_REQUEST_ID", ""))
    if getattr(settings, "GAZETTE_TRUSTED_PROXIES", 0) and _ACCEPTED_ID.match(given):
        return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Names each request for the log lines written while it is served."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Not reset on the way out: Django logs a 4xx or 5xx answer after the middleware has
        # returned, and that line must carry the id too. The next request sets its own.
        _request_id.set(_request_id_for(request))
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = _request_id.get()
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id` ("-" outside a request: commands, the task worker)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, request_id, message, and
    the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", _NO_REQUEST),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class AtMostEvery:
    """Lets a repeated warning through once per interval, with how many were left out: an outage
    seen by every request would otherwise write a traceback per request."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._last: dict[str, float] = {}
        self._skipped: dict[str, int] = {}
        self._lock = threading.Lock()

    def warn(
        self, logger: logging.Logger, message: str, *, exc: BaseException | None = None
    ) -> None:
        if not self.allows(message):
            return
        with self._lock:
            skipped = self._skipped.pop(message, 0)
        suffix = f" ({skipped} more since the last report)" if skipped else ""
        logger.warning("%s%s: %s", message, suffix, exc or "")

    def allows(self, message: str) -> bool:
        """Whether `message` may be written now (if so, it counts as written)."""
        now = time.monotonic()
        with self._lock:
            last = self._last.get(message)
            if last is not None and now - last < self.seconds:
                self._skipped[message] = self._skipped.get(message, 0) + 1
                return False
            self._last[message] = now
            return True


once_a_minute = AtMostEvery(60)


class OutageAnswersFilter(logging.Filter):
    """Django logs every 5xx answer; a 503 is one of ours, given on purpose while a service is
    down (Redis, a locked database), and the outage itself is logged once a minute already, so
    these lines pass once a minute too."""

    def __init__(self, seconds: float = 60) -> None:
        super().__init__()
        self._limiter = AtMostEvery(seconds)

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != HTTPStatus.SERVICE_UNAVAILABLE:
            return True
        return self._limiter.allows("503")


class RefusalsWithoutTracebackFilter(logging.Filter):
    """A 403 is an answer we chose (a reader on a staff page), not a fault: its line stays, as a
    warning, without the traceback Django attaches."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == HTTPStatus.FORBIDDEN:
            record.exc_info = None
            record.exc_text = None
        return True


def logging_config(*, level: str, json_lines: bool) -> dict[str, object]:
    """The LOGGING setting: one console handler, every line with its request id."""
    formatter: dict[str, object] = (
        {"()": "gazette.core.logs.JsonLinesFormatter"} if json_lines else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "gazette.core.logs.RequestIdFilter"},
            "outage_answers": {"()": "gazette.core.logs.OutageAnswersFilter"},
            "refusals": {"()": "gazette.core.logs.RefusalsWithoutTracebackFilter"},
        },
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "default",
            }
        },
        "loggers": {"django.request": {"filters": ["outage_answers", "refusals"]}},
        "root": {"handlers": ["console"], "level": level},
    }
