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

from django.db.models import Count, F, Q, QuerySet, Sum

from gazette.articles.models import Article, Author, Section
from gazette.moderation.models import Clause
from gazette.newsroom import policy
from gazette.newsroom.figures import COUNTS, Row, counts_key, sorted_rows
from gazette.newsroom.models import (
    ArticleTotals,
    DailyArticleStats,
    DailyClauseCount,
    DailyEditionTotals,
    FigureRefresh,
)

ARTICLES_SHOWN = 50
TOP_CLAUSES = 5
_SUMS = {name: Sum(name) for name in COUNTS}


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

    @property
    def total(self) -> Row:
        total = Row.of("total", "", {})
        for row in self.sections:
            total = total.plus(_counts(row), articles=row.articles)
        return total


def _counts(row: Row) -> dict[str, int]:
    return {name: getattr(row, name) for name in COUNTS}


def figures_as_of() -> datetime | None:
    """When the newest refresh started: the figures hold what was committed by then."""
    return (
        FigureRefresh.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    )


def _stats(period: policy.Period, edition: str) -> QuerySet[DailyArticleStats]:
    stats = DailyArticleStats.objects.filter(day__gte=period.first, day__lte=period.last)
    return stats.filter(language=edition) if edition else stats


def _clause_counts(period: policy.Period, edition: str) -> QuerySet[DailyClauseCount]:
    counts = DailyClauseCount.objects.filter(day__gte=period.first, day__lte=period.last)
    return counts.filter(language=edition) if edition else counts


def overview(period: policy.Period, edition: str, *, language: str, sort: str) -> Overview:
    """The dashboard for the days of `period` in `edition` ("" for every edition), with names
    in `language`; tables sorted by `sort` (figures.SORTS)."""
    per_article = _per_article(period, edition)
    articles = _article_rows(per_article, sort, limit=ARTICLES_SHOWN)
    by_section = _clause_rows(period, edition, "section_id")
    by_author = _clause_rows(period, edition, "article__bylines__author_id")
    by_article = _clause_rows(period, edition, "article_id", [int(row.key) for row in articles])
    top_clauses = _top_clauses(by_section)
    tops = [_top_clause_per(rows) for rows in (by_section, by_author, by_article)]
    names = _clause_names(
        {clause_id for top in tops for clause_id, _n in top.values()}
        | {clause_id for clause_id, _n in top_clauses},
        language,
    )
    section_top, author_top, article_top = (
        {key: names.get(clause_id, "") for key, (clause_id, _n) in top.items()} for top in tops
    )
    return Overview(
        period=period,
        edition=edition,
        sections=sorted_rows(_section_rows(period, edition, language, section_top), sort),
        authors=sorted_rows(_with_top_clause(_author_rows(period, edition), author_top), sort),
        articles=_with_top_clause(articles, article_top),
        weeks=_weeks(period, edition),
        clauses=[
            ClauseCount(key=str(clause_id), label=names.get(clause_id, ""), decisions=n)
            for clause_id, n in top_clauses
        ],
        histogram=policy.histogram(_poll_shares(per_article)),
        as_of=figures_as_of(),
    )


def _with_top_clause(rows: list[Row], top: dict[int, str]) -> list[Row]:
    return [replace(row, top_clause=top.get(int(row.key), "")) for row in rows]


def article_table(period: policy.Period, edition: str, *, language: str, sort: str) -> list[Row]:
    """Every article with activity in the period (the page shows the first ARTICLES_SHOWN)."""
    rows = _article_rows(_per_article(period, edition), sort, limit=None)
    top = _top_clause_per(_clause_rows(period, edition, "article_id"))
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
    """Each article's sums over the period, in two reads: the totals of the articles whose every
    active day lies in the period, and the daily rows, summed, of those that straddle one of its
    ends (a year's overview reads one row per article, not one per article and day)."""
    inside = Q(first_day__gte=period.first, last_day__lte=period.last)
    whole = _active(period, edition).filter(inside).values("article_id", "section_id", *COUNTS)
    straddling = _active(period, edition).exclude(inside).values("article_id")
    parts = (
        _days_of(straddling, period).values("article_id", "section_id").annotate(**_SUMS).order_by()
    )
    return cast("list[dict[str, Any]]", [*whole.order_by(), *parts])


