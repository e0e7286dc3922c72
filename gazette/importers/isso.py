"""Reading an Isso database (SQLite): `threads(id, uri, title)` and `comments(tid, id, parent,
created, mode, text, author, email, remote_addr, likes, ...)`. Isso keys a thread by the page's
path, so the site's address is needed to know the page."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from gazette.importers import fields
from gazette.importers.exceptions import ImportRefused
from gazette.importers.records import (
    Fault,
    Markup,
    Record,
    SourceComment,
    SourceState,
    SourceThread,
)

MODES = {1: SourceState.PUBLISHED, 2: SourceState.PENDING, 4: SourceState.DELETED}
_COMMENTS = (
    "SELECT tid, id, parent, created, mode, text, author, email, remote_addr, likes "
    "FROM comments ORDER BY tid, id"
)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        raise ImportRefused(_("The file is not an SQLite database.")) from None
    if not {"threads", "comments"} <= tables:
        connection.close()
        raise ImportRefused(_("The file is not an Isso database: it has no threads or comments."))
    return connection


def page_address(uri: str, site_url: str) -> str:
    if uri.startswith("/") and site_url:
        return site_url.rstrip("/") + uri
    return uri


def read(path: Path, site_url: str = "") -> Iterator[Record]:
    connection = _connect(path)
    try:
        for ref, uri, title in connection.execute("SELECT id, uri, title FROM threads"):
            yield SourceThread(
                ref=str(ref), link=page_address(uri or "", site_url), title=title or ""
            )
        for row in connection.execute(_COMMENTS):
            yield _comment(row)
    finally:
        connection.close()


def _comment(row: tuple[object, ...]) -> Record:
    thread_id, ref, parent, created, mode, text, author, email, address, likes = row
    if ref is None:
        return Fault(_("a comment without an ID"))
    state = MODES.get(mode)  # type: ignore[call-overload] # any value: unknown ones are faults
    if state is None:
        return Fault(_("an unknown Isso mode: %(mode)s") % {"mode": mode}, ref=str(ref))
    try:
        created_at = fields.unix_timestamp(created, "created")
    except fields.FieldFault as exc:
        return Fault(str(exc), ref=str(ref))
    return SourceComment(
        ref=str(ref),
        thread_ref=str(thread_id),
        parent_ref="" if parent is None else str(parent),
        created_at=created_at,
        author_name=str(author or ""),
        email=fields.email(str(email or "")),
        ip=str(address or ""),
        body=str(text or ""),
        markup=Markup.MARKDOWN,
        state=state,
        likes=likes if isinstance(likes, int) and likes > 0 else 0,
    )
