"""Counting reads (once per known reader, article and day) and the front page's "most read"."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.articles.models import DailyReads
from gazette.articles.queries import most_read
from gazette.articles.services import count_read, forget_counted_reads
from gazette.core import clock
from tests.factories import (
    ArticleFactory,
    DraftArticleFactory,
    SectionFactory,
    UserFactory,
    identified,
)

REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def reads_of(article: object) -> int:
    return sum(DailyReads.objects.filter(article=article).values_list("reads", flat=True))


class CountReadTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory(section=SectionFactory(slug="courts"), slug="verdict")

    def test_a_reader_is_counted_once_a_day(self) -> None:
        assert count_read(article=self.article, reader_key="anon:a")
        assert not count_read(article=self.article, reader_key="anon:a")
        assert count_read(article=self.article, reader_key="anon:b")
        assert reads_of(self.article) == 2

    def test_a_reader_coming_back_to_the_same_worker_costs_no_write(self) -> None:
        count_read(article=self.article, reader_key="anon:a")
        with self.assertNumQueries(0):
            assert not count_read(article=self.article, reader_key="anon:a")
        assert reads_of(self.article) == 1

    def test_a_reader_counted_by_another_worker_is_not_counted_again(self) -> None:
        count_read(article=self.article, reader_key="anon:a")
        forget_counted_reads()  # this worker never saw the reader: the shared cache did
        assert not count_read(article=self.article, reader_key="anon:a")
        assert reads_of(self.article) == 1

    def test_each_day_has_a_row_of_its_own(self) -> None:
        yesterday = clock.now().date() - timedelta(days=1)
        DailyReads.objects.create(article=self.article, day=yesterday, reads=4)
        count_read(article=self.article, reader_key="anon:a")
        count_read(article=self.article, reader_key="anon:b")
        today = DailyReads.objects.get(article=self.article, day=clock.now().date())
        assert today.reads == 2
        assert reads_of(self.article) == 6

    def test_the_counts_hold_no_trace_of_the_reader(self) -> None:
        count_read(article=self.article, reader_key="user:42")
        row = DailyReads.objects.get(article=self.article)
        # The row's own values (its __dict__ also holds Django's state object, whose address
        # may contain the digits).
        values = [getattr(row, field.attname) for field in DailyReads._meta.concrete_fields]
        assert not any(
            "42" in str(value) for value in values if value not in (row.pk, row.article_id)
        )

    @override_settings(CACHES=REDIS_DOWN)
    def test_with_the_cache_down_nothing_is_counted_and_nothing_fails(self) -> None:
        assert not count_read(article=self.article, reader_key="anon:a")
        assert reads_of(self.article) == 0


class ArticlePageCountsReadsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.article = ArticleFactory(section=SectionFactory(slug="courts"), slug="verdict")
        cls.url = cls.article.get_absolute_url()

    def test_a_reader_with_our_cookie_is_counted_once(self) -> None:
        identified(self.client)
        self.client.get(self.url)
        self.client.get(self.url)
        assert reads_of(self.article) == 1

    def test_a_signed_in_reader_is_counted(self) -> None:
        self.client.force_login(UserFactory())
        self.client.get(self.url)
        assert reads_of(self.article) == 1

    def test_a_request_without_a_known_reader_is_not_counted(self) -> None:
        # Robots and first visits: the page kept for every reader is served, nothing counted.
        self.client.get(self.url)
        self.client.get(self.url, HTTP_COOKIE="gz_reader=forged")
        assert reads_of(self.article) == 0

    def test_head_requests_and_previews_are_not_counted(self) -> None:
        identified(self.client)
        self.client.head(self.url)
        assert reads_of(self.article) == 0


class MostReadTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        section = SectionFactory(slug="courts")
        cls.first = ArticleFactory(section=section, headline="Read by three", slug="three")
        cls.second = ArticleFactory(section=section, headline="Read by two", slug="two")
        cls.russian = ArticleFactory(section=section, language="ru", slug="ru", headline="Суд")
        cls.draft = DraftArticleFactory(section=section, slug="draft")
        today = timezone.now().date()
        for article, reads in ((cls.first, 3), (cls.second, 2), (cls.russian, 9), (cls.draft, 9)):
            DailyReads.objects.create(article=article, day=today, reads=reads)
        old = ArticleFactory(section=section, headline="Read long ago", slug="old")
        DailyReads.objects.create(article=old, day=today - timedelta(days=30), reads=50)

    def test_the_editions_public_articles_most_read_this_week_first(self) -> None:
        assert [article.slug for article in most_read("en")] == ["three", "two"]
        assert [article.slug for article in most_read("ru")] == ["ru"]

    def test_reads_of_several_days_add_up(self) -> None:
        yesterday = timezone.now().date() - timedelta(days=1)
        DailyReads.objects.create(article=self.second, day=yesterday, reads=5)
        assert [article.slug for article in most_read("en")][:2] == ["two", "three"]

    @override_settings(GAZETTE_POPULAR_LENGTH=1)
    def test_the_list_is_bounded(self) -> None:
        assert [article.slug for article in most_read("en")] == ["three"]

    def test_two_queries_however_long_the_list(self) -> None:
        with self.assertNumQueries(2):
            most_read("en")

    def test_the_front_page_shows_the_list(self) -> None:
        html = self.client.get("/en/").content.decode()
        panel = html[html.index('class="popular popular--read"') :]
        assert "Most read" in panel
        assert re.findall(r'<li lang="en"><a href="([^"]+)">', panel)[:2] == [
            "/en/courts/three/",
            "/en/courts/two/",
        ]

    def test_a_front_page_with_no_reads_shows_no_list(self) -> None:
        DailyReads.objects.all().delete()
        assert "popular--read" not in self.client.get("/en/").content.decode()
