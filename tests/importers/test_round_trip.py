"""Export from one install, import into a fresh one, and every page, count and thread is the
same.

A fresh install here is this database with everything the export holds taken away: threads,
comments, likes, polls and registered sites. Its articles come from the newsroom's CMS, not
from the comment export, so they are made again (with new numbers, as another install would
give them) before the import; the audit log cannot be emptied (its rows refuse deletion),
which is also why the transparency figures are compared before and after the import.
"""

import io
from pathlib import Path
from tempfile import TemporaryDirectory

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.importers.models import ImportedComment, ImportedDecision, ImportRun
from gazette.moderation.roles import EDITOR
from gazette.moderation.transparency import month_report
from gazette.reactions import queries as poll_queries
from gazette.reactions.models import Poll
from gazette.sites.models import Site
from tests.api.helpers import ORIGIN, PAGE
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import ArticleFactory
from tests.importers.helpers import imported
from tests.importers.newsroom import (
    build_newsroom,
    discussion_of,
    export_lines,
    exported,
    reader,
    renumbered,
)
from tests.moderation.factories import staff_in


def _made_again(article):
    return ArticleFactory(
        section=article.section,
        slug=article.slug,
        headline=article.headline,
        language=article.language,
        published_at=article.published_at,
        body=article.body,
    )


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class RoundTripTests(TestCase):
    def setUp(self):
        self.newsroom = build_newsroom()
        self.folder = Path(self.enterContext(TemporaryDirectory()))

    def public_view(self):
        """What a reader can see of the discussions: each article's discussion region, the
        replies page of the first comment, the section page's counts, the polls' counts and
        the registered site's thread through the API."""
        articles = Article.objects.order_by("slug")
        opening = Comment.objects.get(parent=None, body__startswith="The court")
        replies = self.client.get(reverse("comments:replies", kwargs={"pk": opening.pk})).text
        start = replies.index('<ol class="comment-list"')
        section = self.client.get(articles[0].section.get_absolute_url()).text
        api = self.client.get(
            "/api/v1/threads", {"site": "partner", "url": PAGE}, HTTP_ORIGIN=ORIGIN
        )
        return {
            "pages": [discussion_of(self.client.get(a.get_absolute_url()).text) for a in articles],
            "replies": renumbered(replies[start : replies.index("</ol>", start)]),
            "badges": sorted(renumbered(badge) for badge in _badges(section)),
            "polls": [_poll_counts(article) for article in articles],
            "threads": sorted(
                Thread.objects.values_list(
                    "site", "article__slug", "url", "comment_count", "is_closed", "closed_reason"
                ),
                key=str,
            ),
            "elsewhere": _without_ids(api.json()["comments"]),
        }

    def move_to_a_fresh_install(self):
        path = self.folder / "export.jsonl"
        path.write_text(exported(), encoding="utf-8")
        articles = list(Article.objects.order_by("pk"))
        Thread.objects.all().delete()
        Poll.objects.all().delete()
        Site.objects.registered().delete()
        Article.objects.all().delete()
        for article in articles:
            _made_again(article)
        cache.clear()
        return path

    def test_every_page_count_and_thread_is_identical_after_export_and_import(self):
        before = self.public_view()
        # What is compared holds what the install was built with, so equality means something.
        appeal_heard = before["pages"][0]
        assert "5 Comments" in appeal_heard
        assert "This comment was removed under the Comment Policy." in appeal_heard
        assert "Comment deleted." in appeal_heard
        assert "Which courtroom will it be in?" in appeal_heard
        assert "<em>its reasoning</em>" in appeal_heard
        assert "<span data-like-count>2</span>" in appeal_heard
        assert before["polls"][0] == [("yes", 2), ("no", 1)]
        assert len(before["elsewhere"]) == 1
        assert ("main", "hearing-adjourned", "", 0, True, "No comments on adjourned hearings.") in (
            before["threads"]
        )
        path = self.move_to_a_fresh_install()
        report = imported(path, "gazette")
        assert report.counts["skipped"] == 0
        assert self.public_view() == before

    def test_importing_the_same_export_again_creates_nothing(self):
        path = self.move_to_a_fresh_install()
        imported(path, "gazette")
        counts = (Comment.objects.count(), ImportedDecision.objects.count(), Poll.objects.count())
        again = imported(path, "gazette")
        assert again.counts["already_imported"] == ImportedComment.objects.count()
        assert again.imported == 0
        assert (
            Comment.objects.count(),
            ImportedDecision.objects.count(),
            Poll.objects.count(),
        ) == counts

    def test_the_removal_comes_back_as_history_with_its_clause_and_original_time(self):
        removal = self.newsroom.comments["insult"]
        path = self.move_to_a_fresh_install()
        imported(path, "gazette")
        decision = ImportedDecision.objects.get(event="removed")
        assert (decision.clause_key, decision.clause_number) == ("attacks", 3)
        assert decision.decided_at < timezone.now()
        assert decision.comment.body == removal.body
        assert decision.comment.state == Comment.State.REMOVED
        assert decision.moderator.startswith("moderator-")
        assert decision.moderator != "moderator-amina"

    def test_the_command_reports_what_it_restored_beside_the_comments(self):
        decisions = sum(line["type"] == "decision" for line in export_lines())
        path = self.move_to_a_fresh_install()
        out = io.StringIO()
        call_command(
            "import_comments", "--format", "gazette", str(path), stdout=out, stderr=io.StringIO()
        )
        assert "Imported: 7 published, 0 held for review, 0 spam, 1 deleted" in out.getvalue()
        assert "Removed by moderation at the source: 1" in out.getvalue()
        assert (
            "Restored history: sites 1; Comment Policy versions 0; polls 1; "
            f"moderation decisions {decisions}"
        ) in out.getvalue()

    def test_an_export_of_the_new_install_carries_the_imported_decisions_on(self):
        path = self.move_to_a_fresh_install()
        imported(path, "gazette")
        again = [line for line in export_lines() if line["type"] == "decision"]
        removal = next(line for line in again if line["event"] == "removed")
        assert removal["id"].startswith("gazette:")
        assert removal["clause"]["key"] == "attacks"

    def test_an_editor_uploads_an_export_and_it_is_imported_in_the_background(self):
        path = self.move_to_a_fresh_install()
        self.client.force_login(staff_in(EDITOR))
        upload = SimpleUploadedFile("comments.jsonl", path.read_bytes())
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("admin:importers_importrun_add"), {"format": "gazette", "file": upload}
            )
        run = ImportRun.objects.get()
        assert run.status == ImportRun.Status.FINISHED
        assert Thread.objects.get(article__slug="appeal-heard").comment_count == 5
        page = self.client.get(reverse("admin:importers_importrun_change", args=[run.pk])).text
        assert "Moderation decisions restored as history" in page

    def test_an_import_leaves_this_months_transparency_figures_as_they_were(self):
        month = timezone.localdate().replace(day=1)
        before = month_report("en", month)
        path = self.move_to_a_fresh_install()
        imported(path, "gazette")
        assert month_report("en", month) == before


def _poll_counts(article):
    poll = poll_queries.poll_for(article, reader("nobody"))
    return [(choice.code, choice.count) for choice in poll.choices]


def _badges(html):
    found = []
    start = html.find('<a class="comment-badge"')
    while start != -1:
        found.append(html[start : html.index("</a>", start)])
        start = html.find('<a class="comment-badge"', start + 1)
    return found


def _without_ids(value):
    """An API answer without the numbers and addresses that name rows of one install."""
    if isinstance(value, dict):
        return {
            key: _without_ids(item)
            for key, item in value.items()
            if not key.endswith("id") and not key.endswith("url")
        }
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value
