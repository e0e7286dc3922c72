from pathlib import Path
from tempfile import TemporaryDirectory

from django.test import TestCase, override_settings

from gazette.comments.models import Comment, Thread
from tests.comments.helpers import GENEROUS_RATES
from tests.importers.helpers import comment_from, imported
from tests.importers.newsroom import build_newsroom, exported


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class WxrExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsroom = build_newsroom()

    def read_back(self):
        """Our own WordPress importer reads the export into an install without the threads."""
        with TemporaryDirectory() as folder:
            path = Path(folder) / "wordpress.xml"
            path.write_text(exported("--format", "wxr"), encoding="utf-8")
            Thread.objects.all().delete()
            return imported(path, "wxr")

    def test_our_wordpress_importer_reads_the_threads_back_onto_the_same_articles(self):
        self.read_back()
        counts = dict(
            Thread.objects.filter(article__isnull=False).values_list(
                "article__slug", "comment_count"
            )
        )
        assert counts == {"appeal-heard": 5, "verdict-read": 1}
        assert Thread.objects.get(article__slug="verdict-read").is_closed

    def test_replies_keep_whom_they_answer(self):
        opening = self.newsroom.comments["opening"]
        answer = Comment.objects.get(parent=opening)
        reply = Comment.objects.get(in_reply_to=answer)
        self.read_back()
        new_answer = comment_from(str(answer.pk), source="wxr")
        assert new_answer.parent == comment_from(str(opening.pk), source="wxr")
        assert comment_from(str(reply.pk), source="wxr").in_reply_to == new_answer

    def test_a_removed_comment_comes_back_removed_and_a_deleted_one_is_left_in_the_bin(self):
        report = self.read_back()
        removed = comment_from(str(self.newsroom.comments["insult"].pk), source="wxr")
        assert removed.state == Comment.State.REMOVED
        assert report.counts["skipped"] == 1
        assert report.skipped[0]["reason"] == "a comment in the bin (trash)"

    def test_an_email_address_is_written_only_with_personal_data(self):
        assert "dana@example.org" not in exported("--format", "wxr")
        with_data = exported("--format", "wxr", "--include-personal-data")
        assert "<wp:comment_author_email>dana@example.org</wp:comment_author_email>" in with_data
