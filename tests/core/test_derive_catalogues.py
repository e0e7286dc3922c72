"""`manage.py derive_catalogues`: the second script's catalogue follows the first's, and what a
translator wrote by hand in it is kept."""

from pathlib import Path

import polib
from django.conf import settings

from gazette.core.management.commands.derive_catalogues import derive
from gazette.core.transliteration import uzbek_latin_to_cyrillic

LOCALE = Path(settings.BASE_DIR) / "locale"


def catalogue(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.extend(entries)
    return po


def test_entries_are_written_in_the_other_script_with_their_placeholders() -> None:
    source = catalogue(
        polib.POEntry(msgid="%(name)s replied", msgstr="%(name)s javob yozdi"),
        polib.POEntry(msgid="Oldest first", msgstr="Avval eskilari"),
        polib.POEntry(msgid="Untranslated", msgstr=""),
    )
    derived = derive(source, source="uz", convert=uzbek_latin_to_cyrillic, previous=None)
    assert [(entry.msgid, entry.msgstr) for entry in derived] == [
        ("%(name)s replied", "%(name)s жавоб ёзди"),
        ("Oldest first", "Аввал эскилари"),
    ]
    assert all(entry.tcomment == "derived from uz" for entry in derived)


def test_apostrophes_typed_for_the_uzbek_letters_are_read_as_the_letters() -> None:
    source = catalogue(polib.POEntry(msgid="Sort", msgstr="Saralash bo'yicha"))
    derived = derive(source, source="uz", convert=uzbek_latin_to_cyrillic, previous=None)
    assert derived[0].msgstr == "Саралаш бўйича"


def test_a_hand_written_entry_is_kept_and_a_derived_one_follows_its_source() -> None:
    source = catalogue(
        polib.POEntry(msgid="Comments", msgstr="Izohlar"),
        polib.POEntry(msgid="Reply", msgstr="Javob berish"),
    )
    previous = catalogue(
        polib.POEntry(msgid="Comments", msgstr="Фикрлар"),  # a translator's own choice
        polib.POEntry(msgid="Reply", msgstr="Жавоб", tcomment="derived from uz"),
    )
    derived = derive(source, source="uz", convert=uzbek_latin_to_cyrillic, previous=previous)
    assert [entry.msgstr for entry in derived] == ["Фикрлар", "Жавоб бериш"]


def test_the_committed_cyrillic_catalogue_is_derived_from_the_latin_one() -> None:
    latin = polib.pofile(str(LOCALE / "uz" / "LC_MESSAGES" / "django.po"))
    cyrillic = polib.pofile(str(LOCALE / "uz_Cyrl" / "LC_MESSAGES" / "django.po"))
    expected = derive(latin, source="uz", convert=uzbek_latin_to_cyrillic, previous=cyrillic)
    committed = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in cyrillic}
    assert {(entry.msgctxt, entry.msgid): entry.msgstr for entry in expected} == committed