Groups = dict[int, tuple[dict[str, int], int]]


def _grouped(period: policy.Period, edition: str, group: str) -> Groups:
    """Group (a section, an author) → (its counts summed over the period, how many articles),
    summed by the database from the same two parts as `_per_article`."""
    inside = Q(first_day__gte=period.first, last_day__lte=period.last)
    straddling = _active(period, edition).exclude(inside).values("article_id")
    whole = (
        _active(period, edition)
        .filter(inside)
        .values(group=F(group))
        .annotate(**_SUMS, articles=Count("pk"))
        .order_by()
    )
    parts = (
        _days_of(straddling, period)
        .values(group=F(group))
        .annotate(**_SUMS, articles=Count("article_id", distinct=True))
        .order_by()
    )
    groups: Groups = {}
    rows = cast("list[dict[str, Any]]", [*whole, *parts])
    for row in rows:
        key = row["group"]
        if key is None:  # an article without a byline
            continue
        sums, articles = groups.get(key, (dict.fromkeys(COUNTS, 0), 0))
        groups[key] = (
            {name: sums[name] + (row[name] or 0) for name in COUNTS},
            articles + row["articles"],
        )
    return groups


def _section_rows(
    period: policy.Period, edition: str, language: str, top: dict[int, str]
) -> list[Row]:
    groups = _grouped(period, edition, "section_id")
    sections = Section.objects.filter(pk__in=groups).prefetch_related("translations")
    return [
        Row.of(
            str(section.pk),
            section.name_in(language),
            groups[section.pk][0],
            articles=groups[section.pk][1],
            url=section.get_absolute_url(),
            top_clause=top.get(section.pk, ""),
        )
        for section in sections
    ]


def _author_rows(period: policy.Period, edition: str) -> list[Row]:
    """An article with two authors counts in full for each (a byline is shared work)."""
    groups = _grouped(period, edition, "article__bylines__author_id")
    return [
        Row.of(
            str(author.pk),
            author.name,
            groups[author.pk][0],
            articles=groups[author.pk][1],
            url=author.get_absolute_url(),
        )
        for author in Author.objects.filter(pk__in=groups)
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


def _clause_rows(
    period: policy.Period, edition: str, group: str, among: list[int] | None = None
) -> list[dict[str, Any]]:
    """Decisions citing each clause per `group` (a section, an author, an article), optionally
    only for the articles `among`."""
    counts = _clause_counts(period, edition)
    if among is not None:
        counts = counts.filter(article_id__in=among)
    rows = (
        counts.values("clause_id", group=F(group))
        .annotate(n=Sum("decisions"))
        .order_by()
        .filter(group__isnull=False)
    )
    return cast("list[dict[str, Any]]", list(rows))


def _top_clause_per(rows: list[dict[str, Any]]) -> dict[int, tuple[int, int]]:
    """Group → (its clause cited most, how often); ties go to the lower clause id."""
    best: dict[int, tuple[int, int]] = {}
    for row in rows:
        current = best.get(row["group"])
        if current is None or (row["n"], -row["clause_id"]) > (current[1], -current[0]):
            best[row["group"]] = (row["clause_id"], row["n"])
    return best


def _clause_names(ids: set[int], language: str) -> dict[int, str]:
    """Clause → "3. No personal attacks" in `language`: two queries, none when no clause."""
    if not ids:
        return {}
    return {
        clause.pk: f"{clause.number}. {clause.title_in(language)}"
        for clause in Clause.objects.filter(pk__in=ids).prefetch_related("translations")
    }


def _top_clauses(rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The clauses cited most over every group: (clause id, decisions), most first."""
    totals: dict[int, int] = defaultdict(int)
    for row in rows:
        totals[row["clause_id"]] += row["n"]
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:TOP_CLAUSES]


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
