"""The front page's "most discussed" list: an edition's recent public articles with the most
published comments, in one query over the threads' kept counts."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

from gazette.articles import queries as article_queries
from gazette.articles.models import Article
from gazette.comments.models import Thread
from gazette.comments.queries import THREAD_CHECK, site_id
from gazette.core import clock, pages


def most_discussed(language: str) -> list[Article]:
    """Articles of `language`'s edition published in the last `GAZETTE_POPULAR_DAYS` days, by
    their published comments (most first), each with `comment_count` set; one query.

    Each listed thread's version is declared, so a kept front page changes with their counts;
    a thread overtaking them shows within a kept page's minute (core/pages.py).
    """
    since = clock.now() - timedelta(days=settings.GAZETTE_POPULAR_DAYS)
    public = article_queries.edition_articles(language).filter(published_at__gte=since)
    threads = list(
        Thread.objects.filter(site=site_id(), comment_count__gt=0, article__in=public.values("pk"))
        .select_related("article__section")
        .order_by("-comment_count", "-article__published_at", "-article_id")[
            : settings.GAZETTE_POPULAR_LENGTH
        ]
    )
    articles = []
    for thread in threads:
        article = thread.article
        if article is None:
            continue  # threads of other sites' pages are never in `public`
        pages.depends_on(THREAD_CHECK, str(article.pk), thread.version)
        # An attribute the list shows, set on these articles only.
        article.comment_count = thread.comment_count  # type: ignore[attr-defined]  # see above
        articles.append(article)
    return article_queries.read_in(articles, language)
