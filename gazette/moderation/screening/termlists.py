"""The term lists Gazette ships, one file per language in `terms/`, loaded into the database by a
migration so that screening enforces the Comment Policy on day one; senior moderators then edit
the terms in the admin like any other.

Each file is tab-separated: phrase, action (suspect, block, allow), mode (whole_word,
word_start, anywhere), script scope (any, latin, cyrillic), the clause it enforces, and a note
for moderators. Lines starting with # are comments.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gazette.moderation.screening.termmatch import Scope, TermAction, TermMode

LIST_DIR = Path(__file__).parent / "terms"
HEADER = ["phrase", "action", "mode", "scope", "clause", "note"]
CLAUSE_KEYS = frozenset({"violence", "hate", "attacks", "spam", "privacy", "topic"})


class TermListError(ValueError):
    """A shipped list has a line that cannot be loaded; the message names file and line."""


@dataclass(frozen=True)
class ShippedTerm:
    list_name: str  # the file's language: en, ru, kk, uz
    phrase: str
    action: TermAction
    mode: TermMode
    scope: Scope
    clause_key: str
    note: str


def shipped_terms(directory: Path = LIST_DIR) -> Iterator[ShippedTerm]:
    """Every term of every list in `directory`, checked; raises TermListError on a bad line."""
    for path in sorted(directory.glob("*.tsv")):
        yield from _read(path)


def _read(path: Path) -> Iterator[ShippedTerm]:
    lines = [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not lines or lines[0][1].split("\t") != HEADER:
        raise TermListError(f"{path.name}: the first line must be the header {HEADER}")
    for number, row in zip(
        (number for number, _line in lines[1:]),
        csv.reader((line for _n, line in lines[1:]), delimiter="\t", quoting=csv.QUOTE_NONE),
        strict=True,
    ):
        yield _term(path, number, row)


def _term(path: Path, number: int, row: list[str]) -> ShippedTerm:
    where = f"{path.name}, line {number}"
    if len(row) != len(HEADER):
        raise TermListError(f"{where}: {len(HEADER)} tab-separated fields expected")
    phrase, action, mode, scope, clause, note = (field.strip() for field in row)
    if not phrase:
        raise TermListError(f"{where}: the phrase is empty")
    if clause and clause not in CLAUSE_KEYS:
        raise TermListError(f"{where}: unknown clause {clause!r}")
    try:
        return ShippedTerm(
            path.stem, phrase.casefold(), TermAction(action), TermMode(mode), Scope(scope),
            clause, note[:200],
        )  # fmt: skip
    except ValueError as exc:
        raise TermListError(f"{where}: {exc}") from exc


def load_shipped_terms(term_model: Any, directory: Path = LIST_DIR) -> int:
    """Add the shipped terms that are not in the database yet (given the ScreeningTerm model of
    a migration or of the app); terms staff added or changed are left as they are. Returns how
    many were added."""
    existing = set(term_model.objects.values_list("phrase", "action"))
    new = []
    for term in shipped_terms(directory):
        if (term.phrase, term.action.value) in existing:
            continue
        existing.add((term.phrase, term.action.value))
        new.append(
            term_model(
                phrase=term.phrase,
                action=term.action.value,
                mode=term.mode.value,
                scope=term.scope.value,
                clause_key=term.clause_key,
                note=term.note,
                list_name=term.list_name,
            )
        )
    term_model.objects.bulk_create(new, batch_size=500)
    return len(new)
