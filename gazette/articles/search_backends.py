"""The two search engines behind `search.py`, one per database vendor.

SQLite (the embedded default): an FTS5 table per edition that triggers keep in step with
`SearchEntry` (migration 0007). The English table's tokenizer stems (`porter`); the other
editions' only fold case and diacritics, since FTS5 has no stemmer for Russian, Kazakh or
Uzbek. PostgreSQL: `SearchEntry.document`, a weighted tsvector under a GIN
index, in the edition's text search configuration: `english` and `russian` stem, Kazakh and
Uzbek use `simple` (PostgreSQL ships no stemmer for them).

Both count at most a bounded number of matches, newest first, and rank only those where more
match. Both are given the query as plain terms (`search_text.query_terms`) and the public
articles of the edition as a queryset (`queries.edition_articles`), which stays the one gate:
an entry is found only when its article is in it.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import QuerySet, Value

from gazette.articles.models import Article, SearchEntry
from gazette.articles.search_text import EDITION_SLOTS, MARK_END, MARK_START, fts5_query

RELEVANCE = "relevance"
NEWEST = "date"
SNIPPET_WORDS = 30

POSTGRES_CONFIGS = {"en": "english", "ru": "russian"}


class Counted(NamedTuple):
    """How many matches (at most the limit asked), and where the counted ones start: the
    position of the oldest of them (None when nothing matched)."""

    found: int
    oldest: int | None


class Found(NamedTuple):
    """A match on the page asked for, in the engine's order: its article and, when the engine
    quoted it, the headline and a passage with the matches marked."""

    article_id: int
    marked: tuple[str, str] | None


class SearchBackend(Protocol):
    def count(
        self, edition: str, terms: list[str], public: QuerySet[Article], *, limit: int
    ) -> Counted: ...

    def ranked_page(
        self,
        edition: str,
        terms: list[str],
        public: QuerySet[Article],
        *,
        sort: str,
        offset: int,
        limit: int,
        from_position: int | None,
    ) -> list[Found]: ...

    def with_documents(self, entries: list[SearchEntry]) -> list[SearchEntry]: ...


def backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        return PostgresSearch()
    return SqliteSearch()


def postgres_config(edition: str) -> str:
    return POSTGRES_CONFIGS.get(edition, "simple")


# ---------------------------------------------------------------- SQLite FTS5


def _where_of(articles: QuerySet[Article]) -> tuple[str, list[Any]]:
    """The WHERE clause of a queryset of articles, naming the article table by its own name."""
    query = articles.query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return str(sql), list(params)


def sqlite_table(edition: str) -> str:
    """The edition's FTS5 table (migration 0007 makes one for each of EDITION_SLOTS)."""
    if edition not in EDITION_SLOTS:
        raise ValueError(f"no search table for the edition {edition!r}")
    return f"articles_search_{edition.replace('-', '_')}"


