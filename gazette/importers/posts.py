"""A WordPress post made into one of our articles, when none of ours is that page: its title,
slug, author, date, tags and body (through the one sanitising path, see markup.py)."""

from __future__ import annotations

from urllib.parse import unquote

from django.conf import settings
from django.utils.text import slugify

from gazette.articles import services as articles_services
from gazette.articles.models import Article, Author, Byline, Section, Tag
from gazette.core import clock
from gazette.importers.markup import article_markdown
from gazette.importers.models import ImportedArticle
from gazette.importers.records import SourcePost

_SLUG_LENGTH = 50  # Author's and Tag's slug fields


def _free_slug(wanted: str, language: str) -> str:
    slug, number = wanted, 1
    while Article.objects.filter(language=language, slug=slug).exists():
        number += 1
        slug = f"{wanted[:190]}-{number}"
    return slug


def _status(post: SourcePost) -> str:
    if not post.is_published or post.published_at is None:
        return Article.Status.DRAFT
    if post.published_at > clock.now():
        return Article.Status.SCHEDULED
    return Article.Status.PUBLISHED


def create_article(*, post: SourcePost, section: Section, source: str, post_id: str) -> Article:
    """Must run inside the import's transaction."""
    language = settings.LANGUAGE_CODE
    headline = post.title[:200] or post.slug or post_id
    # WordPress keeps a slug in other letters percent-encoded (%ce%b5...).
    wanted = slugify(unquote(post.slug) or post.title, allow_unicode=True)[:190]
    wanted = wanted or slugify(f"post-{post_id}")[:190] or "post"
    article = Article.objects.create(
        headline=headline,
        slug=_free_slug(wanted, language),
        section=section,
        body=article_markdown(post.body_html),
        language=language,
        status=_status(post),
        published_at=post.published_at,
    )
    if post.author_name:
        author_slug = slugify(post.author_login or post.author_name)[:_SLUG_LENGTH] or "author"
        author, _created = Author.objects.get_or_create(
            slug=author_slug, defaults={"name": post.author_name[:120]}
        )
        Byline.objects.create(article=article, author=author, position=0)
    tags = [
        Tag.objects.get_or_create(slug=slug[:_SLUG_LENGTH], defaults={"name": name[:60] or slug})[0]
        for slug, name in post.tags
    ]
    if tags:
        article.tags.add(*tags)
    ImportedArticle.objects.create(source=source, source_id=post_id, article=article)
    articles_services.index_article(article=article)  # found by search like any other
    return article
