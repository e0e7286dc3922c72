"""Write the catalogues of the editions in a second script from the first script's catalogues.

`make messages` runs it after `makemessages`: locale/uz_Cyrl is written from locale/uz (and
locale/kk_Latn from locale/kk), so a string translated into Uzbek once is in both scripts. An
entry someone wrote by hand is kept: derived entries carry the comment "derived from <code>",
and an entry without it is left alone. Django's own texts (months, "2 hours ago", form errors)
are written the same way into gazette/core/catalogues/, from Django's own catalogues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import django
import polib  # type: ignore[import-untyped]  # polib ships no type hints
from django.conf import settings
from django.core.management.base import BaseCommand

from gazette.core import transliteration

DERIVED = "derived from {source}"
# Second script, first script, and how one is written from the other.
CATALOGUES: list[tuple[str, str, Callable[[str], str]]] = [
    ("uz_Cyrl", "uz", transliteration.uzbek_latin_to_cyrillic),
    ("kk_Latn", "kk", transliteration.kazakh_cyrillic_to_latin),
]
# Without these, gettext would fall back from uz_Cyrl to Django's uz (and from kk_Latn to kk):
# months and "2 hours ago" in the other script.
DJANGO_CATALOGUES = CATALOGUES
HEADER = (
    "{target} translation of Gazette's interface, written from the {source} catalogue by\n"
    "`manage.py derive_catalogues`. To keep a translation of your own, remove the entry's\n"
    '"derived from {source}" comment.\n'
)


def _catalogue(code: str, base: Path) -> Path:
    return base / code / "LC_MESSAGES" / "django.po"


def _normalised(text: str, source: str) -> str:
    # Django's and typists' Uzbek writes the apostrophe for ʻ and ʼ: read it as the letter.
    return transliteration.normalise_uzbek_latin(text) if source == "uz" else text


def derive(
    entries: Iterable[polib.POEntry],
    *,
    source: str,
    convert: Callable[[str], str],
    previous: polib.POFile | None,
) -> list[polib.POEntry]:
    """The derived entries, in order; entries of `previous` written by hand are kept."""
    marker = DERIVED.format(source=source)
    kept = {
        (entry.msgctxt, entry.msgid): entry
        for entry in (previous or [])
        if entry.translated() and marker not in (entry.tcomment or "")
    }
    derived = []
    for entry in entries:
        if entry.obsolete or not entry.translated():
            continue
        hand_written = kept.get((entry.msgctxt, entry.msgid))
        if hand_written is not None:
            derived.append(hand_written)
            continue
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
            tcomment=marker,
        )
        if entry.msgid_plural:
            new.msgstr_plural = {
                index: convert(_normalised(text, source))
                for index, text in entry.msgstr_plural.items()
            }
        else:
            new.msgstr = convert(_normalised(entry.msgstr, source))
        derived.append(new)
    return derived


def write(path: Path, entries: list[polib.POEntry], metadata: dict[str, Any], header: str) -> None:
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.header = header
    catalogue.metadata = metadata
    catalogue.extend(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    catalogue.save_as_mofile(str(path.with_suffix(".mo")))


class Command(BaseCommand):
    help = "Write the Uzbek Cyrillic and Kazakh Latin catalogues from the first script's."

    def handle(self, *args: Any, **options: Any) -> None:
        locale = Path(settings.LOCALE_PATHS[0])
        django_texts = Path(settings.LOCALE_PATHS[1])
        for target, source, convert in CATALOGUES:
            self._derive_ours(locale, target, source, convert)
        for target, source, convert in DJANGO_CATALOGUES:
            self._derive_djangos(django_texts, target, source, convert)

    def _derive_ours(
        self, locale: Path, target: str, source: str, convert: Callable[[str], str]
    ) -> None:
        origin = polib.pofile(str(_catalogue(source, locale)))
        path = _catalogue(target, locale)
        previous = polib.pofile(str(path)) if path.exists() else None
        entries = derive(origin, source=source, convert=convert, previous=previous)
        metadata = dict(origin.metadata) | {"Language": target}
        write(path, entries, metadata, HEADER.format(target=target, source=source))
        self.stdout.write(f"{path}: {len(entries)} entries from {source}.")

    def _derive_djangos(
        self, base: Path, target: str, source: str, convert: Callable[[str], str]
    ) -> None:
        root = Path(django.__file__).parent
        sources = [root / "conf" / "locale", *sorted((root / "contrib").glob("*/locale"))]
        seen: set[tuple[str | None, str]] = set()
        entries: list[polib.POEntry] = []
        metadata: dict[str, Any] = {}
        for directory in sources:
            path = _catalogue(source, directory)
            if not path.exists():
                continue
            origin = polib.pofile(str(path))
            metadata = metadata or dict(origin.metadata)
            fresh = [entry for entry in origin if (entry.msgctxt, entry.msgid) not in seen]
            seen.update((entry.msgctxt, entry.msgid) for entry in fresh)
            entries += derive(fresh, source=source, convert=convert, previous=None)
        path = _catalogue(target, base)
        header = f"Django's own texts in {target}, written from its {source} catalogues.\n"
        write(path, entries, metadata | {"Language": target}, header)
        self.stdout.write(f"{path}: {len(entries)} of Django's entries from {source}.")