class SqliteSearch:
    """FTS5 hands out matches newest first (its rowid is the entry's position) or best first
    (`rank`: bm25, weighted as migration 0007 sets it), and tests each match's entry and
    article against the gate only as it goes, so a page stops once it has its rows.
    Where more match than a reader is shown, relevance ranks the newest of them (from the
    oldest counted): past those the archive is not ranked, which bounds the work of a word in
    every article."""

    def _matching(
        self, edition: str, terms: list[str], public: QuerySet[Article]
    ) -> tuple[str, list[Any]]:
        """FROM and WHERE of the matches whose entry is of the edition and whose article is in
        `public` (its own conditions, compiled from the queryset: the gate stays one)."""
        table = sqlite_table(edition)
        gate, gate_params = _where_of(public)
        article = connection.ops.quote_name(Article._meta.db_table)
        sql = (
            f"FROM {table} WHERE {table} MATCH %s AND EXISTS ("  # noqa: S608 - our table names; values are parameters
            f"SELECT 1 FROM articles_searchentry AS entry CROSS JOIN {article} "
            f"ON {article}.id = entry.article_id "
            f"WHERE entry.position = {table}.rowid AND entry.edition = %s AND ({gate}))"
        )
        return sql, [fts5_query(terms), edition, *gate_params]

    def count(
        self, edition: str, terms: list[str], public: QuerySet[Article], *, limit: int
    ) -> Counted:
        """Counted newest first, stopping at `limit`: the oldest counted is where relevance
        starts ranking when more match than are shown."""
        table = sqlite_table(edition)
        sql, params = self._matching(edition, terms, public)
        with connection.cursor() as cursor:
            counting = (
                f"SELECT count(*), min(id) FROM (SELECT {table}.rowid AS id {sql} "  # noqa: S608 - see _matching
                f"ORDER BY {table}.rowid DESC LIMIT %s)"
            )
            cursor.execute(counting, [*params, limit])
            found, oldest = cursor.fetchone()
            return Counted(int(found), None if oldest is None else int(oldest))

    def ranked_page(
        self,
        edition: str,
        terms: list[str],
        public: QuerySet[Article],
        *,
        sort: str,
        offset: int,
        limit: int,
        from_position: int | None,
    ) -> list[Found]:
        """The page's matches with their passages in one query: FTS5 hands them out in order
        and stops at the limit, so only the page's rows are quoted (snippet() over every match
        would cost more than the search itself)."""
        table = sqlite_table(edition)
        sql, params = self._matching(edition, terms, public)
        article_of_entry = (
            f"SELECT entry.article_id FROM articles_searchentry AS entry "  # noqa: S608 - our table names
            f"WHERE entry.position = {table}.rowid"
        )
        quoted = f"highlight({table}, 0, %s, %s), snippet({table}, 2, %s, %s, '…', %s)"
        if sort == NEWEST:
            order = f"{table}.rowid DESC"
        else:
            order = "rank"
            if from_position is not None:
                sql += f" AND {table}.rowid >= %s"
                params.append(from_position)
        markers = [MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT ({article_of_entry}), {quoted} {sql} ORDER BY {order} LIMIT %s OFFSET %s",
                [*markers, *markers, SNIPPET_WORDS, *params, limit, offset],
            )
            return [Found(int(row[0]), (str(row[1]), str(row[2]))) for row in cursor.fetchall()]

    def with_documents(self, entries: list[SearchEntry]) -> list[SearchEntry]:
        """The entries as they are: the FTS5 tables follow `SearchEntry` by triggers."""
        return entries


# ---------------------------------------------------------------- PostgreSQL


