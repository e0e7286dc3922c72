"""Reads of the newsroom dashboard's overview of a period and edition: tables per section,
author and article, the weekly trend, the clauses cited and the spread of poll shares (an
article's panel reads in panel.py). Counts only: nothing here reads who voted, commented or
reported.

Everything comes from the daily rollups (models.py), in a fixed number of queries whatever the
size of the archive; per-article sums are read once and grouped per section and author here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet, Sum

from gazette.articles.models import Article, Author, Section
from gazette.core import editions
from gazette.moderation.models import Clause
from gazette.newsroom import commenters, policy
from gazette.newsroom.figures import COUNTS, DEFAULT_SORT, Row, counts_key, sorted_rows
from gazette.newsroom.models import (
    ArticleTotals,
    DailyArticleStats,
    DailyClauseCount,
    DailyEditionTotals,
    FigureRefresh,
)

ARTICLES_SHOWN = 50
# Seconds an overview is kept: the refresh runs every 5 minutes, and a newer one changes the key.
KEPT_FOR = 15 * 60
TOP_CLAUSES = 5
# Commenters are not summed: a period's or a group's are a union (commenters.py).
SUMMED = tuple(name for name in COUNTS if name != "commenters")
_SUMS = {name: Sum(name) for name in SUMMED}


@dataclass(frozen=True)
class Week:
    start: date
    votes: int
    votes_yes: int
    votes_no: int
    comments: int

    @property
    def yes_share(self) -> float | None:
        return policy.share(self.votes_yes, self.votes_yes + self.votes_no)


@dataclass(frozen=True)
class ClauseCount:
    key: str
    label: str
    decisions: int

    def as_record(self) -> dict[str, object]:
        return {"key": self.key, "label": self.label, "decisions": self.decisions}


@dataclass(frozen=True)
class Overview:
    period: policy.Period
    edition: str
    sections: list[Row]
    authors: list[Row]
    articles: list[Row]
    weeks: list[Week]
    clauses: list[ClauseCount]
    histogram: list[int]
    as_of: datetime | None
    # Every reader who commented in the period, once (a section's or an author's are in the row).
    commenters: int = 0

    @property
    def total(self) -> Row:
        total = Row.of("total", "", {})
        for row in self.sections:
            total = total.plus(_counts(row), articles=row.articles)
        return replace(total, commenters=self.commenters)


def _counts(row: Row) -> dict[str, int]:
    return {name: getattr(row, name) for name in COUNTS}


def figures_as_of() -> datetime | None:
    """When the newest refresh started: the figures hold what was committed by then."""
    return (
        FigureRefresh.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    )


def _newest_refresh() -> tuple[int, datetime] | None:
    return FigureRefresh.objects.order_by("-started_at").values_list("pk", "started_at").first()


def _stats(period: policy.Period, edition: str) -> QuerySet[DailyArticleStats]:
    stats = DailyArticleStats.objects.filter(day__gte=period.first, day__lte=period.last)
    return stats.filter(language=edition) if edition else stats


def _clause_counts(period: policy.Period, edition: str) -> QuerySet[DailyClauseCount]:
    counts = DailyClauseCount.objects.filter(day__gte=period.first, day__lte=period.last)
    return counts.filter(language=edition) if edition else counts


def overview(period: policy.Period, edition: str, *, language: str, sort: str) -> Overview:
    """The dashboard for the days of `period` in `edition` ("" for every edition), with names
    in `language`; tables sorted by `sort` (figures.SORTS).

    Its figures change only when the rollups are refreshed, so an overview once computed is
    kept in the cache under the newest refresh until the next one (the names of sections,
    authors and articles it shows are then as of its computation, at most one refresh old).
    """
    newest = _newest_refresh()
    key = _overview_key(newest, period, edition, language, sort)
    found = cache.get(key)
    if not isinstance(found, Overview):
        found = _computed_overview(
            period, edition, language=language, sort=sort, as_of=newest[1] if newest else None
        )
        cache.set(key, found, KEPT_FOR)
    return found


def _overview_key(
    refresh: tuple[int, datetime] | None,
    period: policy.Period,
    edition: str,
    language: str,
    sort: str,
) -> str:
    stamp = f"{refresh[0]}-{refresh[1].timestamp()}" if refresh else "none"
    return f"newsroom:overview:{stamp}:{period.first}:{period.last}:{edition}:{language}:{sort}"


def warm_overviews(today: date) -> int:
    """Compute and keep, for the newest refresh, the overviews editors open most: the default
    period and the year, of every edition together and of each edition (in its own language),
    sorted by default. Returns how many were computed."""
    choices = [("", settings.LANGUAGE_CODE), *((code, code) for code in editions.codes())]
    computed = 0
    for days in (policy.DEFAULT_PERIOD, 365):
        for edition, language in choices:
            overview(policy.last_days(days, today), edition, language=language, sort=DEFAULT_SORT)
            computed += 1
    return computed


def _computed_overview(
    period: policy.Period, edition: str, *, language: str, sort: str, as_of: datetime | None
) -> Overview:
    per_article = _per_article(period, edition)
    authors_of = _authors_of(per_article)
    groups = _Groups(per_article, authors_of)
    clauses = _Clauses(period, edition, per_article, authors_of)
    # Per section, author and article: (the clause cited most, how often).
    tops = [clauses.top_per(kind) for kind in ("section", "author", "article")]
    top_clauses = clauses.most_cited()
    names = _clause_names(
        {clause_id for top in tops for clause_id, _n in top.values()}
        | {clause_id for clause_id, _n in top_clauses},
        language,
    )
    section_top, author_top, article_top = (
        {key: names.get(clause_id, "") for key, (clause_id, _n) in top.items()} for top in tops
    )
    articles = _article_rows(per_article, sort, limit=ARTICLES_SHOWN)
    return Overview(
        period=period,
        edition=edition,
        sections=sorted_rows(_section_rows(groups, language, section_top), sort),
        authors=sorted_rows(_author_rows(groups, author_top), sort),
        articles=_with_top_clause(articles, article_top),
        weeks=_weeks(period, edition),
        clauses=[
            ClauseCount(key=str(clause_id), label=names.get(clause_id, ""), decisions=n)
            for clause_id, n in top_clauses
        ],
        histogram=policy.histogram(_poll_shares(per_article)),
        as_of=as_of,
        commenters=groups.commenters.get(_EVERYONE, 0),
    )


def _with_top_clause(rows: list[Row], top: dict[int, str]) -> list[Row]:
    return [replace(row, top_clause=top.get(int(row.key), "")) for row in rows]


def article_table(period: policy.Period, edition: str, *, language: str, sort: str) -> list[Row]:
    """Every article with activity in the period (the page shows the first ARTICLES_SHOWN)."""
    per_article = _per_article(period, edition)
    rows = _article_rows(per_article, sort, limit=None)
    top = _Clauses(period, edition, per_article, {}).top_per("article")
    names = _clause_names({clause_id for clause_id, _n in top.values()}, language)
    return _with_top_clause(
        rows, {key: names.get(clause_id, "") for key, (clause_id, _n) in top.items()}
    )


def _days_of(articles: QuerySet[Any], period: policy.Period) -> QuerySet[DailyArticleStats]:
    """The daily rows of `articles` (already of one edition) in the period: read through the
    (article, day) index, not the edition's."""
    return DailyArticleStats.objects.filter(
        article_id__in=articles, day__gte=period.first, day__lte=period.last
    )


