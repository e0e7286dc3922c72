"""Search of one edition's public articles: `search_articles(edition, query, sort, page)`.

The one interface over two engines (`search_backends.py`: FTS5 on SQLite, full-text search on
PostgreSQL). What can be found is what `queries.edition_articles` lets readers see: never a
draft, a schedule not yet due or another edition's article. A page of results costs a count
(of at most `max_results()` + 1 matches), the ranked page with its highlighted passages (one
query on SQLite, two on PostgreSQL) and two for the articles and their section names, whatever
was typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.utils.safestring import SafeString

from gazette.articles import queries
from gazette.articles.models import Article
from gazette.articles.search_backends import (
    NEWEST,
    RELEVANCE,
    Counted,
    Found,
    SearchBackend,
    backend,
)
from gazette.articles.search_text import marked_up, query_terms

SORTS = (RELEVANCE, NEWEST)


def max_results() -> int:
    """How many matches are counted and shown at most: past that, a reader adds a word rather
    than pages on, and no search costs more than counting that many."""
    return int(settings.GAZETTE_SEARCH_MAX_RESULTS)


class NoSuchPage(Exception):  # noqa: N818 - a state, as the house names them
    """The page number asked for is not a page of these results."""


@dataclass(frozen=True)
class SearchHit:
    """A found article, its headline and a passage of its text with the matches marked."""

    article: Article
    headline: SafeString
    snippet: SafeString


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: list[str]
    sort: str
    page: Page[SearchHit] | None

    more: bool = False

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page is not None else 0

    @property
    def limit(self) -> int:
        return max_results()


class _Hits(Sequence[SearchHit]):
    """The results as the paginator reads them: a count, then the one slice it shows."""

    def __init__(self, engine: SearchBackend, edition: str, terms: list[str], sort: str) -> None:
        self.engine, self.edition, self.terms, self.sort = engine, edition, terms, sort
        self.public = queries.edition_articles(edition)
        self._counted: Counted | None = None

    @property
    def more(self) -> bool:
        """Whether more than `max_results()` match (only the first are counted and shown)."""
        return self._count_matches().found > max_results()

    def _count_matches(self) -> Counted:
        if self._counted is None:
            self._counted = self.engine.count(
                self.edition, self.terms, self.public, limit=max_results() + 1
            )
        return self._counted

    def count(self) -> int:  # type: ignore[override]  # the paginator calls count() first
        return min(self._count_matches().found, max_results())

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> SearchHit: ...

    @overload
    def __getitem__(self, index: slice) -> list[SearchHit]: ...

    def __getitem__(self, index: int | slice) -> SearchHit | list[SearchHit]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        offset, stop = index.start or 0, index.stop or self.count()
        found = self.engine.ranked_page(
            self.edition,
            self.terms,
            self.public,
            sort=self.sort,
            offset=offset,
            limit=stop - offset,
            # Ranking is bounded only when more match than are shown.
            from_position=self._count_matches().oldest if self.more else None,
        )
        return self._hits(found)

    def _hits(self, found: list[Found]) -> list[SearchHit]:
        ids = [match.article_id for match in found]
        articles = {
            article.pk: article
            for article in queries.read_in(
                # No order: the page's order is the engine's, and sorting here would lead the
                # database to walk the date index instead of looking the IDs up.
                self.public.filter(pk__in=ids)
                .order_by()
                # A result shows its headline, passage, section and date: not the body or the
                # photo, which an edition written from another script would otherwise convert.
                .defer("body", "lead_photo")
                .select_related("section")
                .prefetch_related("section__translations"),
                self.edition,
            )
        }
        hits = []
        for pk, marked in found:
            article = articles.get(pk)
            if article is None:
                continue  # unpublished between the two reads
            headline, snippet = marked or (article.headline, article.standfirst)
            hits.append(SearchHit(article, marked_up(headline), marked_up(snippet)))
        return hits


def search_articles(
    edition: str, query: str, sort: str = RELEVANCE, page: int = 1
) -> SearchResults:
    """The public articles of `edition` that contain every word of `query`, one page of them.

    `sort` is "relevance" (best matches first; on SQLite, the best among the newest
    `max_results()` matches) or "date" (newest first); anything else means relevance. A query
    with no words finds nothing and asks the database nothing. Raises `NoSuchPage` for a page
    number past the last page.
    """
    sort = sort if sort in SORTS else RELEVANCE
    terms = query_terms(query, edition)
    if not terms:
        return SearchResults(query=query, terms=[], sort=sort, page=None)
    hits = _Hits(backend(), edition, terms, sort)
    paginator = Paginator(hits, settings.GAZETTE_ARTICLES_PER_PAGE)
    try:
        found = paginator.page(page)
    except InvalidPage as exc:
        raise NoSuchPage from exc
    if found.paginator.count == 0:
        return SearchResults(query=query, terms=terms, sort=sort, page=None)
    return SearchResults(query=query, terms=terms, sort=sort, page=found, more=hits.more)
