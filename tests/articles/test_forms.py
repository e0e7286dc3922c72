"""The editors' article form: status and publish time must agree."""

from __future__ import annotations

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from gazette.articles.forms import ArticleAdminForm
from gazette.articles.models import Article
from tests.factories import ArticleFactory, ScheduledArticleFactory, SectionFactory


class ArticleAdminFormTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.section = SectionFactory()

    def form(self, instance: Article | None = None, **overrides: object) -> ArticleAdminForm:
        data: dict[str, object] = {
            "headline": "Prosecutors appeal",
            "slug": "prosecutors-appeal",
            "section": self.section.pk,
            "language": "en",
            "body": "The appeal was filed on Tuesday.",
            "status": Article.Status.DRAFT,
        }
        data.update(overrides)
        return ArticleAdminForm(data=data, instance=instance)

    def test_a_draft_may_have_no_publish_time(self) -> None:
        form = self.form()
        assert form.is_valid(), form.errors
        assert form.cleaned_data["published_at"] is None

    def test_a_draft_may_have_a_planned_time(self) -> None:
        form = self.form(published_at=timezone.now() - timedelta(days=1))
        assert form.is_valid(), form.errors

    def test_scheduled_needs_a_time(self) -> None:
        form = self.form(status="scheduled")
        assert not form.is_valid()
        assert list(form.errors) == ["published_at"]
        assert form.errors["published_at"] == [
            "Set the time at which the article is to be published."
        ]

    def test_scheduled_needs_a_future_time(self) -> None:
        form = self.form(status="scheduled", published_at=timezone.now() - timedelta(minutes=1))
        assert not form.is_valid()
        assert list(form.errors) == ["published_at"]

    def test_scheduled_for_the_future_is_valid(self) -> None:
        form = self.form(status="scheduled", published_at=timezone.now() + timedelta(hours=2))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["status"] == Article.Status.SCHEDULED

    def test_an_unchanged_schedule_that_came_due_is_published(self) -> None:
        due = ScheduledArticleFactory(
            section=self.section, published_at=timezone.now() - timedelta(minutes=5)
        )
        form = self.form(
            instance=due,
            slug=due.slug,
            status="scheduled",
            published_at=timezone.localtime(due.published_at),
        )
        assert form.is_valid(), form.errors
        assert form.save().status == Article.Status.PUBLISHED

    def test_moving_a_schedule_into_the_past_is_refused(self) -> None:
        scheduled = ScheduledArticleFactory(section=self.section)
        form = self.form(
            instance=scheduled,
            slug=scheduled.slug,
            status="scheduled",
            published_at=timezone.now() - timedelta(hours=1),
        )
        assert not form.is_valid()
        assert list(form.errors) == ["published_at"]

    def test_published_without_a_time_gets_now(self) -> None:
        before = timezone.now()
        form = self.form(status="published")
        assert form.is_valid(), form.errors
        article = form.save()
        assert before <= article.published_at <= timezone.now()

    def test_published_with_a_past_time_keeps_it(self) -> None:
        backdated = timezone.now().replace(microsecond=0) - timedelta(days=2)
        form = self.form(status="published", published_at=backdated)
        assert form.is_valid(), form.errors
        assert form.save().published_at == backdated

    def test_published_with_a_future_time_is_refused_on_the_status_field(self) -> None:
        form = self.form(status="published", published_at=timezone.now() + timedelta(days=1))
        assert not form.is_valid()
        assert list(form.errors) == ["status"]
        assert "Choose Scheduled" in form.errors["status"][0]

    def test_an_update_time_before_the_publish_time_is_refused(self) -> None:
        form = self.form(
            status="published",
            published_at=timezone.now() - timedelta(hours=1),
            revised_at=timezone.now() - timedelta(hours=2),
        )
        assert not form.is_valid()
        assert list(form.errors) == ["revised_at"]

    def test_a_translation_must_point_at_an_original_in_another_language(self) -> None:
        original = ArticleFactory(section=self.section)
        form = self.form(original=original.pk)
        assert not form.is_valid()
        assert list(form.errors) == ["original"]
        assert self.form(original=original.pk, language="ru").is_valid()


class UzbekLettersTests(TestCase):
    """Editors type ' or ` for oʻ, gʻ and ʼ; the stored article has the letters."""

    def form(self, language: str) -> ArticleAdminForm:
        data = {
            "headline": "O'zbekiston sudi g`alaba haqida",
            "slug": "ozbekiston-sudi",
            "section": SectionFactory().pk,
            "language": language,
            "body": "San'at va ma\u2019lumot.",
            "status": Article.Status.DRAFT,
        }
        return ArticleAdminForm(data=data)

    def test_uzbek_latin_text_is_stored_with_its_letters(self) -> None:
        form = self.form("uz")
        assert form.is_valid(), form.errors
        article = form.save()
        assert article.headline == "O\u02bbzbekiston sudi g\u02bbalaba haqida"
        assert article.body == "San\u02bcat va ma\u02bclumot."

    def test_other_editions_keep_their_apostrophes(self) -> None:
        form = self.form("en")
        assert form.is_valid(), form.errors
        assert form.save().headline == "O'zbekiston sudi g`alaba haqida"
