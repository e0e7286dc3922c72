"""Every edition is complete: each catalogue is fully translated, keeps its placeholders, and the
compiled .mo file that Django reads matches the .po file translators edit."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import TestCase
from django.utils.translation import to_locale

from tests.factories import ArticleFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
EDITIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
CATALOGUES = [
    LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / f"{domain}.po"
    for code in EDITIONS
    for domain in ("django", "djangojs")
    if (LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / f"{domain}.po").exists()
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\{ ?\w+ ?\}\}")


def _placeholders(text: str) -> set[str]:
    return {match.group(0).replace(" ", "") for match in PLACEHOLDER.finditer(text)}


def test_every_edition_has_a_catalogue() -> None:
    for code in EDITIONS:
        assert (LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po").exists(), code


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: str(path.relative_to(LOCALE_DIR)))
class TestCatalogue:
    def test_is_fully_translated(self, po_path: Path) -> None:
        catalogue = polib.pofile(str(po_path))
        missing = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert missing == []
        assert fuzzy == []

    def test_translations_keep_their_placeholders(self, po_path: Path) -> None:
        for entry in polib.pofile(str(po_path)).translated_entries():
            expected = _placeholders(entry.msgid)
            if entry.msgid_plural:
                for translation in entry.msgstr_plural.values():
                    assert _placeholders(translation) <= expected | _placeholders(
                        entry.msgid_plural
                    ), entry.msgid
            else:
                assert _placeholders(entry.msgstr) == expected, entry.msgid

    def test_compiled_file_matches(self, po_path: Path) -> None:
        source = polib.pofile(str(po_path))
        compiled = polib.mofile(str(po_path.with_suffix(".mo")))
        compiled_pairs = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled}
        for entry in source.translated_entries():
            if not entry.msgid_plural:
                assert compiled_pairs.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid


class EditionInterfaceTests(TestCase):
    """The catalogues are really served: each edition's pages speak its language."""

    def test_each_edition_front_page_is_in_its_language(self) -> None:
        expected = {
            "en": "Skip to content",
            "ru": "Перейти к содержанию",
            "kk": "Мазмұнға өту",
            "uz": "Asosiy mazmunga oʻtish",
            "uz-cyrl": "Асосий мазмунга ўтиш",
        }
        for code, text in expected.items():
            with self.subTest(edition=code):
                html = self.client.get(f"/{code}/").content.decode()
                assert f'<html lang="{code}"' in html
                assert text in html

    def test_the_poll_question_is_translated_on_an_article(self) -> None:
        article = ArticleFactory(language="ru", slug="sud")
        html = self.client.get(article.get_absolute_url()).content.decode()
        assert "Вам понравилась эта статья?" in html
