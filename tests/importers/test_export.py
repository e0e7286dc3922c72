import json
from pathlib import Path
from tempfile import TemporaryDirectory

import jsonschema
import pytest
from django.core.management import CommandError
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from gazette.comments.models import Comment, Thread
from gazette.comments.services import like_comment, thread_for_article
from gazette.importers.exceptions import ImportRefused
from gazette.importers.export_records import ExportOptions, export_records
from gazette.importers.export_wxr import wxr_chunks
from gazette.moderation.models import AuditEntry, Decision, PolicyVersion
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from gazette.reactions.models import Poll
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import ArticleFactory
from tests.importers.helpers import imported
from tests.importers.newsroom import build_newsroom, export_lines, exported, reader
from tests.moderation.factories import WHY, post, reviewer

DOCS = Path(__file__).parents[2] / "docs"
SCHEMA = json.loads((DOCS / "export-format.schema.json").read_text(encoding="utf-8"))


def of_type(lines, kind):
    return [line for line in lines if line["type"] == kind]


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class JsonLinesExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsroom = build_newsroom()

    def test_every_line_matches_the_published_schema_with_and_without_personal_data(self):
        validator = jsonschema.Draft202012Validator(SCHEMA)
        for lines in (export_lines(), export_lines("--include-personal-data")):
            for line in lines:
                validator.validate(line)
        assert {line["type"] for line in export_lines("--include-personal-data")} == {
            "gazette-export",
            "site",
            "policy_version",
            "thread",
            "comment",
            "like",
            "poll_tally",
            "decision",
        }

    def test_the_format_document_describes_every_field_of_every_type_the_schema_knows(self):
        document = (DOCS / "export-format.md").read_text(encoding="utf-8")
        for record in SCHEMA["$defs"].values():
            kind = record["properties"]["type"]["const"]
            row = next(line for line in document.splitlines() if line.startswith(f"| `{kind}` |"))
            for name in set(record["properties"]) - {"type"}:
                assert f"`{name}`" in row, (kind, name)

    def test_the_number_of_queries_does_not_grow_with_the_number_of_threads_and_comments(self):
        def queries():
            options = ExportOptions(personal_data=True)
            with CaptureQueriesContext(connection) as captured:
                list(export_records(options))
                list(wxr_chunks(options))
            return len(captured)

        before = queries()
        for number in range(3):
            thread = thread_for_article(ArticleFactory(slug=f"more-{number}"))
            opening = post(thread, "A second hearing is due.", name="Dana")
            post(thread, "When?", opening.pk, name="Erlan", anonymous_id="r-2")
            like_comment(comment_id=opening.pk, reader=reader("r-5"))
        assert queries() == before

    def test_the_first_line_names_the_format_its_version_and_whether_it_holds_personal_data(self):
        header = export_lines()[0]
        assert (header["type"], header["version"], header["personal_data"]) == (
            "gazette-export",
            1,
            False,
        )
        assert export_lines("--include-personal-data")[0]["personal_data"] is True

    def test_without_the_flag_no_address_hash_reader_or_moderator_is_exported(self):
        text = exported()
        assert "@" not in text
        assert "hash-of-" not in text
        assert "anon:" not in text
        assert "moderator-amina" not in text
        assert not of_type(export_lines(), "like")

    def test_with_the_flag_addresses_hashes_readers_likes_and_moderators_are_exported(self):
        lines = export_lines("--include-personal-data")
        opening = next(c for c in of_type(lines, "comment") if c["author_name"] == "Dana")
        assert opening["email"] == "dana@example.org"
        assert opening["ip_hash"] == "hash-of-dana"
        assert opening["author_key"] == "anon:reader-1"
        assert {like["reader"] for like in of_type(lines, "like")} == {"anon:r-5", "anon:r-6"}
        removal = next(d for d in of_type(lines, "decision") if d["event"] == "removed")
        assert removal["moderator"] == "moderator-amina"

    def test_a_removal_names_its_clause_and_its_moderator_by_pseudonym(self):
        removal = next(d for d in of_type(export_lines(), "decision") if d["event"] == "removed")
        assert removal["comment"] == str(self.newsroom.comments["insult"].pk)
        assert removal["clause"]["key"] == "attacks"
        assert removal["clause"]["number"] == 3
        assert removal["moderator"].startswith("moderator-")
        assert removal["decided_at"].endswith("+00:00")

    def test_a_removal_carries_the_outcome_of_the_appeal_against_it(self):
        removal = Decision.objects.get(comment=self.newsroom.comments["insult"], action="remove")
        appeal = file_appeal(decision=removal, statement="It was a figure of speech.")
        decide_appeal(appeal=appeal, actor=reviewer(), outcome="upheld", response=WHY)
        decided = {d["event"]: d for d in of_type(export_lines(), "decision")}
        assert decided["removed"]["appeal_outcome"] == "appeal_rejected"

    def test_a_comment_its_author_deleted_leaves_without_its_text(self):
        withdrawn = str(self.newsroom.comments["withdrawn"].pk)
        comment = next(c for c in of_type(export_lines(), "comment") if c["id"] == withdrawn)
        assert (comment["state"], comment["body"], comment["body_html"]) == ("deleted", "", "")

    def test_threads_carry_their_article_by_edition_and_slug_and_their_closing(self):
        threads = {t["title"]: t for t in of_type(export_lines(), "thread")}
        closed = threads["Verdict read"]
        assert closed["article"] == {"edition": "en", "slug": "verdict-read"}
        assert (closed["closed"], closed["closed_reason"]) == (
            True,
            "Comments closed after the verdict.",
        )

    def test_a_poll_is_exported_as_counts_per_answer(self):
        (poll,) = of_type(export_lines("--include-personal-data"), "poll_tally")
        assert [(a["code"], a["votes"]) for a in poll["answers"]] == [("yes", 2), ("no", 1)]
        assert "r-5" not in json.dumps(poll)

    def test_the_site_option_exports_only_that_sites_threads(self):
        lines = export_lines("--site", self.newsroom.site_key)
        assert [t["site"] for t in of_type(lines, "thread")] == ["partner"]
        assert [c["author_name"] for c in of_type(lines, "comment")] == ["Madina"]

    def test_an_unknown_site_is_refused(self):
        with pytest.raises(CommandError, match="No site has the key 'nowhere'"):
            exported("--site", "nowhere")

    def test_the_export_is_written_to_a_file_when_asked(self):
        with TemporaryDirectory() as folder:
            path = Path(folder) / "comments.jsonl"
            exported("--output", str(path))
            lines = path.read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[0])["type"] == "gazette-export"
        assert len(lines) == len(export_lines())

    def test_each_export_is_in_the_audit_log_with_or_without_personal_data(self):
        exported()
        exported("--include-personal-data", "--format", "wxr")
        entries = AuditEntry.objects.filter(event="comments_exported").order_by("pk")
        assert [(e.outcome, e.actor_component, e.note) for e in entries] == [
            ("without_personal_data", "export_comments", "jsonl *"),
            ("with_personal_data", "export_comments", "wxr *"),
        ]


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class GazetteImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsroom = build_newsroom()

    def setUp(self):
        self.folder = Path(self.enterContext(TemporaryDirectory()))

    def write(self, lines):
        path = self.folder / "export.jsonl"
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path

    def test_a_file_without_the_header_is_refused_and_nothing_is_written(self):
        lines = exported().splitlines()[1:]
        Thread.objects.all().delete()
        with pytest.raises(ImportRefused, match="not a Gazette export"):
            imported(self.write(lines), "gazette")
        assert not Comment.objects.exists()

    def test_a_line_that_is_not_json_is_skipped_with_its_line_number(self):
        lines = exported().splitlines()
        report = imported(self.write([lines[0], "{not json", *lines[1:]]), "gazette")
        assert report.skipped[0] == {
            "id": "",
            "reason": "a line that is not JSON",
            "where": "line 2",
        }

    def test_a_policy_version_this_install_lacks_is_restored_with_its_clauses(self):
        lines = export_lines()
        version = of_type(lines, "policy_version")[-1]
        version["number"] = 41
        report = imported(self.write([json.dumps(lines[0]), json.dumps(version)]), "gazette")
        restored = PolicyVersion.objects.get(number=41)
        assert restored.is_published
        assert [(c.number, c.key) for c in restored.clauses.all()] == [(3, "attacks")]
        assert report.counts["policy_versions_restored"] == 1

    def test_a_thread_of_an_article_this_install_lacks_is_skipped_with_the_reason(self):
        lines = export_lines()
        thread = next(t for t in of_type(lines, "thread") if t["title"] == "Verdict read")
        thread["article"]["slug"] = "never-published"
        comments = [c for c in of_type(lines, "comment") if c["thread"] == thread["id"]]
        Thread.objects.all().delete()
        report = imported(
            self.write([json.dumps(line) for line in (lines[0], thread, *comments)]), "gazette"
        )
        assert report.imported == 0
        assert "never-published) is not on this site" in report.skipped[0]["reason"]

    def test_a_poll_naming_an_answer_its_set_lacks_is_not_restored_at_all(self):
        lines = export_lines()
        (poll,) = of_type(lines, "poll_tally")
        poll["answers"][1]["code"] = "maybe"
        Poll.objects.all().delete()
        report = imported(self.write([json.dumps(lines[0]), json.dumps(poll)]), "gazette")
        assert not Poll.objects.exists()
        assert report.skipped[0]["reason"].startswith("a record lacking a field")

    def test_a_dry_run_restores_no_history(self):
        lines = export_lines()
        version = of_type(lines, "policy_version")[-1]
        version["number"] = 42
        Poll.objects.all().delete()
        path = self.write(
            [json.dumps(line) for line in (lines[0], version, *of_type(lines, "poll_tally"))]
        )
        report = imported(path, "gazette", dry_run=True)
        assert report.counts["policy_versions_restored"] == 1
        assert not PolicyVersion.objects.filter(number=42).exists()
        assert not Poll.objects.exists()