def _active(period: policy.Period, edition: str) -> QuerySet[ArticleTotals]:
    """The articles with any activity in the period."""
    totals = ArticleTotals.objects.filter(first_day__lte=period.last, last_day__gte=period.first)
    return totals.filter(language=edition) if edition else totals


def _per_article(period: policy.Period, edition: str) -> list[dict[str, Any]]:
    """Each article's sums over the period (with its commenters' numbers), in two reads: the
    totals of the articles whose every active day lies in the period, and the daily rows of
    those that straddle one of its ends, summed here (a year's overview reads one row per
    article, not one per article and day)."""
    inside = Q(first_day__gte=period.first, last_day__lte=period.last)
    fields = ("article_id", "section_id", "author_ids", *COUNTS, "commenter_numbers")
    whole = _active(period, edition).filter(inside).values(*fields).order_by()
    straddling = _active(period, edition).exclude(inside).values("article_id")
    summed: dict[int, dict[str, Any]] = {}
    readers: dict[int, list[bytes]] = defaultdict(list)
    for day in _days_of(straddling, period).values(*fields).order_by():
        readers[day["article_id"]].append(day["commenter_numbers"])
        item = summed.setdefault(day["article_id"], {**day, **dict.fromkeys(SUMMED, 0)})
        for name in SUMMED:
            item[name] += day[name]
    for article_id, item in summed.items():
        item["commenter_numbers"] = commenters.union(readers[article_id])
        item["commenters"] = commenters.count(item["commenter_numbers"])
    return cast("list[dict[str, Any]]", [*whole, *summed.values()])


