"""The one lock that orders the writers of Gazette's append-only logs on PostgreSQL.

Two logs need their rows to become visible in the order they are numbered: the audit chain
(each entry hashes the one before it) and the live updates' event log (a stream resumes from
the last id it saw). Each is written inside the transaction of the change it records, and
either may come first in a transaction. Two locks taken in either order could deadlock; one
lock cannot. It is transaction-scoped: held until commit, so the next writer of either log
sees the previous one's rows. SQLite needs nothing: every transaction there begins IMMEDIATE,
one writer at a time.
"""

from __future__ import annotations

from django.db import connection

# Any constant of our own: PostgreSQL's advisory lock key.
LOG_WRITERS_LOCK = 7_310_112


def order_log_writers() -> None:
    """Take the log writers' lock until the current transaction ends (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOG_WRITERS_LOCK])
