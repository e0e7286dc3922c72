from tempfile import TemporaryDirectory

from django.core import mail
from django.test import TestCase

from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.importers.loading import source_levels
from gazette.importers.models import ImportedArticle, ImportedComment
from gazette.importers.records import Markup, SourceComment, SourceState
from tests.factories import SectionFactory
from tests.importers.helpers import comment_from, imported, without_posts

DISQUS = "disqus-isso-orphans-deleted.xml"
THEME = "wxr-wp-theme-unit-test-data.xml"


def totals():
    return (
        Comment.objects.count(),
        Thread.objects.count(),
        Article.objects.count(),
        list(Thread.objects.order_by("pk").values_list("comment_count", "version")),
    )


class IdempotenceTests(TestCase):
    def test_importing_the_same_file_twice_creates_nothing_the_second_time(self):
        section = SectionFactory()
        first = imported(THEME, "wxr", section=section)
        before = totals()
        second = imported(THEME, "wxr", section=section)
        assert totals() == before
        assert second.imported == 0
        assert second.counts["already_imported"] == first.imported == 29
        assert second.counts["articles_created"] == 0
        assert ImportedArticle.objects.count() == first.counts["articles_created"]

    def test_an_import_cut_short_is_completed_by_running_the_whole_file(self):
        with TemporaryDirectory() as folder:
            imported(without_posts(folder, "5", "11"), "disqus")
        assert Comment.objects.count() == 4 - 1
        report = imported(DISQUS, "disqus")
        assert report.counts["already_imported"] == 3
        assert report.counts["published"] == 2
        assert comment_from("5").parent == comment_from("4")
        assert comment_from("11").parent == comment_from("9")
        thread = Thread.objects.get(key="http://example.org/")
        assert thread.comment_count == thread.comments.published().count() == 3
        assert ImportedComment.objects.count() == 5


class BatchTests(TestCase):
    def test_the_smallest_batches_give_the_same_result(self):
        report = imported(THEME, "wxr", section=SectionFactory(), batch_size=1)
        assert report.imported == 29
        for thread in Thread.objects.all():
            assert thread.comment_count == thread.comments.published().count()

    def test_imported_comments_are_neither_announced_nor_mailed(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            imported(DISQUS, "disqus")
        assert callbacks == []
        assert mail.outbox == []


class DryRunTests(TestCase):
    def test_a_dry_run_reports_what_a_real_run_does_and_keeps_nothing(self):
        section = SectionFactory()
        dry = imported(THEME, "wxr", section=section, dry_run=True)
        assert totals() == (0, 0, 0, [])
        real = imported(THEME, "wxr", section=section)
        assert dry.as_dict() == real.as_dict()


class PlacementTests(TestCase):
    def test_a_reply_whose_parent_is_not_in_the_file_is_shown_at_the_top_with_a_note(self):
        with TemporaryDirectory() as folder:
            report = imported(without_posts(folder, "4"), "disqus")
        assert comment_from("5").parent is None
        assert report.notes == [
            {"id": "5", "reason": "its parent is not imported: shown at the top"}
        ]


def comment(ref, parent):
    return SourceComment(
        ref=ref,
        thread_ref="t",
        parent_ref=parent,
        created_at=None,
        author_name="",
        email="",
        ip="",
        body="",
        markup=Markup.HTML,
        state=SourceState.PUBLISHED,
    )


def test_levels_follow_the_chain_of_parents():
    chain = [comment("c", "b"), comment("b", "a"), comment("a", ""), comment("d", "gone")]
    assert source_levels(chain) == {"a": 0, "b": 1, "c": 2, "d": 0}


def test_a_loop_of_parents_is_cut_where_it_is_first_met():
    loop = [comment("a", "b"), comment("b", "a")]
    assert source_levels(loop) == {"a": 0, "b": 1}
