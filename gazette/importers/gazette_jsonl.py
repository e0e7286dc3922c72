"""Reading a Gazette export (JSON Lines, docs/export-format.md) back into records, one line at
a time: threads and comments for the loader, the rest as history (history.py).

The first line must be the export's header, of a version this reader knows; otherwise the
file is refused whole. A line that is not a JSON object, or lacks what its type needs, is
skipped with its line number in the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from gazette.importers.exceptions import ImportRefused
from gazette.importers.export_records import FORMAT_NAME, FORMAT_VERSION
from gazette.importers.records import (
    Fault,
    History,
    Markup,
    Record,
    SourceComment,
    SourceState,
    SourceThread,
)

HISTORY_KINDS = frozenset({"site", "policy_version", "poll_tally", "decision"})
# Who liked what names readers of the exporting install, whom this one does not know: likes
# come back as each comment's count.
PASSED_OVER = frozenset({"like"})
STATES = {
    "published": SourceState.PUBLISHED,
    "pending": SourceState.PENDING,
    "removed": SourceState.REMOVED,
    "deleted": SourceState.DELETED,
}


class NotAGazetteExport(ImportRefused):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The file is not a Gazette export of a version this site reads (its first "
                "line must be the header of version %(version)d). Nothing was imported."
            )
            % {"version": FORMAT_VERSION}
        )


def read(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        _check_header(next(lines, ""))
        for number, line in enumerate(lines, start=2):
            record = _record(line, number) if line.strip() else None
            if record is not None:
                yield record


def _check_header(line: str) -> None:
    try:
        header = json.loads(line)
    except ValueError:
        raise NotAGazetteExport from None
    if not isinstance(header, dict) or header.get("type") != FORMAT_NAME:
        raise NotAGazetteExport
    if header.get("version") != FORMAT_VERSION:
        raise NotAGazetteExport


def _record(line: str, number: int) -> Record | None:
    where = _("line %(number)d") % {"number": number}
    try:
        data = json.loads(line)
    except ValueError:
        return Fault(_("a line that is not JSON"), where=where, is_comment=False)
    if not isinstance(data, dict):
        return Fault(_("a line that is not a JSON object"), where=where, is_comment=False)
    kind = data.get("type")
    if kind in PASSED_OVER:
        return None
    if kind in {"thread", "comment"}:
        return _page_record(data, where)
    if kind in HISTORY_KINDS:
        return History(kind=str(kind), ref=str(data.get("id", "")), data=data)
    return Fault(
        _("a record of an unknown type (%(type)s)") % {"type": str(kind)[:40]},
        where=where,
        is_comment=False,
    )


def _page_record(data: Mapping[str, Any], where: str) -> Record:
    try:
        return _thread(data) if data["type"] == "thread" else _comment(data)
    except (KeyError, TypeError, ValueError):
        return Fault(
            _("a record lacking a field its type needs, or with a value of the wrong kind"),
            ref=str(data.get("id", "")),
            where=where,
            is_comment=data["type"] == "comment",
        )


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name) or ""
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _time(data: Mapping[str, Any], name: str) -> datetime | None:
    value = data.get(name)
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(name)  # the format writes every time with its offset
    return moment


def _thread(data: Mapping[str, Any]) -> SourceThread:
    article = data.get("article")
    return SourceThread(
        ref=str(data["id"]),
        link=_text(data, "url"),
        title=_text(data, "title"),
        is_closed=bool(data.get("closed")),
        site=_text(data, "site"),
        key=_text(data, "key"),
        article=(str(article["edition"]), str(article["slug"])) if article else None,
        closed_reason=_text(data, "closed_reason"),
    )


def _comment(data: Mapping[str, Any]) -> SourceComment:
    created_at = _time(data, "created_at")
    if created_at is None:
        raise ValueError("created_at")
    reply_to = data.get("reply_to")
    return SourceComment(
        ref=str(data["id"]),
        thread_ref=str(data["thread"]),
        parent_ref=str(reply_to) if reply_to else "",
        created_at=created_at,
        author_name=_text(data, "author_name"),
        email=_text(data, "email"),
        ip="",
        body=_text(data, "body"),
        markup=Markup.MARKDOWN,
        state=STATES[str(data["state"])],
        likes=int(data.get("like_count") or 0),
        edited_at=_time(data, "edited_at"),
        deleted_at=_time(data, "deleted_at"),
        language=_text(data, "language"),
        policy_version=_text(data, "policy_version"),
        standing=_text(data, "author_standing"),
        author_key=_text(data, "author_key"),
        ip_hash=_text(data, "ip_hash"),
    )
