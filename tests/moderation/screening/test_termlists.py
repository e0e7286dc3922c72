from pathlib import Path

import pytest
from django.test import TestCase

from gazette.moderation.models import ScreeningTerm
from gazette.moderation.screening.termlists import (
    HEADER,
    TermListError,
    load_shipped_terms,
    shipped_terms,
)

HEAD = "\t".join(HEADER)


def write_list(directory: Path, *lines: str, name: str = "xx.tsv") -> Path:
    (directory / name).write_text("\n".join(["# a comment", HEAD, *lines]) + "\n", encoding="utf-8")
    return directory


def test_every_shipped_list_loads():
    terms = list(shipped_terms())
    assert terms
    assert {term.list_name for term in terms} <= {"en", "ru", "kk", "uz"}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("word\thold\twhole_word\tany\tspam\tnote", "'hold' is not a valid TermAction"),
        ("word\tsuspect\twhole_word\tany\tweather\tnote", "unknown clause 'weather'"),
        ("word\tsuspect\twhole_word", "6 tab-separated fields expected"),
        ("\tsuspect\twhole_word\tany\tspam\tnote", "the phrase is empty"),
    ],
)
def test_a_bad_line_is_named_by_file_and_line(tmp_path, line, problem):
    with pytest.raises(TermListError, match=problem) as refused:
        list(shipped_terms(write_list(tmp_path, line)))
    assert "xx.tsv, line 3" in str(refused.value)


def test_a_list_without_its_header_is_refused(tmp_path):
    (tmp_path / "yy.tsv").write_text("word\tsuspect\twhole_word\tany\tspam\tnote\n")
    with pytest.raises(TermListError, match="header"):
        list(shipped_terms(tmp_path))


class LoadShippedTermsTests(TestCase):
    def test_a_fresh_install_has_the_shipped_lists(self):
        # Loaded by the migration that created the lists' column; a phrase listed twice with
        # the same action (in two languages' lists) is one term.
        shipped = {(term.phrase, term.action.value) for term in shipped_terms()}
        assert ScreeningTerm.objects.exclude(list_name="").count() == len(shipped)

    def test_loading_adds_what_is_missing_and_keeps_what_staff_changed(self):
        directory = write_list(
            Path(self.enterContext(_temporary())),
            "blorfy\tsuspect\twhole_word\tany\tattacks\tAn insult.",
            "zorbcoin\tsuspect\twhole_word\tany\tspam\tA scam coin.",
        )
        ScreeningTerm.objects.create(phrase="blorfy", action="suspect", is_active=False)
        assert load_shipped_terms(ScreeningTerm, directory) == 1
        assert not ScreeningTerm.objects.get(phrase="blorfy").is_active
        assert ScreeningTerm.objects.get(phrase="zorbcoin").list_name == "xx"
        assert load_shipped_terms(ScreeningTerm, directory) == 0


def _temporary():
    import tempfile  # noqa: PLC0415 - only this test needs it

    return tempfile.TemporaryDirectory()
