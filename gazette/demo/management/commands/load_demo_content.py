"""Load the demo content into a new install: a fixture written as code, run by `make run`.

Everything is created in one transaction through the models, like a fixture: sections with
their names in each edition, authors, tags, photos drawn by gazette.demo.photos, the stories of
gazette.demo.content with their translations, and an editor account for the admin.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import dateformat, timezone, translation

from gazette.accounts.models import User
from gazette.articles import services as articles_services
from gazette.articles.models import (
    Article,
    Author,
    Byline,
    Photo,
    Section,
    SectionName,
    Tag,
    TagName,
)
from gazette.core import clock
from gazette.core.progress import Progress, Silent
from gazette.demo import content, photos
from gazette.demo.content import Edition, PhotoData, Story
from gazette.demo.discussions import load_discussions
from gazette.moderation.roles import ADMINISTRATOR, EDITOR

EDITOR_MODELS = ("article", "section", "sectionname", "author", "photo", "tag", "byline")
EDITOR_ACTIONS = ("add", "change", "delete", "view")


@dataclass(frozen=True)
class DemoAccount:
    """A demo staff account as the first run reports it (no password when it existed)."""

    role: str
    settings_prefix: str  # of the settings that choose its name and password
    username: str
    password: str | None
    created: bool


class Loader:
    """Creates the demo rows; remembers the files it stored so a failed load can remove them."""

    def __init__(self, now: datetime, progress: Progress | None = None) -> None:
        self.now = now.replace(second=0, microsecond=0)
        self.progress = progress or Silent()
        year = timezone.localtime(self.now).year
        self.values = {"year_1": year - 1, "year_2": year - 2, "year_3": year - 3}
        self.stored_files: list[str] = []
        self.sections: dict[str, Section] = {}
        self.authors: dict[str, Author] = {}
        self.tags: dict[str, Tag] = {}
        self.articles: list[Article] = []
        self.comment_count = 0

    def summary(self) -> str:
        articles = self.articles
        return (
            f"{len(self.sections)} sections, {len(self.authors)} authors, {len(articles)} "
            f"articles ({sum(a.language == 'en' for a in articles)} in English), "
            f"{len(self.tags)} tags, {self.comment_count} comments."
        )

    def load(self) -> None:
        self.load_sections()
        self.load_authors()
        self.load_tags()
        for story in content.STORIES:
            self.load_story(story)
            self.progress.step()
        self.progress.done()
        public = [article for article in self.articles if article.is_public]
        self.comment_count = load_discussions(public, self.now)

    # Sections, authors and tags an editor created already under the same slug are reused as
    # they are: only the articles must be new.

    def load_sections(self) -> None:
        for position, data in enumerate(content.SECTIONS):
            section, _created = Section.objects.get_or_create(
                slug=data.slug, defaults={"name": data.name, "position": position}
            )
            for language, name in data.names.items():
                SectionName.objects.get_or_create(
                    section=section, language=language, defaults={"name": name}
                )
            self.sections[data.slug] = section

    def load_authors(self) -> None:
        for data in content.AUTHORS:
            author = Author.objects.filter(slug=data.slug).first()
            if author is None:
                author = Author(slug=data.slug, name=data.name, bio=data.bio)
                self.store(author.photo, f"{data.slug}.jpg", photos.render_portrait(data.portrait))
                author.full_clean()
                author.save()
            self.authors[data.slug] = author

    def load_tags(self) -> None:
        for data in content.TAGS:
            tag, _created = Tag.objects.get_or_create(slug=data.slug, defaults={"name": data.name})
            for language, name in data.names.items():
                TagName.objects.get_or_create(tag=tag, language=language, defaults={"name": name})
            self.tags[data.slug] = tag

    def load_story(self, story: Story) -> None:
        published_at = self.published_at(story)
        photo = self.load_photo(story.photo, published_at)
        original = self.load_edition(story, story.english, photo, published_at, None)
        for edition in story.translations:
            base = published_at or self.now
            shifted = min(base + timedelta(hours=edition.hours_after_original), self.now)
            own_photo = self.load_photo(edition.photo, published_at, edition.language)
            self.load_edition(story, edition, own_photo or photo, shifted, original)

    def published_at(self, story: Story) -> datetime | None:
        if story.hours_ago is None:
            return None
        return self.now - timedelta(hours=story.hours_ago)

    def load_photo(
        self, data: PhotoData | None, published_at: datetime | None, language: str = "en"
    ) -> Photo | None:
        if data is None:
            return None
        taken = timezone.localtime(published_at or self.now).date() - timedelta(data.days_before)
        photo = Photo(
            caption=data.caption.format(date=caption_date(taken, language)),
            credit=data.credit,
            alt_text=data.alt_text,
        )
        self.store(photo.image, f"{data.scene}.jpg", photos.render_scene(data.scene))
        photo.full_clean()
        return articles_services.save_photo(photo=photo, image_changed=True)

    def load_edition(
        self,
        story: Story,
        edition: Edition,
        photo: Photo | None,
        published_at: datetime | None,
        original: Article | None,
    ) -> Article:
        revised_at = None
        if story.revised_hours_ago is not None and original is None:
            revised_at = self.now - timedelta(hours=story.revised_hours_ago)
        article = Article(
            headline=edition.headline,
            slug=edition.slug,
            standfirst=edition.standfirst,
            section=self.sections[story.section],
            lead_photo=photo,
            dateline=edition.dateline,
            body=edition.body.format(**self.values).strip(),
            language=edition.language,
            original=original,
            status=Article.Status(story.status),
            published_at=published_at,
            revised_at=revised_at,
        )
        article.full_clean()
        article.save()
        Byline.objects.bulk_create(
            Byline(article=article, author=self.authors[slug], position=position)
            for position, slug in enumerate(story.authors)
        )
        article.tags.set([self.tags[slug] for slug in story.tags])
        articles_services.index_article(article=article)
        self.articles.append(article)
        return article

    def store(self, field: FieldFile, name: str, data: bytes) -> None:
        field.save(name, ContentFile(data), save=False)
        if field.name:
            self.stored_files.append(field.name)

    def remove_stored_files(self) -> None:
        for name in self.stored_files:
            default_storage.delete(name)


def caption_date(day: date, language: str) -> str:
    """The day a photo was taken, as a caption in the language says it."""
    if language == "uz":
        with translation.override("uz"):
            # Uzbek writes the year first and the month in small letters: 2026-yil 1-dekabr.
            return dateformat.format(day, r"Y-\y\i\l j-F").lower()
    with translation.override("en"):
        return dateformat.format(day, "F j, Y")


def existing_demo_articles() -> list[str]:
    """Slugs of demo articles that exist already: loading again would clash with them."""
    query = Q(pk__in=[])
    for story in content.STORIES:
        for edition in (story.english, *story.translations):
            query |= Q(language=edition.language, slug=edition.slug)
    return sorted(Article.objects.filter(query).values_list("slug", flat=True))


def editor_permissions() -> list[Permission]:
    codenames = [f"{action}_{model}" for model in EDITOR_MODELS for action in EDITOR_ACTIONS]
    permissions = list(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )
    if len(permissions) != len(codenames):
        raise CommandError("The publishing permissions are missing: run `manage.py migrate` first.")
    return permissions


def ensure_editor_account(*, username: str, password: str) -> DemoAccount:
    """A staff account that may edit everything on the publishing side, in the editor's role
    (which reads the newsroom dashboard); not a superuser."""
    account, user = _ensure_staff_account(
        role="editor",
        settings_prefix="GAZETTE_DEMO_EDITOR",
        username=username,
        password=password,
        display_name="Demo editor",
    )
    if user is not None:
        user.user_permissions.set(editor_permissions())
        user.groups.add(Group.objects.get(name=EDITOR))
    return account


def ensure_administrator_account(*, username: str, password: str) -> DemoAccount:
    """A staff account in the site administrator's role: it gives and takes the editor and
    moderator roles in the admin. Not a superuser."""
    account, user = _ensure_staff_account(
        role="administrator",
        settings_prefix="GAZETTE_DEMO_ADMIN",
        username=username,
        password=password,
        display_name="Site admin",
    )
    if user is not None:
        user.groups.add(Group.objects.get(name=ADMINISTRATOR))
    return account


def _ensure_staff_account(
    *, role: str, settings_prefix: str, username: str, password: str, display_name: str
) -> tuple[DemoAccount, User | None]:
    """An existing account of that name is left exactly as it is, password included (and no
    user is returned). An empty password means a random one."""
    if User.objects.filter(username=username).exists():
        return DemoAccount(role, settings_prefix, username, None, created=False), None
    password = password or secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=username, password=password, is_staff=True, display_name=display_name
    )
    return DemoAccount(role, settings_prefix, username, password, created=True), user


# Each demo account: how it is made, the prefix of its settings, its default user name.
DEMO_ACCOUNTS = [
    (ensure_editor_account, "GAZETTE_DEMO_EDITOR", "editor"),
    (ensure_administrator_account, "GAZETTE_DEMO_ADMIN", "admin"),
]


def admin_url() -> str:
    host = os.environ.get("HOST") or "127.0.0.1"
    port = os.environ.get("PORT") or "8000"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/admin/"


class Command(BaseCommand):
    help = (
        "Load the demo sections, authors, articles and photos, and create an editor and a "
        "site administrator account."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has articles.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Load everything, report it, then undo it all (no rows, no files, no account).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            # Demo articles and accounts (with known passwords) never reach a real site.
            if options["if_empty"]:
                self.stdout.write("This is a production site; the demo content is never loaded.")
                return
            raise CommandError(
                "This is a production site (GAZETTE_ENV=production): the demo content, with its "
                "accounts and their published passwords, is never loaded here."
            )
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("The site already has articles; the demo content was not loaded.")
            return
        clashes = existing_demo_articles()
        if clashes:
            raise CommandError(
                f"The demo content is loaded already: {len(clashes)} of its articles exist, "
                f"such as {clashes[0]}."
            )
        loader = Loader(clock.now(), Progress(self.stderr, "Stories", total=len(content.STORIES)))
        try:
            with transaction.atomic():
                loader.load()
                accounts = [
                    ensure(
                        username=os.environ.get(f"{prefix}_USERNAME") or default,
                        password=os.environ.get(f"{prefix}_PASSWORD", ""),
                    )
                    for ensure, prefix, default in DEMO_ACCOUNTS
                ]
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except BaseException:
            loader.remove_stored_files()
            raise
        if options["dry_run"]:
            loader.remove_stored_files()
            self.stdout.write(f"Dry run, nothing kept: {loader.summary()}")
            return
        self.report(loader, accounts)

    def report(self, loader: Loader, accounts: list[DemoAccount]) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {loader.summary()}"))
        self.stdout.write(f"Staff sign in at {admin_url()}")
        for account in accounts:
            self.stdout.write(f"  the {account.role}:")
            if not account.created:
                self.stdout.write(
                    f"    username: {account.username} "
                    "(an existing account; its password is unchanged)"
                )
                continue
            self.stdout.write(f"    username: {account.username}")
            variable = f"{account.settings_prefix}_PASSWORD"
            if os.environ.get(variable):
                self.stdout.write(f"    password: the value of {variable}")
            else:
                self.stdout.write(f"    password: {account.password}")
