"""Reading and writing rendered page fragments in the shared cache, failing open.

Fragments are copies of what the database says, so a cache that is down costs speed, never a
page: a failed read is a miss and a failed write is skipped (both logged). Rate limits, which
must fail closed, do not use these helpers.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.db import transaction

from gazette.core.logs import once_a_minute

logger = logging.getLogger(__name__)

# Entries of an old version are never read again; a day bounds how long they linger.
FRAGMENT_SECONDS = 24 * 60 * 60


def read(key: str) -> Any:
    """The cached value, or None when absent or when the cache cannot be read."""
    try:
        return cache.get(key)
    except Exception as exc:
        once_a_minute.warn(logger, "Fragment cache unreadable", exc=exc)
        return None


def read_many(keys: Iterable[str]) -> dict[str, Any]:
    try:
        return cache.get_many(list(keys))
    except Exception as exc:
        once_a_minute.warn(logger, "Fragment cache unreadable", exc=exc)
        return {}


def write(key: str, value: Any, seconds: int | None = FRAGMENT_SECONDS) -> None:
    try:
        cache.set(key, value, seconds)
    except Exception as exc:
        once_a_minute.warn(logger, "Fragment cache unwritable", exc=exc)


V = TypeVar("V")


class KeptInProcess(Generic[V]):
    """The most recently used few values of one kind, kept in this process's memory: a bounded,
    thread-safe map that lets the least recently used go first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
        return value

    def peek(self, key: str) -> V | None:
        """The value, without counting it as used."""
        with self._lock:
            return self._values.get(key)

    def keep(self, key: str, value: V) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# Values whose key names every input they depend on (a version or stamp included) never change,
# so each process may keep the most recent few as well: no write has to reach them.
_kept: KeptInProcess[Any] = KeptInProcess(32)


def read_immutable(key: str) -> Any:
    """Like read(), for a key that changes whenever its value would: this process's copy first."""
    kept = _kept.get(key)
    if kept is not None:
        return kept
    value = read(key)
    if value is not None:
        _kept.keep(key, value)
    return value


def write_immutable(key: str, value: Any, seconds: int | None = FRAGMENT_SECONDS) -> None:
    _kept.keep(key, value)
    write(key, value, seconds)


def forget_kept() -> None:
    """Drop this process's copies (tests use it; production never needs to)."""
    _kept.clear()


def stamp(key: str) -> str:
    """The current value of a version stamp kept in the cache, created when missing.

    When the cache cannot be read, a fresh random value: nothing cached is trusted then.
    """
    value = read(key)
    if value is None:
        try:
            cache.add(key, uuid.uuid4().hex, None)
        except Exception as exc:
            once_a_minute.warn(logger, "Fragment cache unwritable", exc=exc)
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
