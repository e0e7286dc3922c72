"""Factories for the rows tests need; every app's tests share them."""

from __future__ import annotations

import io
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.articles.models import Article, Author, Byline, Photo, Section, SectionName, Tag
from gazette.comments.models import Comment, Thread
from gazette.reactions.models import ReactionChoice, ReactionSet


def jpeg_upload(name: str = "photo.jpg", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class SectionFactory(DjangoModelFactory[Section]):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class SectionNameFactory(DjangoModelFactory[SectionName]):
    class Meta:
        model = SectionName

    section = factory.SubFactory(SectionFactory)
    language = "ru"
    name = factory.Sequence(lambda n: f"Раздел {n}")


class AuthorFactory(DjangoModelFactory[Author]):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = "Covers the courts."


class PhotoFactory(DjangoModelFactory[Photo]):
    class Meta:
        model = Photo

    image = factory.LazyFunction(jpeg_upload)
    caption = "Lawyers outside the city court in Astana on November 3."
    credit = "Gazette/Photo Desk"
    alt_text = "Lawyers on the steps of a court building"


class TagFactory(DjangoModelFactory[Tag]):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ArticleFactory(DjangoModelFactory[Article]):
    """A published English article with one author; pass `authors=[...]` for another byline."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Court hears appeal in case number {n}")
    slug = factory.Sequence(lambda n: f"court-hears-appeal-{n}")
    standfirst = "The appeal turns on how the evidence was gathered."
    section = factory.SubFactory(SectionFactory)
    dateline = "Astana"
    body = (
        "The appeal opened on Monday.\n\n"
        '> "We expect a fair hearing," the defence lawyer told Gazette.\n\n'
        "Prosecutors registered 120 cases in 2024."
    )
    language = "en"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(self, create: bool, extracted: list[Author] | None, **kwargs: object) -> None:
        if not create:
            return
        for position, author in enumerate(extracted or [AuthorFactory()]):
            Byline.objects.create(article=self, author=author, position=position)


class ThreadFactory(DjangoModelFactory[Thread]):
    """The thread of a published article of ours."""

    class Meta:
        model = Thread

    site = "main"
    article = factory.SubFactory(ArticleFactory)
    key = factory.LazyAttribute(lambda thread: f"article:{thread.article.pk}")
    title = factory.LazyAttribute(lambda thread: thread.article.headline)


class CommentFactory(DjangoModelFactory[Comment]):
    """A published top-level comment. Counts are kept by the services: a test that needs
    `Thread.comment_count` right posts through gazette.comments.services instead."""

    class Meta:
        model = Comment

    thread = factory.SubFactory(ThreadFactory)
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    body = "The court should publish its reasoning."
    body_html = "<p>The court should publish its reasoning.</p>"
    policy_version = "1"
    fingerprint = factory.Sequence(lambda n: f"fp{n}")
    created_at = factory.LazyFunction(timezone.now)


class DraftArticleFactory(ArticleFactory):
    """An article an editor is still writing: no publish time."""

    status = Article.Status.DRAFT
    published_at = None


class ScheduledArticleFactory(ArticleFactory):
    """An article scheduled for tomorrow."""

    status = Article.Status.SCHEDULED
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


def png_upload(name: str = "photo.png", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#993366").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def gif_upload(name: str = "photo.gif", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#669933").save(buffer, format="GIF")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/gif")


# ---------------------------------------------------------------- reactions


def reader_of_tests(
    anonymous_id: str = "reader-1", *, user: User | None = None, ip_hash: str = "ip-1"
) -> Reader:
    """A returning reader (their cookie was valid), as gazette.accounts.readers would see them."""
    if user is not None:
        return Reader.signed_in(user, ip_hash=ip_hash)
    return Reader.anonymous(anonymous_id, ip_hash=ip_hash)


def identified(client: Client) -> Client:
    """A browser that has asked for its reader cookie, as the page's scripts do before a first
    vote or like (accounts/identity.py)."""
    client.get("/reader/")
    return client


def as_returning_reader(client: Client) -> Client:
    """A browser carrying the anonymous reader cookie: its pages are rendered for it, not kept
    whole for every reader (core/pages.py). The value need not be valid to count."""
    client.cookies["gz_reader"] = "returning"
    return client


def yes_no_reaction_set() -> ReactionSet:
    """The site default Yes / No set that the data migration creates (made again if a test that
    empties the database removed it)."""
    reaction_set, created = ReactionSet.objects.get_or_create(
        name="Yes / No", defaults={"is_default": True}
    )
    if created:
        ReactionChoice.objects.create(reaction_set=reaction_set, code="yes", label="Yes")
        ReactionChoice.objects.create(reaction_set=reaction_set, code="no", label="No", position=1)
    return reaction_set


class ReactionSetFactory(DjangoModelFactory[ReactionSet]):
    """A set of the site's own (not the default); give it answers with ReactionChoiceFactory."""

    class Meta:
        model = ReactionSet

    name = factory.Sequence(lambda n: f"Feelings {n}")
    question = "How does this article make you feel?"


class ReactionChoiceFactory(DjangoModelFactory[ReactionChoice]):
    class Meta:
        model = ReactionChoice

    reaction_set = factory.SubFactory(ReactionSetFactory)
    code = factory.Sequence(lambda n: f"reaction-{n}")
    label = factory.Sequence(lambda n: f"Reaction {n}")
    position = factory.Sequence(lambda n: n)
