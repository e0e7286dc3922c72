"""Reading a large XML export as a stream: each record element is handed over once complete and
then dropped, so memory stays bounded however large the file is. defusedxml refuses entity
expansion and external references, which an uploaded file could use against the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml.ElementTree import iterparse

from gazette.importers.exceptions import NotWellFormed


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def records(path: Path, is_container: Callable[[Element], bool]) -> Iterator[Element]:
    """Every direct child of a container element (the root of a Disqus file, the channel of a
    WordPress one), complete, in file order. Raises NotWellFormed with the line and column of
    the first fault, wherever it lies in the file."""
    parents: list[Element] = []
    try:
        for event, element in iterparse(str(path), events=("start", "end")):
            if event == "start":
                parents.append(element)
                continue
            parents.pop()
            if parents and is_container(parents[-1]):
                yield element
                # The container would otherwise keep every record read so far.
                parents[-1].remove(element)
    except ParseError as exc:
        line, column = exc.position
        raise NotWellFormed(str(exc).split(":")[0], line, column) from exc


def text_of(element: Element | None) -> str:
    if element is None or element.text is None:
        return ""
    return element.text.strip()
