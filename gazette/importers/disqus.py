"""Reading a Disqus XML export: <thread> and <post> elements directly under <disqus>."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from gazette.importers import fields, xmlstream
from gazette.importers.records import (
    Fault,
    Markup,
    Record,
    SourceComment,
    SourceState,
    SourceThread,
)

DISQUS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def read(path: Path) -> Iterator[Record]:
    for element in xmlstream.records(path, lambda parent: parent.tag == f"{DISQUS}disqus"):
        if element.tag == f"{DISQUS}thread":
            yield _thread(element)
        elif element.tag == f"{DISQUS}post":
            yield _post(element)


def _field(element: Element, name: str) -> str:
    return xmlstream.text_of(element.find(f"{DISQUS}{name}"))


def _reference(element: Element, name: str) -> str:
    child = element.find(f"{DISQUS}{name}")
    return "" if child is None else child.get(DSQ_ID, "").strip()


def _thread(element: Element) -> Record:
    ref = element.get(DSQ_ID, "").strip()
    if not ref:
        return Fault(_("a thread without an ID"), where=_field(element, "link"), is_comment=False)
    try:
        return SourceThread(
            ref=ref,
            link=_field(element, "link"),
            title=_field(element, "title"),
            identifier=_field(element, "id"),
            is_closed=fields.boolean(_field(element, "isClosed"), "isClosed"),
            is_deleted=fields.boolean(_field(element, "isDeleted"), "isDeleted"),
        )
    except fields.FieldFault as exc:
        return Fault(str(exc), ref=ref, is_comment=False)


def _post(element: Element) -> Record:
    ref = element.get(DSQ_ID, "").strip()
    if not ref:
        return Fault(_("a comment without an ID"), where=_field(element, "createdAt"))
    author = element.find(f"{DISQUS}author")
    faults: list[str] = []
    is_spam = fields.collected(faults, fields.boolean, _field(element, "isSpam"), "isSpam")
    is_deleted = fields.collected(faults, fields.boolean, _field(element, "isDeleted"), "isDeleted")
    created_at = fields.collected(
        faults, fields.timestamp, _field(element, "createdAt"), "createdAt"
    )
    if faults or created_at is None:
        return Fault("; ".join(faults), ref=ref)
    state = SourceState.PUBLISHED
    if is_spam:
        state = SourceState.SPAM
    if is_deleted:
        state = SourceState.DELETED
    return SourceComment(
        ref=ref,
        thread_ref=_reference(element, "thread"),
        parent_ref=_reference(element, "parent"),
        created_at=created_at,
        author_name=_field(author, "name") if author is not None else "",
        email=fields.email(_field(author, "email")) if author is not None else "",
        ip=_field(element, "ipAddress"),
        body=_field(element, "message"),
        markup=Markup.HTML,
        state=state,
    )