class PostgresSearch:
    """Each edition's entries have their own GIN index (migration 0008), as each has its own
    FTS5 table on SQLite, and the entries' long columns are kept out of line (migration 0009),
    so reading the position of every match of even a word found in all articles costs a few
    pages. Matches are tested against the gate newest first, only until enough are found.
    Written as SQL statements, like SQLite's: building them through the ORM cost more than
    running them."""

    def _entries(self, edition: str, terms: list[str]) -> tuple[str, list[Any]]:
        """FROM and WHERE of the edition's entries that hold every term."""
        # plainto_tsquery: every term required, and no text can be read as an operator.
        sql = (
            "FROM articles_searchentry AS entry WHERE entry.edition = %s "
            "AND entry.document @@ plainto_tsquery(%s::regconfig, %s)"
        )
        return sql, [edition, postgres_config(edition), " ".join(terms)]

    def _public(self, alias: str, public: QuerySet[Article]) -> tuple[str, list[Any]]:
        """Whether the article of the entry named `alias` is in `public` (its own conditions,
        compiled from the queryset: the gate stays one)."""
        gate, gate_params = _where_of(public)
        article = connection.ops.quote_name(Article._meta.db_table)
        sql = (
            f"EXISTS (SELECT 1 FROM {article} WHERE {article}.id = {alias}.article_id "  # noqa: S608 - our table names; values are parameters
            f"AND ({gate}))"
        )
        return sql, gate_params

    def count(
        self, edition: str, terms: list[str], public: QuerySet[Article], *, limit: int
    ) -> Counted:
        """Counted newest first, stopping at `limit`, as on SQLite: the oldest counted is where
        relevance starts ranking, so a word in every article costs what a rarer one does."""
        entries, entries_params = self._entries(edition, terms)
        gate, gate_params = self._public("match", public)
        # OFFSET 0 keeps the sorted matches a subquery of their own: the gate then reads
        # articles in that order and stops at the limit, instead of reading every match's.
        # "+ 0": the matches are found through the GIN index and then sorted, never by walking
        # the index of positions and testing every entry's document on the way.
        sql = (
            "SELECT count(*), min(position) FROM (SELECT match.position FROM ("  # noqa: S608 - see _entries and _public
            f"SELECT entry.position + 0 AS position, entry.article_id {entries} "
            "ORDER BY 1 DESC OFFSET 0) AS match "
            f"WHERE {gate} ORDER BY match.position DESC LIMIT %s) AS newest"
        )
        [(found, oldest)] = self._fetch(sql, [*entries_params, *gate_params, limit])
        return Counted(int(found), None if oldest is None else int(oldest))

    def ranked_page(
        self,
        edition: str,
        terms: list[str],
        public: QuerySet[Article],
        *,
        sort: str,
        offset: int,
        limit: int,
        from_position: int | None,
    ) -> list[Found]:
        """The page's matches with their passages in one statement: only the page's rows are
        quoted (ts_headline over every match would cost more than the search)."""
        entries, params = self._entries(edition, terms)
        gate, gate_params = self._public("entry", public)
        sql = f"{entries} AND {gate}"
        params += gate_params
        query = "plainto_tsquery(%s::regconfig, %s)"
        query_params = [postgres_config(edition), " ".join(terms)]
        if sort == NEWEST:
            rank, rank_params = "0", []
        else:
            rank, rank_params = f"ts_rank(entry.document, {query})", query_params
            if from_position is not None:
                sql += " AND entry.position >= %s"
                params.append(from_position)
        marks = f"StartSel={MARK_START}, StopSel={MARK_END}"
        quoted = (
            f"ts_headline(%s::regconfig, entry.headline, {query}, %s), "
            f"ts_headline(%s::regconfig, entry.body, {query}, %s)"
        )
        quoted_params = [
            postgres_config(edition), *query_params, f"{marks}, HighlightAll=true",
            postgres_config(edition), *query_params,
            f"{marks}, MaxWords={SNIPPET_WORDS}, MinWords=15",
        ]  # fmt: skip
        rows = self._fetch(
            f"WITH page AS (SELECT entry.id, {rank} AS rank, entry.position {sql} "  # noqa: S608 - see _entries and _public
            "ORDER BY rank DESC, entry.position DESC LIMIT %s OFFSET %s) "
            f"SELECT entry.article_id, {quoted} "
            "FROM page JOIN articles_searchentry AS entry ON entry.id = page.id "
            "ORDER BY page.rank DESC, page.position DESC",
            [*rank_params, *params, limit, offset, *quoted_params],
        )
        return [Found(int(row[0]), (str(row[1]), str(row[2]))) for row in rows]

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """The rows of a search statement, planned without reading the entries in full.

        The planner counts testing a document as nearly free, but each is stored out of line
        (migration 0009) and read from the TOAST table: reading an edition's entries in full
        and testing each cost 400 ms where its GIN index answers in 5. It cannot be told the
        cost, so the statement is planned as if a full read were not possible (only for this
        transaction; with an outer one, until it ends). Sent as one string of two statements,
        which PostgreSQL runs as one transaction: one round trip."""
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}", params)
            cursor.nextset()
            return list(cursor.fetchall())

    def with_documents(self, entries: list[SearchEntry]) -> list[SearchEntry]:
        """The entries, each with its document computed in the statement that inserts it.

        From the texts as values rather than an UPDATE after the insert: each entry is then
        written once, not twice, and an edition's entries stay on as few pages as their
        columns need (the count reads the position of every match from them)."""
        for entry in entries:
            config = postgres_config(entry.edition)
            entry.document = (  # an expression: the INSERT evaluates it
                SearchVector(Value(entry.headline), weight="A", config=config)
                + SearchVector(Value(entry.standfirst), weight="B", config=config)
                + SearchVector(Value(entry.body), weight="C", config=config)
            )
        return entries
