"""What a load balancer asks before sending readers to this app server: can it reach the
database and the shared cache, and is the task queue being worked.

Each check answers within a second or two (the cache's socket timeout, the database's statement
timeout) and says only "ok" or what is wrong, never a version, a host or a secret. The database
and the cache are needed to serve readers; a task queue that has fallen behind (no worker, or a
worker that is stuck) makes the answer "degraded" but not down, since this server can still
serve pages while e-mails wait.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from gazette.core import clock
from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)

OK = "ok"
FAILED = "unavailable"
BEHIND = "behind"
_STATEMENT_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class Health:
    checks: dict[str, str]

    @property
    def serving(self) -> bool:
        """Whether readers can be served here: database and cache answer."""
        return self.checks["database"] == OK and self.checks["cache"] == OK

    @property
    def status(self) -> str:
        if not self.serving:
            return "down"
        return OK if all(value == OK for value in self.checks.values()) else "degraded"


def database() -> str:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET LOCAL statement_timeout = {_STATEMENT_TIMEOUT_MS}")
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        once_a_minute.warn(logger, "Health: the database does not answer", exc=exc)
        return FAILED
    return OK


def shared_cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception as exc:
        once_a_minute.warn(logger, "Health: the shared cache does not answer", exc=exc)
        return FAILED
    return OK if answered else FAILED


def task_queue() -> str:
    """Behind when a task has waited to run for longer than GAZETTE_HEALTH_TASK_DELAY."""
    allowed = timedelta(seconds=settings.GAZETTE_HEALTH_TASK_DELAY)
    try:
        waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=clock.now() - allowed)
        behind = waiting.exists()
    except Exception as exc:
        once_a_minute.warn(logger, "Health: the task queue cannot be read", exc=exc)
        return FAILED
    return BEHIND if behind else OK


def health() -> Health:
    return Health(checks={"database": database(), "cache": shared_cache(), "tasks": task_queue()})
