import io

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from gazette.comments.models import Comment, Thread
from tests.importers.helpers import FIXTURES

DISQUS = str(FIXTURES / "disqus-isso-orphans-deleted.xml")


def run(*arguments):
    out = io.StringIO()
    call_command("import_comments", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


class ImportCommandTests(TestCase):
    def test_the_report_gives_counts_per_outcome_and_the_unmatched_pages(self):
        output = run("--format", "disqus", DISQUS)
        assert "Comments in the file: 6" in output
        assert "Imported: 4 published, 0 held for review, 0 spam, 1 deleted" in output
        assert "  6: a comment on a page the file does not have" in output
        assert "  http://example.org/" in output

    def test_a_second_run_says_everything_was_imported_already(self):
        run("--format", "disqus", DISQUS)
        assert "Already imported: 5" in run("--format", "disqus", DISQUS)

    def test_a_dry_run_reports_and_writes_nothing(self):
        output = run("--format", "disqus", "--dry-run", DISQUS)
        assert output.startswith("Dry run, nothing kept.")
        assert "Imported: 4 published" in output
        assert not Thread.objects.exists()
        assert not Comment.objects.exists()

    def test_a_file_that_is_not_well_formed_is_refused_with_its_line_and_column(self):
        broken = str(FIXTURES / "disqus-remark42-malformed-unicode.xml")
        with pytest.raises(CommandError, match=r"at line 1, column 0\. Nothing was imported"):
            run("--format", "disqus", broken)

    def test_an_unknown_section_is_refused(self):
        with pytest.raises(CommandError, match="No section has the slug 'nowhere'"):
            run("--format", "wxr", "--section", "nowhere", DISQUS)

    def test_progress_is_shown_on_a_terminal(self):
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        terminal = Terminal()
        call_command(
            "import_comments", "--format", "disqus", DISQUS, stdout=io.StringIO(), stderr=terminal
        )
        assert "Comments: 6/6" in terminal.getvalue()