def _authors_of(per_article: list[dict[str, Any]]) -> dict[int, list[int]]:
    """Article → its authors (copied into the rollups from its byline)."""
    return {
        item["article_id"]: [int(pk) for pk in item["author_ids"].split()] for item in per_article
    }


_EVERYONE = "everyone"


class _Groups:
    """The period's per-article sums added up per section and per author (an article with two
    authors counts in full for each: a byline is shared work), with each group's distinct
    commenters and the period's."""

    def __init__(self, per_article: list[dict[str, Any]], authors_of: dict[int, list[int]]):
        self.sections: dict[int, dict[str, int]] = {}
        self.authors: dict[int, dict[str, int]] = {}
        tally = commenters.Tally()
        for item in per_article:
            numbers = item["commenter_numbers"]
            tally.add(_EVERYONE, numbers)
            self._add(self.sections, item["section_id"], item)
            tally.add(("section", item["section_id"]), numbers)
            for author_id in authors_of.get(item["article_id"], ()):
                self._add(self.authors, author_id, item)
                tally.add(("author", author_id), numbers)
        self.commenters = tally.counts()
        for kind, found in (("section", self.sections), ("author", self.authors)):
            for key, sums in found.items():
                sums["commenters"] = self.commenters.get((kind, key), 0)

    @staticmethod
    def _add(groups: dict[int, dict[str, int]], key: int, item: dict[str, Any]) -> None:
        sums = groups.get(key)
        if sums is None:
            groups[key] = {**{name: item[name] for name in SUMMED}, "articles": 1}
            return
        for name in SUMMED:
            sums[name] += item[name]
        sums["articles"] += 1


def _section_rows(groups: _Groups, language: str, top: dict[int, str]) -> list[Row]:
    sections = Section.objects.filter(pk__in=groups.sections).prefetch_related("translations")
    return [
        Row.of(
            str(section.pk),
            section.name_in(language),
            groups.sections[section.pk],
            articles=groups.sections[section.pk]["articles"],
            url=section.get_absolute_url(),
            top_clause=top.get(section.pk, ""),
        )
        for section in sections
    ]


def _author_rows(groups: _Groups, top: dict[int, str]) -> list[Row]:
    return [
        Row.of(
            str(author.pk),
            author.name,
            groups.authors[author.pk],
            articles=groups.authors[author.pk]["articles"],
            url=author.get_absolute_url(),
            top_clause=top.get(author.pk, ""),
        )
        for author in Author.objects.filter(pk__in=groups.authors)
    ]


def _article_rows(per_article: list[dict[str, Any]], sort: str, *, limit: int | None) -> list[Row]:
    """Articles ranked by `sort` (ties by article, the same on the page and in downloads),
    the first `limit` of them named; by headline, every one is named first."""
    by_label = sort.removeprefix("-") == "label"
    if by_label:
        chosen = per_article
    else:
        key = counts_key(sort)
        descending = sort.startswith("-")
        chosen = sorted(
            per_article,
            key=lambda item: (key(item) * (-1 if descending else 1), item["article_id"]),
        )[:limit]
    articles = {
        article.pk: article
        for article in Article.objects.filter(pk__in=[item["article_id"] for item in chosen])
        .select_related("section")
        .only("pk", "headline", "slug", "language", "section__slug")
    }
    rows = [
        Row.of(
            str(item["article_id"]),
            articles[item["article_id"]].headline,
            item,
            articles=1,
            url=articles[item["article_id"]].get_absolute_url(),
        )
        for item in chosen
        if item["article_id"] in articles
    ]
    if by_label:
        rows = sorted_rows(rows, sort)[:limit]
    return rows


def _poll_shares(per_article: Iterable[dict[str, Any]]) -> list[float]:
    shares = []
    for item in per_article:
        answered = (item["votes_yes"] or 0) + (item["votes_no"] or 0)
        if answered >= policy.HISTOGRAM_MIN_VOTES:
            shares.append(item["votes_yes"] / answered)
    return shares


