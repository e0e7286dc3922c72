"""The daily rollups, recomputed exactly from the raw tables of reactions, comments and
moderation for a set of articles.

Why a scheduled recomputation rather than counters moved by the same transactions as each vote,
comment and decision: the apps below would have to know the dashboard exists (import-linter keeps
them from it), every present and future write path would have to remember to move them, and one
missed path or a dead worker would leave a drift that nothing corrects. Recomputing an article's
rows from the raw tables makes them right by construction; `services.refresh_figures` picks the
articles that changed and calls `recompute`. The raw tables have the indexes that make one
article's figures a few indexed reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any, cast

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate

from gazette.articles.models import Article, Byline
from gazette.comments.models import Comment
from gazette.moderation.models import Decision, Report
from gazette.newsroom import commenters
from gazette.newsroom.models import ArticleTotals, DailyArticleStats, DailyClauseCount
from gazette.reactions.models import Vote

State = Comment.State
YES, NO = "yes", "no"


def _by_day(rows: Iterable[dict[str, Any]]) -> dict[tuple[int, date], dict[str, Any]]:
    return {(row["article_id"], row["day"]): row for row in rows}


def _authors(article_ids: list[int]) -> dict[int, str]:
    """Article → its authors' ids in byline order, space-separated."""
    authors: dict[int, list[str]] = defaultdict(list)
    bylines = Byline.objects.filter(article_id__in=article_ids).order_by("position", "pk")
    for article_id, author_id in bylines.values_list("article_id", "author_id"):
        authors[article_id].append(str(author_id))
    return {article_id: " ".join(ids) for article_id, ids in authors.items()}


