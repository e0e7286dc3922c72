"""Which of our articles a page of another system is: by the WordPress post it was imported
from, by its canonical address, or by its slug (the last part of its path, when exactly one
article has it)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from gazette.articles.models import Article
from gazette.comments.page_urls import NotAPageAddress, canonical_page_url
from gazette.core.http import absolute_url
from gazette.importers.models import ImportedArticle
from gazette.importers.records import SourceThread

# WordPress's own address of a post (?p=42), and the identifier its Disqus plugin gives a
# thread ("42 http://example.org/?p=42").
_POST_QUERY = re.compile(r"[?&]p=(\d+)(?:&|$)")
_PLUGIN_IDENTIFIER = re.compile(r"^(\d+) ")
WORDPRESS_SOURCE = "wxr"


def canonical_or_blank(url: str) -> str:
    try:
        return canonical_page_url(url)
    except NotAPageAddress:
        return ""


def wordpress_post_id(thread: SourceThread, *, is_wordpress: bool) -> str:
    if is_wordpress and thread.identifier.isdigit():
        return thread.identifier
    found = _PLUGIN_IDENTIFIER.match(thread.identifier) or _POST_QUERY.search(thread.link)
    return found.group(1) if found else ""


def slug_of(url: str) -> str:
    path = urlsplit(url).path
    return unquote(path.rstrip("/").rpartition("/")[2])


@dataclass
class ArticleIndex:
    """Our articles by canonical address and by slug, read once per import."""

    by_url: dict[str, int] = field(default_factory=dict)
    by_slug: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_edition: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def build(cls) -> ArticleIndex:
        index = cls()
        for article in Article.objects.select_related("section").only(
            "pk", "slug", "language", "section__slug"
        ):
            index.add(article)
        return index

    def add(self, article: Article) -> None:
        address = canonical_or_blank(absolute_url(article.get_absolute_url()))
        if address:
            self.by_url[address] = article.pk
        self.by_slug[article.slug].append(article.pk)
        self.by_edition[(article.language, article.slug)] = article.pk

    def article_id(self, thread: SourceThread, *, source: str, is_wordpress: bool) -> int | None:
        if thread.article is not None:
            # A Gazette export names its article exactly; no guessing from the address.
            return self.by_edition.get(thread.article)
        post_id = wordpress_post_id(thread, is_wordpress=is_wordpress)
        if post_id:
            imported = (
                ImportedArticle.objects.filter(
                    source=source if is_wordpress else WORDPRESS_SOURCE, source_id=post_id
                )
                .values_list("article_id", flat=True)
                .first()
            )
            if imported is not None:
                return imported
        address = canonical_or_blank(thread.link)
        if address in self.by_url:
            return self.by_url[address]
        slugs = {slug_of(thread.link)} | ({thread.post.slug} if thread.post else set())
        candidates = {pk for slug in slugs if slug for pk in self.by_slug.get(slug, [])}
        return candidates.pop() if len(candidates) == 1 else None
