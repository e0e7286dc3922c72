"""The demo content loader: what `make run` puts into an empty site, and that it all renders."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from django.utils.html import escape
from PIL import Image

from gazette.accounts.models import User
from gazette.articles.models import Article, Author, Photo, Section, Tag
from gazette.articles.search import search_articles
from gazette.comments.models import Thread
from gazette.demo.management.commands.load_demo_content import admin_url, ensure_editor_account
from tests.factories import UserFactory

# Hashing with the real hasher costs a second a password on a busy machine.
FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
DEMO_ENVIRONMENT = (
    "GAZETTE_DEMO_EDITOR_USERNAME",
    "GAZETTE_DEMO_EDITOR_PASSWORD",
    "GAZETTE_DEMO_ADMIN_USERNAME",
    "GAZETTE_DEMO_ADMIN_PASSWORD",
    "HOST",
    "PORT",
)


def load(*args: str) -> str:
    """Run the command as `make run` does on a machine without demo settings."""
    out = io.StringIO()
    environment = {k: v for k, v in os.environ.items() if k not in DEMO_ENVIRONMENT}
    with mock.patch.dict(os.environ, environment, clear=True):
        call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "photos": Photo.objects.count(),
        "sections": Section.objects.count(),
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "users": User.objects.count(),
    }


class LoadDemoContentTests(TestCase):
    media_root: str
    output: str
    password: str

    @classmethod
    def setUpClass(cls) -> None:
        # The photos are stored once for the class, so they need a folder that outlives the
        # per-test MEDIA_ROOT of conftest.py.
        cls.media_root = tempfile.mkdtemp()
        cls.addClassCleanup(shutil.rmtree, cls.media_root, ignore_errors=True)
        cls.enterClassContext(override_settings(MEDIA_ROOT=cls.media_root))
        cls.enterClassContext(FAST_HASHING)
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        cls.output = load()
        cls.password = re.findall(r"password: (\S+)", cls.output)[0]

    def public_english(self):
        return Article.objects.published().filter(language="en")

    def test_sections_include_crime_and_justice_named_in_every_edition(self) -> None:
        sections = Section.objects.prefetch_related("translations")
        crime = sections.get(slug="crime-justice")
        assert sections.count() >= 5
        assert crime.name == "Crime & Justice"
        assert {s.slug: sorted(n.language for n in s.translations.all()) for s in sections} == {
            s.slug: ["kk", "ru", "uz"] for s in sections
        }
        assert crime.name_in("uz-cyrl") == "Жиноят ва адолат"  # written from the Latin name

    def test_three_authors_have_biographies_and_portraits(self) -> None:
        authors = Author.objects.all()
        assert authors.count() == 3
        assert all(author.bio and author.photo for author in authors)

    def test_english_articles_are_published_across_the_sections(self) -> None:
        articles = self.public_english()
        assert articles.count() >= 8
        assert set(articles.values_list("section__slug", flat=True)) == set(
            Section.objects.values_list("slug", flat=True)
        )
        assert articles.filter(section__slug__in=["crime-justice", "politics"]).count() > (
            articles.count() / 2
        )

    def test_articles_are_shaped_like_the_reference_page(self) -> None:
        articles = list(self.public_english().prefetch_related("bylines"))
        assert all(a.dateline and a.standfirst and a.lead_photo_id for a in articles)
        assert all(a.bylines.all() for a in articles)
        assert all("told Gazette" in a.body for a in articles)
        assert sum("\n> " in a.body for a in articles) >= 2
        assert all("{" not in a.body for a in Article.objects.all())

    def test_translations_are_linked_to_their_english_originals(self) -> None:
        translations = Article.objects.published().exclude(language="en")
        languages = list(translations.values_list("language", flat=True))
        assert languages.count("ru") >= 3
        assert languages.count("kk") >= 2
        assert languages.count("uz") >= 2
        assert set(translations.values_list("original__language", flat=True)) == {"en"}
        assert all(t.original.is_public for t in translations.select_related("original"))

    def test_photos_have_caption_credit_and_a_jpeg_in_storage(self) -> None:
        photos = list(Photo.objects.all())
        assert len(photos) >= 10
        assert all(p.caption and p.alt_text and p.credit.startswith("Gazette/") for p in photos)
        with self.settings(MEDIA_ROOT=self.media_root):
            for photo in photos:
                with photo.image.open("rb") as stored, Image.open(stored) as image:
                    image.load()
                    assert (image.format, image.size) == ("JPEG", (1200, 675)), photo.image.name

    def test_captions_name_a_date_and_credits_carry_no_brackets(self) -> None:
        captions = Photo.objects.values_list("caption", flat=True)
        # English "on December 1, 2026"; Uzbek "2026-yil 1-dekabr kuni".
        date_pattern = re.compile(
            r"on [A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-yil \d{1,2}-[a-z\u02bb]+ kuni"
        )
        assert all(date_pattern.search(caption) for caption in captions)
        assert not Photo.objects.filter(credit__contains="[").exists()

    def test_two_or_more_articles_fall_in_the_news_sitemap_window(self) -> None:
        recent = self.public_english().filter(published_at__gte=timezone.now() - timedelta(2))
        response = self.client.get("/news-sitemap.xml")
        assert recent.count() >= 2
        assert response.status_code == 200
        assert all(escape(a.headline) in response.content.decode() for a in recent)

    def test_draft_and_scheduled_articles_stay_hidden(self) -> None:
        hidden = Article.objects.exclude(pk__in=Article.objects.published())
        statuses = sorted(hidden.values_list("status", flat=True))
        home = self.client.get("/en/").content.decode()
        feed = self.client.get("/en/feeds/rss/").content.decode()
        assert statuses == [Article.Status.DRAFT, Article.Status.SCHEDULED]
        assert hidden.get(status=Article.Status.SCHEDULED).published_at > timezone.now()
        for article in hidden.select_related("section"):
            assert escape(article.headline) not in home
            assert escape(article.headline) not in feed
            assert self.client.get(article.get_absolute_url()).status_code == 404

    def test_home_page_of_every_edition_shows_its_articles(self) -> None:
        for language in ("en", "ru", "kk", "uz"):
            response = self.client.get(f"/{language}/")
            newest = Article.objects.published().filter(language=language).latest("published_at")
            assert response.status_code == 200, language
            assert escape(newest.headline) in response.content.decode(), language

    def test_every_public_article_page_shows_its_headline(self) -> None:
        for article in Article.objects.published().select_related("section"):
            response = self.client.get(article.get_absolute_url())
            assert response.status_code == 200, article.slug
            assert escape(article.headline) in response.content.decode(), article.slug

    def test_editor_signs_in_and_opens_the_article_list(self) -> None:
        editor = User.objects.get(username="editor")
        signed_in = self.client.login(username="editor", password=self.password)
        response = self.client.get("/admin/articles/article/")
        assert signed_in
        assert (editor.is_staff, editor.is_superuser) == (True, False)
        assert response.status_code == 200
        assert escape(self.public_english().first().headline) in response.content.decode()

    def test_output_says_where_and_as_whom_to_sign_in(self) -> None:
        assert "http://127.0.0.1:8000/admin/" in self.output
        assert "username: editor" in self.output
        assert "username: admin" in self.output
        assert len(self.password) >= 12

    def test_the_site_administrator_signs_in_and_gives_roles(self) -> None:
        admin_password = re.findall(r"password: (\S+)", self.output)[1]
        administrator = User.objects.get(username="admin")
        assert (administrator.is_staff, administrator.is_superuser) == (True, False)
        assert self.client.login(username="admin", password=admin_password)
        editor = User.objects.get(username="editor")
        page = self.client.get(f"/admin/accounts/user/{editor.pk}/change/")
        assert page.status_code == 200
        assert 'name="roles"' in page.content.decode()

    def test_demo_discussions_are_published_with_replies_and_counted(self) -> None:
        article = Article.objects.get(slug="astana-court-jails-five-over-online-investment-scheme")
        html = self.client.get(article.get_absolute_url()).content.decode()
        assert "4 Comments" in html
        assert "Were the people who wrote the" in html
        thread = Thread.objects.get(article=article)
        assert thread.comment_count == 4
        assert thread.comments.filter(parent__isnull=False).count() == 2

    def test_uzbek_stories_are_shaped_like_the_reference_page_in_both_scripts(self) -> None:
        article = Article.objects.get(language="uz", slug__startswith="toshkent-sudi")
        latin = self.client.get(article.get_absolute_url()).content.decode()
        cyrillic_url = article.get_absolute_url().replace("/uz/", "/uz-cyrl/", 1)
        cyrillic = self.client.get(cyrillic_url).content.decode()
        assert '<span class="dateline">TOSHKENT --</span>' in latin
        assert "kuni Toshkent shahar sudi oldida hukmni kutmoqda." in latin
        assert "[Gazette/Aziza Qodirova]" in latin
        assert "\n> " in article.body
        assert "“" in article.body
        assert '<span class="dateline">ТОШКЕНТ --</span>' in cyrillic
        assert "Тошкент суди бир хонадонни икки марта сотган нотариусни" in cyrillic

    def test_each_edition_names_the_others_discussions(self) -> None:
        english = Article.objects.get(slug="astana-court-jails-five-over-online-investment-scheme")
        html = self.client.get(english.get_absolute_url()).content.decode()
        assert "2 comments in Русский" in html
        assert "2 comments in Oʻzbekcha" in html

    def test_front_page_lists_comment_counts(self) -> None:
        html = self.client.get("/en/").content.decode()
        assert "4 Comments" in html

    def test_every_public_article_is_found_by_a_word_of_its_headline(self) -> None:
        for article in Article.objects.published():
            word = max(re.findall(r"[^\W\d_]+", article.headline), key=len)
            with self.subTest(article=article.slug):
                page = search_articles(article.language, word).page
                assert page is not None
                assert article.pk in [hit.article.pk for hit in page.object_list]

    def test_tags_are_named_in_every_edition(self) -> None:
        courts = Tag.objects.get(slug="courts")
        assert [courts.name_in(code) for code in ("en", "ru", "kk", "uz", "uz-cyrl")] == [
            "Courts",
            "Суды",
            "Соттар",
            "Sudlar",
            "Судлар",
        ]

    def test_if_empty_leaves_a_site_with_articles_alone(self) -> None:
        before = counts()
        output = load("--if-empty")
        assert counts() == before
        assert "not loaded" in output

    def test_loading_twice_is_refused_without_writing(self) -> None:
        before = counts()
        with pytest.raises(CommandError, match="loaded already"):
            load()
        assert counts() == before


class FailedLoadTests(TestCase):
    def test_a_failed_load_writes_no_rows_and_removes_its_photos(self) -> None:
        Permission.objects.filter(content_type__app_label="articles").delete()
        with pytest.raises(CommandError, match="migrate"):
            load("--if-empty")
        assert Article.objects.count() == 0
        assert Photo.objects.count() == 0
        assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []


@FAST_HASHING
class EnsureEditorAccountTests(TestCase):
    def test_new_editor_is_staff_in_the_editors_role_with_publishing_permissions(self) -> None:
        account = ensure_editor_account(username="desk", password="a long demo password")
        user = User.objects.get(username="desk")
        assert account.created
        assert user.check_password("a long demo password")
        assert (user.is_staff, user.is_superuser) == (True, False)
        assert user.user_permissions.count() == 28
        assert user.has_perm("articles.change_article")
        assert user.has_perm("articles.delete_photo")
        assert user.has_perm("newsroom.view_newsroom_dashboard")
        assert not user.has_perm("accounts.change_user")

    def test_existing_account_keeps_its_password_and_rights(self) -> None:
        UserFactory(username="desk")
        account = ensure_editor_account(username="desk", password="another password")
        user = User.objects.get(username="desk")
        assert not account.created
        assert account.password is None
        assert user.check_password("correct horse battery staple")
        assert not user.is_staff

    def test_empty_password_means_a_random_one(self) -> None:
        first = ensure_editor_account(username="desk-one", password="")
        second = ensure_editor_account(username="desk-two", password="")
        assert first.password != second.password
        assert User.objects.get(username="desk-one").check_password(first.password)


class AdminUrlTests(TestCase):
    def test_address_comes_from_host_and_port(self) -> None:
        with mock.patch.dict(os.environ, {"HOST": "10.0.0.5", "PORT": "9000"}):
            assert admin_url() == "http://10.0.0.5:9000/admin/"

    def test_ipv6_host_is_bracketed(self) -> None:
        with mock.patch.dict(os.environ, {"HOST": "::1", "PORT": "8000"}):
            assert admin_url() == "http://[::1]:8000/admin/"


@override_settings(PRODUCTION=True)
class ProductionSiteTests(TestCase):
    def test_make_run_on_a_production_site_loads_no_demo_content_and_no_accounts(self) -> None:
        out = io.StringIO()
        call_command("load_demo_content", "--if-empty", stdout=out)
        assert "never loaded" in out.getvalue()
        assert not Article.objects.exists()
        assert not User.objects.exists()

    def test_asking_for_it_explicitly_is_refused_with_the_reason(self) -> None:
        with pytest.raises(CommandError, match="production site"):
            call_command("load_demo_content", stdout=io.StringIO())
        assert not Article.objects.exists()