def _votes(article_ids: list[int]) -> dict[tuple[int, date], dict[str, int]]:
    rows = (
        Vote.objects.filter(poll__article_id__in=article_ids)
        .annotate(article_id=F("poll__article_id"), day=TruncDate("created_at"))
        .values("article_id", "day", "choice__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    votes: dict[tuple[int, date], dict[str, int]] = defaultdict(dict)
    for row in rows:
        votes[(row["article_id"], row["day"])][row["choice__code"]] = row["n"]
    return votes


def _comments(article_ids: list[int]) -> Iterable[dict[str, Any]]:
    published = Q(state=State.PUBLISHED)
    rows = (
        Comment.objects.filter(thread__article_id__in=article_ids)
        .annotate(article_id=F("thread__article_id"), day=TruncDate("created_at"))
        .values("article_id", "day")
        .annotate(
            posted=Count("pk"),
            published=Count("pk", filter=published),
            replies=Count("pk", filter=published & Q(parent__isnull=False)),
            held=Count("pk", filter=Q(state=State.PENDING)),
            removed=Count("pk", filter=Q(state=State.REMOVED)),
        )
        .order_by()
    )
    return cast("Iterable[dict[str, Any]]", rows)


def _commenters(article_ids: list[int]) -> dict[tuple[int, date], bytes]:
    """(article, day) → the packed numbers of the readers with a published comment that day."""
    rows = list(
        Comment.objects.filter(thread__article_id__in=article_ids, state=State.PUBLISHED)
        .annotate(article_id=F("thread__article_id"), day=TruncDate("created_at"))
        .values_list("article_id", "day", "author_key")
        .distinct()
        .order_by()
    )
    numbers = commenters.numbers_of(key for _article, _day, key in rows)
    readers: dict[tuple[int, date], list[int]] = defaultdict(list)
    for article_id, day, key in rows:
        readers[(article_id, day)].append(numbers[key])
    return {where: commenters.pack(found) for where, found in readers.items()}


def _reports(article_ids: list[int]) -> dict[tuple[int, date], int]:
    rows = (
        Report.objects.filter(comment__thread__article_id__in=article_ids)
        .values(article_id=F("comment__thread__article_id"), day=TruncDate("created_at"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["article_id"], row["day"]): row["n"] for row in rows}


def _clauses(article_ids: list[int]) -> Iterable[dict[str, Any]]:
    rows = (
        Decision.objects.filter(comment__thread__article_id__in=article_ids, clause__isnull=False)
        .values(
            "clause_id", article_id=F("comment__thread__article_id"), day=TruncDate("created_at")
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    return cast("Iterable[dict[str, Any]]", rows)


def recompute(article_ids: list[int]) -> tuple[list[DailyArticleStats], list[DailyClauseCount]]:
    """The rollup rows of `article_ids`, every day they had any activity, from the raw tables."""
    articles = {
        pk: (section_id, language)
        for pk, section_id, language in Article.objects.filter(pk__in=article_ids)
        .values_list("pk", "section_id", "language")
        .order_by()
    }
    authors = _authors(article_ids)
    votes = _votes(article_ids)
    comments = _by_day(_comments(article_ids))
    readers = _commenters(article_ids)
    reports = _reports(article_ids)
    days = sorted(set(votes) | set(comments) | set(reports))
    stats = []
    for key in days:
        article_id, day = key
        section_id, language = articles[article_id]
        stats.append(
            _row(
                (article_id, section_id, language, authors.get(article_id, ""), day),
                votes.get(key, {}),
                comments.get(key) or {},
                readers.get(key, b""),
                reports.get(key, 0),
            )
        )
    clauses = [
        DailyClauseCount(
            article_id=row["article_id"],
            section_id=articles[row["article_id"]][0],
            language=articles[row["article_id"]][1],
            day=row["day"],
            clause_id=row["clause_id"],
            decisions=row["n"],
        )
        for row in _clauses(article_ids)
    ]
    return stats, clauses


def _row(
    where: tuple[int, int, str, str, date],
    choices: dict[str, int],
    comments: dict[str, Any],
    readers: bytes,
    reports: int,
) -> DailyArticleStats:
    article_id, section_id, language, author_ids, day = where
    return DailyArticleStats(
        article_id=article_id,
        section_id=section_id,
        language=language,
        author_ids=author_ids,
        day=day,
        votes=sum(choices.values()),
        votes_yes=choices.get(YES, 0),
        votes_no=choices.get(NO, 0),
        votes_by_choice=dict(sorted(choices.items())),
        comments_posted=comments.get("posted", 0),
        comments=comments.get("published", 0),
        commenters=commenters.count(readers),
        commenter_numbers=readers,
        replies=comments.get("replies", 0),
        held=comments.get("held", 0),
        removed=comments.get("removed", 0),
        reports=reports,
    )


# The counts a period's rows add up to (commenters are a union instead: commenters.py).
SUMMED = (
    "votes",
    "votes_yes",
    "votes_no",
    "comments_posted",
    "comments",
    "replies",
    "held",
    "removed",
    "reports",
)


def totals(stats: list[DailyArticleStats]) -> list[ArticleTotals]:
    """Each article's daily rows summed (its commenters united), with the first and last day
    they cover."""
    by_article: dict[int, ArticleTotals] = {}
    readers: dict[int, list[bytes]] = defaultdict(list)
    for row in stats:
        readers[row.article_id].append(bytes(row.commenter_numbers))
        total = by_article.get(row.article_id)
        if total is None:
            by_article[row.article_id] = ArticleTotals(
                article_id=row.article_id,
                section_id=row.section_id,
                language=row.language,
                author_ids=row.author_ids,
                first_day=row.day,
                last_day=row.day,
                **{name: getattr(row, name) for name in SUMMED},
            )
            continue
        total.first_day = min(total.first_day, row.day)
        total.last_day = max(total.last_day, row.day)
        for name in SUMMED:
            setattr(total, name, getattr(total, name) + getattr(row, name))
    for article_id, total in by_article.items():
        total.commenter_numbers = commenters.union(readers[article_id])
        total.commenters = commenters.count(total.commenter_numbers)
    return list(by_article.values())
