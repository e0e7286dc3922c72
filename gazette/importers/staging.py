"""The records of one file, kept in a temporary SQLite file while the import runs.

Why stage: a file that is not well-formed must be refused whole, and XML can only be known to be
well-formed once read to its end; Disqus lists replies before the comments they answer and
pages apart from their comments. Reading the file once into this private table checks it whole
and lets the loader take one page with all its comments at a time, in bounded memory, without
reading the file twice. Nothing reaches the site's database until the file has been read.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from gazette.importers.records import Fault, History, SourceComment, SourceThread

_SCHEMA = """
CREATE TABLE threads (seq INTEGER PRIMARY KEY, ref TEXT UNIQUE NOT NULL, data BLOB NOT NULL);
CREATE TABLE comments (
    seq INTEGER PRIMARY KEY, ref TEXT UNIQUE NOT NULL, thread_ref TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE history (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, data BLOB NOT NULL);
"""
_COMMIT_EVERY = 10_000


def _loaded(data: bytes) -> object:
    # Written by this process into its own temporary file a moment earlier.
    return pickle.loads(data)  # noqa: S301


class Staging:
    def __init__(self, folder: Path) -> None:
        self.connection = sqlite3.connect(folder / "staging.sqlite3")
        self.connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        self.connection.executescript(_SCHEMA)
        self._pending = 0

    def add(self, record: SourceThread | SourceComment | History) -> Fault | None:
        """Keep the record; a second record with an ID already kept is refused as a Fault."""
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        if isinstance(record, History):
            self.connection.execute(
                "INSERT INTO history (kind, data) VALUES (?, ?)", (record.kind, data)
            )
            return None
        if isinstance(record, SourceThread):
            cursor = self.connection.execute(
                "INSERT INTO threads (ref, data) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (record.ref, data),
            )
            fault = _("a second page with the same ID")
        else:
            cursor = self.connection.execute(
                "INSERT INTO comments (ref, thread_ref, data) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (record.ref, record.thread_ref, data),
            )
            fault = _("a second comment with the same ID")
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.connection.commit()
            self._pending = 0
        if cursor.rowcount:
            return None
        return Fault(fault, ref=record.ref, is_comment=isinstance(record, SourceComment))

    def finish(self) -> None:
        self.connection.execute("CREATE INDEX comments_by_thread ON comments (thread_ref, seq)")
        self.connection.commit()

    def comment_count(self) -> int:
        row = self.connection.execute("SELECT count(*) FROM comments").fetchone()
        return int(row[0])

    def threads(self) -> Iterator[SourceThread]:
        # A cursor of its own, so that reading each thread's comments does not end this one.
        for (data,) in self.connection.cursor().execute("SELECT data FROM threads ORDER BY seq"):
            thread = _loaded(data)
            assert isinstance(thread, SourceThread)  # noqa: S101 - only threads are kept there
            yield thread

    def comments_of(self, thread_ref: str) -> list[SourceComment]:
        rows = self.connection.execute(
            "SELECT data FROM comments WHERE thread_ref = ? ORDER BY seq", (thread_ref,)
        )
        return [comment for (data,) in rows if isinstance(comment := _loaded(data), SourceComment)]

    def orphans(self) -> Iterator[SourceComment]:
        """Comments naming a page the file does not hold."""
        rows = self.connection.cursor().execute(
            "SELECT data FROM comments WHERE thread_ref NOT IN (SELECT ref FROM threads) "
            "ORDER BY seq"
        )
        for (data,) in rows:
            comment = _loaded(data)
            if isinstance(comment, SourceComment):
                yield comment

    def history(self, *kinds: str) -> Iterator[History]:
        """The history records of these kinds, in file order."""
        marks = ", ".join("?" * len(kinds))
        rows = self.connection.cursor().execute(
            f"SELECT data FROM history WHERE kind IN ({marks}) ORDER BY seq",  # noqa: S608 - placeholders only
            kinds,
        )
        for (data,) in rows:
            record = _loaded(data)
            if isinstance(record, History):
                yield record

    def close(self) -> None:
        self.connection.close()
