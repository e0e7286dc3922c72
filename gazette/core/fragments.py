"""Reading and writing rendered page fragments in the shared cache, failing open.

Fragments are copies of what the database says, so a cache that is down costs speed, never a
page: a failed read is a miss and a failed write is skipped (both logged). Rate limits, which
must fail closed, do not use these helpers.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

# Entries of an old version are never read again; a day bounds how long they linger.
FRAGMENT_SECONDS = 24 * 60 * 60


def read(key: str) -> Any:
    """The cached value, or None when absent or when the cache cannot be read."""
    try:
        return cache.get(key)
    except Exception:
        logger.warning("fragment cache unreadable", exc_info=True)
        return None


def read_many(keys: Iterable[str]) -> dict[str, Any]:
    try:
        return cache.get_many(list(keys))
    except Exception:
        logger.warning("fragment cache unreadable", exc_info=True)
        return {}


def write(key: str, value: Any, seconds: int | None = FRAGMENT_SECONDS) -> None:
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("fragment cache unwritable", exc_info=True)


def stamp(key: str) -> str:
    """The current value of a version stamp kept in the cache, created when missing.

    When the cache cannot be read, a fresh random value: nothing cached is trusted then.
    """
    value = read(key)
    if value is None:
        try:
            cache.add(key, uuid.uuid4().hex, None)
        except Exception:
            logger.warning("fragment cache unwritable", exc_info=True)
        value = read(key) or uuid.uuid4().hex
    return str(value)


def replace_stamp(key: str) -> None:
    """Give a stamp a new value now and again when the current transaction commits.

    Now, so the writer's own next read sees the change; after the commit, so that a fragment
    another process built from the data before the commit, and stored under the stamp of the
    moment, is never read again.
    """

    def replace() -> None:
        write(key, uuid.uuid4().hex, None)

    replace()
    transaction.on_commit(replace)
