import csv
import io
import json
import re
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from gazette.comments.services import thread_for_article
from gazette.moderation.models import Clause
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.reports import report_comment
from gazette.newsroom.services import refresh_figures
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory
from tests.moderation.factories import WHY, staff_in
from tests.newsroom.helpers import comment, editor, like, vote
from tests.querycounts import plus_cache_reads

ALWAYS_SHOW_COUNTS = {"SHOW_COUNTS": "always"}


def overview_url(**query):
    with translation.override("en"):
        url = reverse("newsroom:overview")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def downloaded_json(client, **query):
    response = client.get(overview_url(format="json", **query))
    assert response.status_code == 200
    return json.loads(response.content)["rows"]


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory(name="Courts")
        cls.other_section = SectionFactory(name="Economy")
        cls.author = AuthorFactory(name="Aliya Nurlanova")
        cls.busy = ArticleFactory(section=cls.section, authors=[cls.author], headline="Busy trial")
        cls.quiet = ArticleFactory(section=cls.other_section, headline="Quiet budget")
        cls.russian = ArticleFactory(section=cls.section, language="ru", headline="Суд")
        moderator = staff_in(MODERATOR)
        attacks = Clause.objects.get(version__number=1, key="attacks")
        for reader in ("ana", "ben", "cem", "dan"):
            vote(cls.busy, reader, "yes")
        vote(cls.busy, "eve", "no")
        vote(cls.quiet, "ana", "no")
        vote(cls.russian, "ana", "yes")
        first = comment(cls.busy, "ana")
        comment(cls.busy, "ben", parent=first)
        liked = comment(cls.busy, "cem", "The clearest account of the hearing so far.")
        like(liked, "dan")
        like(liked, "eve")
        removed = comment(cls.busy, "dan", "You are all idiots.")
        decisions.remove_comment(comment=removed, actor=moderator, clause=attacks, explanation=WHY)
        report_comment(comment=first, clause=attacks, reporter_key="anon:r1")
        comment(cls.quiet, "ana")
        comment(cls.russian, "ana")
        refresh_figures()
        cls.editor = editor()

    def setUp(self) -> None:
        self.client.force_login(self.editor)

    def test_a_reader_without_the_permission_is_refused(self) -> None:
        self.client.force_login(UserFactory())
        assert self.client.get(overview_url()).status_code == 403

    def test_a_visitor_is_sent_to_sign_in(self) -> None:
        self.client.logout()
        response = self.client.get(overview_url())
        assert response.status_code == 302
        assert "sign-in" in response["Location"]

    def test_the_overview_shows_tables_charts_and_no_reader(self) -> None:
        response = self.client.get(overview_url(period=30))
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<svg") == 5
        assert html.count("<title>") >= 4
        assert 'class="visually-hidden"' in html
        assert "Busy trial" in html
        assert "Aliya Nurlanova" in html
        assert self.busy.get_absolute_url() in html
        assert "Figures as of" in html
        for name in ("Ana", "Ben", "anon:"):
            assert name not in html

    def test_the_overview_reads_the_same_number_of_queries_for_more_articles(self) -> None:
        # Computed: 16 queries, the cache read and write of the overview (a write is five
        # statements in the database cache) and the masthead's cache read.
        computed = plus_cache_reads(16, 7)
        self.client.get(overview_url())
        with self.assertNumQueries(computed):
            self.client.get(overview_url(period=365))
        for number in range(3):
            article = ArticleFactory(section=SectionFactory())
            vote(article, f"reader-{number}", "yes")
            comment(article, f"reader-{number}")
        refresh_figures()
        self.client.get(overview_url())
        with self.assertNumQueries(computed):
            self.client.get(overview_url(period=365))

    def test_an_overview_once_computed_is_kept_until_the_next_refresh(self) -> None:
        first = downloaded_json(self.client, period=30, table="sections")
        self.client.get(overview_url(period=7))  # the masthead's menu is kept too
        with self.assertNumQueries(plus_cache_reads(6, 2)):
            self.client.get(overview_url(period=30))
        vote(self.quiet, "ben", "yes")
        assert downloaded_json(self.client, period=30, table="sections") == first
        refresh_figures()
        economy = {
            row["label"]: row for row in downloaded_json(self.client, period=30, table="sections")
        }
        assert economy["Economy"]["votes"] == 2

    def test_the_refresh_command_computes_the_overviews_editors_open_most(self) -> None:
        call_command("refresh_newsroom_figures", stdout=io.StringIO())
        self.client.get(overview_url(period=7))  # the masthead's menu is kept too
        with self.assertNumQueries(plus_cache_reads(6, 2)):
            assert self.client.get(overview_url(period=365)).status_code == 200
        with self.assertNumQueries(plus_cache_reads(6, 2)):
            self.client.get(overview_url())

    def test_a_sorted_column_says_so_and_links_to_the_other_order(self) -> None:
        html = self.client.get(overview_url(period=30, sort="-votes")).content.decode()
        assert 'aria-sort="descending"><a href="?period=30&amp;sort=votes">Votes ↓</a>' in html
        assert '<a href="?period=30&amp;sort=-comments">Comments</a>' in html
        assert '<a href="?period=30&amp;sort=label">Section</a>' in html

    def test_an_edition_shows_only_its_articles(self) -> None:
        rows = downloaded_json(self.client, edition="ru", table="articles")
        assert [row["label"] for row in rows] == ["Суд"]

    def test_sections_sum_their_articles(self) -> None:
        rows = {row["label"]: row for row in downloaded_json(self.client, table="sections")}
        courts = rows["Courts"]
        assert (courts["articles"], courts["votes"], courts["votes_yes"]) == (2, 6, 5)
        shown = self.busy_thread_count() + self.russian_thread_count()
        assert (courts["comments"], courts["removed"], courts["comments_posted"]) == (shown, 1, 5)
        assert courts["removed_share"] == 0.2
        assert courts["top_clause"].startswith("3.")

    def busy_thread_count(self):
        return thread_for_article(self.busy).comment_count

    def russian_thread_count(self):
        return thread_for_article(self.russian).comment_count

    def test_each_table_names_the_clause_cited_most(self) -> None:
        for table, label in (("authors", "Aliya Nurlanova"), ("articles", "Busy trial")):
            rows = {row["label"]: row for row in downloaded_json(self.client, table=table)}
            assert rows[label]["top_clause"].startswith("3. ")
        rows = {row["label"]: row for row in downloaded_json(self.client, table="articles")}
        assert rows["Quiet budget"]["top_clause"] == ""

    def test_tables_sort_on_the_server(self) -> None:
        by_votes = downloaded_json(self.client, table="articles", sort="-votes")
        assert [row["label"] for row in by_votes] == ["Busy trial", "Quiet budget", "Суд"]
        by_share = downloaded_json(self.client, table="articles", sort="yes_share")
        assert [row["label"] for row in by_share] == ["Quiet budget", "Busy trial", "Суд"]

    def test_the_interval_keeps_few_votes_from_reading_as_certain(self) -> None:
        rows = {row["label"]: row for row in downloaded_json(self.client, table="articles")}
        assert rows["Суд"]["yes_share"] == 1.0
        assert rows["Суд"]["yes_low"] < 0.3

    def test_csv_and_json_hold_the_same_figures(self) -> None:
        response = self.client.get(overview_url(format="csv", table="authors"))
        assert response["Content-Type"].startswith("text/csv")
        from_csv = list(csv.DictReader(io.StringIO(response.content.decode())))
        from_json = downloaded_json(self.client, table="authors")
        assert [row["label"] for row in from_csv] == [row["label"] for row in from_json]
        assert [int(row["votes"]) for row in from_csv] == [row["votes"] for row in from_json]

    def test_an_unknown_table_is_not_found(self) -> None:
        assert self.client.get(overview_url(format="csv", table="readers")).status_code == 404

    def test_a_backward_period_is_refused(self) -> None:
        response = self.client.get(
            overview_url(period="custom", first="2026-02-01", last="2026-01-01")
        )
        assert response.status_code == 400

    @override_settings(GAZETTE_REACTIONS=ALWAYS_SHOW_COUNTS)
    def test_the_figures_agree_with_the_article_pages(self) -> None:
        rows = {row["key"]: row for row in downloaded_json(self.client, table="articles")}
        for article in (self.busy, self.quiet, self.russian):
            page = self.client.get(article.get_absolute_url()).content.decode()
            votes = [int(n) for n in re.findall(r"data-poll-count>(\d+)", page)]
            shown = int(re.search(r"data-comment-count>(\d+)", page).group(1))
            row = rows[str(article.pk)]
            assert [row["votes_yes"], row["votes_no"]] == votes
            assert row["comments"] == shown


class ArticlePanelTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        section = SectionFactory()
        cls.article = ArticleFactory(section=section)
        other = ArticleFactory(section=section)
        for reader in ("ana", "ben", "cem"):
            vote(cls.article, reader, "yes")
            vote(other, reader, "no")
        cls.liked = comment(cls.article, "ana", "A careful and fair report.")
        like(cls.liked, "ben")
        comment(cls.article, "ben")
        refresh_figures()
        cls.editor = editor()

    def url(self):
        with translation.override("en"):
            return reverse("newsroom:article", kwargs={"pk": self.article.pk})

    def test_the_panel_shows_charts_liked_comments_and_the_section_median(self) -> None:
        self.client.force_login(self.editor)
        self.client.get(self.url())
        with self.assertNumQueries(plus_cache_reads(9, 1)):
            response = self.client.get(self.url())
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<svg") == 2
        assert "A careful and fair report." in html
        assert "Section median" in html

    def test_an_article_nobody_reacted_to_has_an_empty_panel(self) -> None:
        self.client.force_login(self.editor)
        quiet = ArticleFactory()
        with translation.override("en"):
            url = reverse("newsroom:article", kwargs={"pk": quiet.pk})
        response = self.client.get(url)
        assert response.status_code == 200
        assert (
            "No published comment on this article has been liked yet." in response.content.decode()
        )

    def test_a_reader_cannot_open_the_panel(self) -> None:
        self.client.force_login(UserFactory())
        assert self.client.get(self.url()).status_code == 403


class PeriodTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory(headline="Budget hearing")
        vote(cls.article, "ana", "yes")
        refresh_figures()
        cls.editor = editor()

    def test_a_period_between_two_days_counts_only_those_days(self) -> None:
        self.client.force_login(self.editor)
        today = timezone.localdate()
        inside = downloaded_json(
            self.client, period="custom", first=today.isoformat(), last=today.isoformat()
        )
        before = downloaded_json(
            self.client,
            period="custom",
            first=(today - timedelta(days=9)).isoformat(),
            last=(today - timedelta(days=1)).isoformat(),
        )
        assert [row["votes"] for row in inside] == [1]
        assert before == []


class AuthorsOwnPanelsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.reporter = UserFactory(is_staff=True)
        author = AuthorFactory(account=cls.reporter)
        cls.own = ArticleFactory(headline="Court hears the appeal")
        cls.own.bylines.create(author=author, position=0)
        cls.others = ArticleFactory(headline="Council votes on the budget")

    def panel_url(self, article):
        with translation.override("en"):
            return reverse("newsroom:article", kwargs={"pk": article.pk})

    def test_an_author_opens_the_panel_of_their_own_article(self) -> None:
        self.client.force_login(self.reporter)
        response = self.client.get(self.panel_url(self.own))
        assert response.status_code == 200
        assert "Court hears the appeal" in response.content.decode()

    def test_an_author_cannot_open_the_panel_of_an_article_they_did_not_write(self) -> None:
        self.client.force_login(self.reporter)
        assert self.client.get(self.panel_url(self.others)).status_code == 403

    def test_an_author_finds_their_articles_from_the_masthead(self) -> None:
        self.client.force_login(self.reporter)
        with translation.override("en"):
            front = self.client.get(reverse("articles:home")).content.decode()
            mine = reverse("newsroom:own_articles")
        assert f'href="{mine}"' in front
        html = self.client.get(mine).content.decode()
        assert self.panel_url(self.own) in html
        assert self.panel_url(self.others) not in html
