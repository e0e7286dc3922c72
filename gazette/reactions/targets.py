"""What a poll is about: a page, named by a site and a key, never by a table of ours alone.

Our own articles use settings.GAZETTE_SITE_ID and the key "article:<pk>" and keep a link to the
article for editors; a page on another site will use its canonical URL as the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from gazette.articles.models import Article


@dataclass(frozen=True)
class PollTarget:
    site: str
    key: str
    article: Article | None = None

    @classmethod
    def for_article(cls, article: Article) -> PollTarget:
        return cls(site=settings.GAZETTE_SITE_ID, key=f"article:{article.pk}", article=article)

    @classmethod
    def for_page(cls, *, site: str, key: str, article: Article | None = None) -> PollTarget:
        """The poll of the page a thread is keyed by (site and key are the thread's): an
        article's, or another site's page by its canonical address."""
        return cls(site=site, key=key, article=article)
