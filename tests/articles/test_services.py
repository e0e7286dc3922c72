"""Publishing services and the publish_scheduled command."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from gazette.articles import services
from gazette.articles.models import Article
from tests.factories import ArticleFactory, DraftArticleFactory, ScheduledArticleFactory


class PublishArticlesTests(TestCase):
    def test_drafts_and_schedules_are_published_now(self) -> None:
        draft = DraftArticleFactory()
        scheduled = ScheduledArticleFactory()
        before = timezone.now()
        count = services.publish_articles(article_ids=[draft.pk, scheduled.pk])
        assert count == 2
        for article in (draft, scheduled):
            article.refresh_from_db()
            assert article.status == Article.Status.PUBLISHED
            assert before <= article.published_at <= timezone.now()
            assert article.updated_at >= before

    def test_published_articles_keep_their_time_and_are_not_counted(self) -> None:
        published = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
        original_time = published.published_at
        assert services.publish_articles(article_ids=[published.pk]) == 0
        published.refresh_from_db()
        assert published.published_at == original_time

    def test_articles_not_named_are_untouched(self) -> None:
        named, other = DraftArticleFactory(), DraftArticleFactory()
        services.publish_articles(article_ids=[named.pk])
        other.refresh_from_db()
        assert other.status == Article.Status.DRAFT


class PromoteDueArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.due = ScheduledArticleFactory(published_at=timezone.now() - timedelta(minutes=1))
        cls.future = ScheduledArticleFactory()
        cls.draft = DraftArticleFactory(published_at=timezone.now() - timedelta(days=1))

    def test_only_due_schedules_become_published(self) -> None:
        assert services.promote_due_articles() == 1
        statuses = dict(Article.objects.values_list("pk", "status"))
        assert statuses == {
            self.due.pk: Article.Status.PUBLISHED,
            self.future.pk: Article.Status.SCHEDULED,
            self.draft.pk: Article.Status.DRAFT,
        }

    def test_a_second_run_finds_nothing_to_do(self) -> None:
        services.promote_due_articles()
        assert services.promote_due_articles() == 0

    def test_the_command_reports_how_many_it_published(self) -> None:
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        assert out.getvalue().strip() == "1 scheduled article published."
        self.due.refresh_from_db()
        assert self.due.status == Article.Status.PUBLISHED
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        assert out.getvalue().strip() == "0 scheduled articles published."
