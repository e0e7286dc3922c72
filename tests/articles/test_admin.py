"""The editors' desk in the Django admin: photo uploads, scheduling, previews, publishing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.utils import timezone

from gazette.articles.models import Article, Author, Photo
from gazette.articles.validators import validate_dateline
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftArticleFactory,
    ScheduledArticleFactory,
    SectionFactory,
    UserFactory,
    gif_upload,
    jpeg_upload,
)

PHOTO_ADD = "/admin/articles/photo/add/"
ARTICLE_ADD = "/admin/articles/article/add/"
ARTICLE_LIST = "/admin/articles/article/"


class EditorTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.editor = UserFactory(username="editor", is_staff=True, is_superuser=True)

    def setUp(self) -> None:
        self.client.force_login(self.editor)


class PhotoUploadTests(EditorTestCase):
    def post_photo(self, upload: SimpleUploadedFile):
        return self.client.post(
            PHOTO_ADD,
            {
                "image": upload,
                "caption": "Lawyers outside the city court in Astana on November 3.",
                "credit": "Gazette/Photo Desk",
                "alt_text": "Lawyers on the steps of a court building",
            },
        )

    def image_errors(self, response) -> list[str]:
        assert response.status_code == 200
        return list(response.context["adminform"].form.errors["image"])

    def test_a_real_jpeg_is_accepted_with_its_size(self) -> None:
        response = self.post_photo(jpeg_upload(size=(120, 80)))
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert (photo.width, photo.height) == (120, 80)

    def test_a_text_file_named_jpg_is_refused(self) -> None:
        upload = SimpleUploadedFile("photo.jpg", b"not an image at all", "image/jpeg")
        errors = self.image_errors(self.post_photo(upload))
        assert errors == [
            (
                "Upload a valid image. The file you uploaded was either not an image "
                "or a corrupted image."
            )
        ]
        assert not Photo.objects.exists()

    def test_a_gif_is_refused(self) -> None:
        errors = self.image_errors(self.post_photo(gif_upload()))
        assert errors == ["GIF images are not accepted. Upload a JPEG, PNG or WebP photo."]
        assert not Photo.objects.exists()

    @override_settings(GAZETTE_PHOTO_MAX_BYTES=100)
    def test_an_oversized_file_is_refused(self) -> None:
        errors = self.image_errors(self.post_photo(jpeg_upload()))
        assert len(errors) == 1
        assert errors[0].startswith("This file is ")
        assert errors[0].endswith("; photos may be at most 100\xa0bytes.")
        assert not Photo.objects.exists()

    def test_refused_uploads_leave_no_file_behind(self) -> None:
        self.post_photo(gif_upload())
        media = settings.MEDIA_ROOT
        assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


class ArticleAdminTests(EditorTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.section = SectionFactory(name="Courts", slug="courts")
        cls.author = AuthorFactory(name="Dana Sarsen")
        cls.published = ArticleFactory(section=cls.section, headline="Court upholds sentence")
        cls.draft = DraftArticleFactory(section=cls.section, headline="Draft about appeals")

    def article_form(self, **overrides: object) -> dict[str, object]:
        data: dict[str, object] = {
            "headline": "Prosecutors appeal",
            "slug": "prosecutors-appeal",
            "standfirst": "",
            "section": self.section.pk,
            "language": "en",
            "original": "",
            "lead_photo": "",
            "dateline": "Astana",
            "body": "The appeal was filed on Tuesday.",
            "status": Article.Status.DRAFT,
            "published_at_0": "",
            "published_at_1": "",
            "revised_at_0": "",
            "revised_at_1": "",
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
            "bylines-0-author": self.author.pk,
            "bylines-0-position": "0",
        }
        data.update(overrides)
        return data

    def when(self, moment) -> dict[str, str]:
        local = timezone.localtime(moment)
        return {
            "published_at_0": local.strftime("%Y-%m-%d"),
            "published_at_1": local.strftime("%H:%M:%S"),
        }

    def test_the_list_searches_and_filters(self) -> None:
        response = self.client.get(ARTICLE_LIST, {"q": "Dana", "status__exact": "published"})
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == []
        response = self.client.get(ARTICLE_LIST, {"status__exact": "draft", "language": "en"})
        assert list(response.context["cl"].result_list) == [self.draft]

    def test_the_list_links_each_article_to_its_preview(self) -> None:
        html = self.client.get(ARTICLE_LIST).content.decode()
        assert f'href="/en/preview/{self.draft.pk}/"' in html

    def test_a_russian_articles_preview_opens_in_the_russian_edition(self) -> None:
        russian = DraftArticleFactory(section=self.section, language="ru")
        html = self.client.get(ARTICLE_LIST).content.decode()
        assert f'href="/ru/preview/{russian.pk}/"' in html

    def test_a_draft_can_be_saved_without_a_publish_time(self) -> None:
        response = self.client.post(ARTICLE_ADD, self.article_form())
        assert response.status_code == 302
        article = Article.objects.get(slug="prosecutors-appeal")
        assert article.status == Article.Status.DRAFT
        assert article.published_at is None
        assert article.byline_authors == [self.author]

    def test_scheduling_for_a_future_time_is_saved(self) -> None:
        tomorrow = timezone.now().replace(microsecond=0) + timedelta(days=1)
        form = self.article_form(status=Article.Status.SCHEDULED, **self.when(tomorrow))
        assert self.client.post(ARTICLE_ADD, form).status_code == 302
        article = Article.objects.get(slug="prosecutors-appeal")
        assert article.status == Article.Status.SCHEDULED
        assert article.published_at == tomorrow
        assert self.client.get(article.get_absolute_url()).status_code == 404

    def test_scheduling_for_a_past_time_is_refused_on_the_time_field(self) -> None:
        yesterday = timezone.now() - timedelta(days=1)
        form = self.article_form(status=Article.Status.SCHEDULED, **self.when(yesterday))
        response = self.client.post(ARTICLE_ADD, form)
        errors = response.context["adminform"].form.errors
        assert list(errors) == ["published_at"]
        assert "in the future" in errors["published_at"][0]
        assert not Article.objects.filter(slug="prosecutors-appeal").exists()

    def test_scheduling_without_a_time_is_refused_on_the_time_field(self) -> None:
        response = self.client.post(ARTICLE_ADD, self.article_form(status="scheduled"))
        errors = response.context["adminform"].form.errors
        assert list(errors) == ["published_at"]
        assert not Article.objects.filter(slug="prosecutors-appeal").exists()

    def test_publishing_without_a_time_publishes_now(self) -> None:
        before = timezone.now()
        response = self.client.post(ARTICLE_ADD, self.article_form(status="published"))
        assert response.status_code == 302
        article = Article.objects.get(slug="prosecutors-appeal")
        assert article.published_at is not None
        assert before <= article.published_at <= timezone.now()
        assert self.client.get(article.get_absolute_url()).status_code == 200

    def test_the_publish_now_action_publishes_the_selection(self) -> None:
        scheduled = ScheduledArticleFactory(section=self.section)
        response = self.client.post(
            ARTICLE_LIST,
            {
                "action": "publish_now",
                "_selected_action": [self.draft.pk, scheduled.pk, self.published.pk],
            },
            follow=True,
        )
        assert "2 articles published." in response.content.decode()
        for article in (self.draft, scheduled):
            article.refresh_from_db()
            assert article.status == Article.Status.PUBLISHED
            assert self.client.get(article.get_absolute_url()).status_code == 200

    def test_view_on_site_opens_the_preview(self) -> None:
        response = self.client.get(f"/admin/articles/article/{self.draft.pk}/change/")
        assert f"/en/preview/{self.draft.pk}/" in response.content.decode()

    def test_every_admin_page_of_the_desk_opens(self) -> None:
        for path in (
            "/admin/articles/",
            "/admin/articles/section/",
            "/admin/articles/author/",
            "/admin/articles/tag/",
            "/admin/articles/photo/",
            ARTICLE_ADD,
            PHOTO_ADD,
            f"/admin/articles/article/{self.published.pk}/change/",
            f"/admin/articles/section/{self.section.pk}/change/",
        ):
            assert self.client.get(path).status_code == 200, path


class AuthorPhotoTests(EditorTestCase):
    def post_author(self, upload: SimpleUploadedFile):
        return self.client.post(
            "/admin/articles/author/add/",
            {"name": "Dana Sarsen", "slug": "dana-sarsen", "bio": "", "photo": upload},
        )

    def test_an_author_photo_must_be_a_real_photo(self) -> None:
        response = self.post_author(gif_upload("portrait.gif"))
        assert response.context["adminform"].form.errors["photo"] == [
            "GIF images are not accepted. Upload a JPEG, PNG or WebP photo."
        ]
        assert not Author.objects.exists()

    def test_an_author_with_a_jpeg_portrait_is_saved(self) -> None:
        assert self.post_author(jpeg_upload("portrait.jpg")).status_code == 302
        assert Author.objects.get().photo.name.startswith("authors/")


class HouseStyleTests(EditorTestCase):
    """The dateline, caption and credit follow the reference page: the editor is told how."""

    def test_a_caption_without_a_date_or_with_the_credit_in_it_is_refused(self) -> None:
        for caption, message in [
            ("Lawyers outside the city court.", "Say when the photo was taken"),
            ("Lawyers on November 3. [Gazette/Photo Desk]", "Leave the credit out"),
        ]:
            response = self.client.post(
                PHOTO_ADD,
                {
                    "image": jpeg_upload(),
                    "caption": caption,
                    "credit": "Gazette/Photo Desk",
                    "alt_text": "A court building",
                },
            )
            assert message in response.context["adminform"].form.errors["caption"][0]
        assert not Photo.objects.exists()

    def test_a_credit_names_an_organisation_and_a_photographer(self) -> None:
        for credit in ("Photo Desk", "[Gazette/Photo Desk]", "Gazette/", "A/B/C"):
            response = self.client.post(
                PHOTO_ADD,
                {
                    "image": jpeg_upload(),
                    "caption": "Lawyers outside the court on November 3.",
                    "credit": credit,
                    "alt_text": "A court building",
                },
            )
            errors = response.context["adminform"].form.errors["credit"]
            assert "Organisation/Photographer Name" in errors[0], credit

    def test_a_dateline_is_a_place_in_letters(self) -> None:
        for place in (
            "ASTANA",
            "Ust-Kamenogorsk",
            "Нур-Султан",  # noqa: RUF001
            "Qoʻqon",
            "St. Petersburg",
        ):
            validate_dateline(place)
        for wrong in ("ASTANA --", "Astana, 3 May", "2026", ""):
            with pytest.raises(ValidationError):
                validate_dateline(wrong)


class BodyPreviewTests(EditorTestCase):
    """The editor's preview is the page's own rendering of the body and dateline."""

    PREVIEW = "/admin/articles/article/preview-body/"

    def test_the_preview_is_what_the_article_page_shows(self) -> None:
        body = (
            "Five men were jailed.\n\n> \u201cIt was a scheme,\u201d the judge said."
            "\n\n<script>x</script>"
        )
        response = self.client.post(self.PREVIEW, {"body": body, "dateline": "astana"})
        article = ArticleFactory(body=body, dateline="astana")
        page = self.client.get(article.get_absolute_url()).content.decode()
        preview = response.content.decode()
        assert preview.startswith('<p><span class="dateline">ASTANA --</span> Five men')
        assert "<blockquote>" in preview
        assert "<script>" not in preview
        assert preview in page

    def test_the_editor_page_loads_the_preview(self) -> None:
        page = self.client.get(ARTICLE_ADD).content.decode()
        assert "articles/admin_preview" in page
        assert 'data-preview-label="Preview, as readers will see it"' in page

    def test_readers_and_other_methods_get_no_preview(self) -> None:
        assert self.client.get(self.PREVIEW).status_code == 405
        self.client.force_login(UserFactory(username="reader"))
        response = self.client.post(self.PREVIEW, {"body": "x"})
        assert response.status_code == 302  # to the admin's sign-in