def _weeks(period: policy.Period, edition: str) -> list[Week]:
    """Each week's figures from the editions' daily totals (a row per edition and day), summed
    here into weeks (a date function in SQL would run once per row on SQLite)."""
    days = DailyEditionTotals.objects.filter(day__gte=period.first, day__lte=period.last)
    if edition:
        days = days.filter(language=edition)
    found: dict[date, dict[str, int]] = {}
    for day, votes, votes_yes, votes_no, comments in days.values_list(
        "day", "votes", "votes_yes", "votes_no", "comments"
    ).order_by():
        week = found.setdefault(
            policy.week_start(day), {"votes": 0, "votes_yes": 0, "votes_no": 0, "comments": 0}
        )
        week["votes"] += votes
        week["votes_yes"] += votes_yes
        week["votes_no"] += votes_no
        week["comments"] += comments
    weeks = []
    start = policy.week_start(period.first)
    while start <= period.last:
        row = found.get(start, {})
        weeks.append(
            Week(
                start=start,
                votes=row.get("votes", 0),
                votes_yes=row.get("votes_yes", 0),
                votes_no=row.get("votes_no", 0),
                comments=row.get("comments", 0),
            )
        )
        start = date.fromordinal(start.toordinal() + 7)
    return weeks


class _Clauses:
    """The decisions citing each clause in the period, read once per article and added up per
    section and per author here."""

    def __init__(
        self,
        period: policy.Period,
        edition: str,
        per_article: list[dict[str, Any]],
        authors_of: dict[int, list[int]],
    ):
        section_of = {item["article_id"]: item["section_id"] for item in per_article}
        self._counts: dict[str, dict[tuple[int, int], int]] = {
            "section": defaultdict(int),
            "author": defaultdict(int),
            "article": defaultdict(int),
        }
        rows = (
            _clause_counts(period, edition)
            .values_list("article_id", "clause_id")
            .annotate(n=Sum("decisions"))
            .order_by()
        )
        for article_id, clause_id, n in rows:
            self._counts["article"][(article_id, clause_id)] += n
            if article_id in section_of:
                self._counts["section"][(section_of[article_id], clause_id)] += n
            for author_id in authors_of.get(article_id, ()):
                self._counts["author"][(author_id, clause_id)] += n

    def top_per(self, kind: str) -> dict[int, tuple[int, int]]:
        """Group of `kind` → (its clause cited most, how often); ties go to the lower clause."""
        best: dict[int, tuple[int, int]] = {}
        for (group, clause_id), n in self._counts[kind].items():
            current = best.get(group)
            if current is None or (n, -clause_id) > (current[1], -current[0]):
                best[group] = (clause_id, n)
        return best

    def most_cited(self) -> list[tuple[int, int]]:
        """The clauses cited most in the period: (clause id, decisions), most first."""
        totals: dict[int, int] = defaultdict(int)
        for (_article, clause_id), n in self._counts["article"].items():
            totals[clause_id] += n
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:TOP_CLAUSES]


def _clause_names(ids: set[int], language: str) -> dict[int, str]:
    """Clause → "3. No personal attacks" in `language`: two queries, none when no clause."""
    if not ids:
        return {}
    return {
        clause.pk: f"{clause.number}. {clause.title_in(language)}"
        for clause in Clause.objects.filter(pk__in=ids).prefetch_related("translations")
    }


def table_records(
    table: str, period: policy.Period, edition: str, *, language: str, sort: str
) -> list[dict[str, object]]:
    """Every row of one table as plain values, for the CSV and JSON downloads."""
    if table == "articles":
        rows = article_table(period, edition, language=language, sort=sort)
        return [row.as_record() for row in rows]
    figures = overview(period, edition, language=language, sort=sort)
    if table == "weeks":
        return [
            {
                "week": week.start.isoformat(),
                "votes": week.votes,
                "votes_yes": week.votes_yes,
                "votes_no": week.votes_no,
                "comments": week.comments,
            }
            for week in figures.weeks
        ]
    if table == "clauses":
        return [clause.as_record() for clause in figures.clauses]
    rows = figures.sections if table == "sections" else figures.authors
    return [row.as_record() for row in rows]
