"""Writes of the newsroom dashboard: refreshing the daily rollups, and editors' digest
subscriptions.

`refresh_figures` is run every few minutes by the scheduler (core/scheduler.py). It finds the
articles whose raw rows changed since the previous run (with a margin for transactions still open
then) and those whose poll total or thread version no longer matches what their rollups were
computed from (a vote withdrawn, a comment deleted: changes that leave no timestamp), and rebuilds
all of those articles' rows from the raw tables (rollups.py). A run that dies leaves the previous
rows in place and the next run redoes its work, so nothing is lost and nothing drifts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.db import transaction
from django.db.models import Q, Sum

from gazette.accounts.models import User
from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.core import clock
from gazette.moderation.models import Decision, Report
from gazette.newsroom import rollups
from gazette.newsroom.models import (
    ArticleRollupState,
    ArticleTotals,
    DailyArticleStats,
    DailyClauseCount,
    DailyEditionTotals,
    DigestSubscription,
    FigureRefresh,
)
from gazette.reactions.models import Poll, Vote

# Rows written by a transaction that began before a run but committed after it carry a time
# before the run's start: the next run looks back this much further than the previous start.
OVERLAP = timedelta(minutes=10)
CHUNK = 500
T = TypeVar("T")


def refresh_figures(*, full: bool = False) -> FigureRefresh:
    """Bring the rollups up to date with the raw tables; `full` rebuilds every article.

    Guarantees: after it returns, every article changed before the run's start has rows equal to
    a recomputation from the raw tables. Each article's rows are replaced in one transaction, so
    a reader sees the old figures or the new ones, never a mix. Two runs at once cannot leave
    wrong figures: on PostgreSQL the second one's inserts meet the first one's rows on the unique
    constraints, so its transaction rolls back with an IntegrityError (the scheduler logs it and
    runs again at its next turn); on SQLite the second waits for the first's write lock.
    """
    started = clock.now()
    previous = FigureRefresh.objects.order_by("-started_at").first()
    if full or previous is None:
        article_ids = _all_articles()
    else:
        article_ids = _changed_since(previous.started_at - OVERLAP) | _out_of_step()
    days: set[date] = set()
    for chunk in _chunks(sorted(article_ids)):
        days |= _rebuild(chunk, started)
    _rebuild_edition_days(days)
    return FigureRefresh.objects.create(
        started_at=started, finished_at=clock.now(), articles=len(article_ids), full=full
    )


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _all_articles() -> set[int]:
    polled = Poll.objects.filter(article__isnull=False).values_list("article_id", flat=True)
    discussed = Thread.objects.filter(article__isnull=False).values_list("article_id", flat=True)
    kept = ArticleRollupState.objects.values_list("article_id", flat=True)
    return {*polled, *discussed, *kept}


def _changed_since(since: datetime) -> set[int]:
    """Articles with a vote, comment, report or decision written since `since`, or moved to
    another section or edition."""
    return {
        *Vote.objects.filter(updated_at__gte=since).values_list("poll__article_id", flat=True),
        *Comment.objects.filter(
            Q(created_at__gte=since) | Q(edited_at__gte=since) | Q(deleted_at__gte=since)
        ).values_list("thread__article_id", flat=True),
        *Report.objects.filter(created_at__gte=since).values_list(
            "comment__thread__article_id", flat=True
        ),
        *Decision.objects.filter(created_at__gte=since).values_list(
            "comment__thread__article_id", flat=True
        ),
        *Article.objects.filter(updated_at__gte=since).values_list("pk", flat=True),
    } - {None}


def _out_of_step() -> set[int]:
    """Articles whose poll total or thread version differs from what their rows were made of."""
    states = {
        row["article_id"]: (row["votes"], row["thread_version"])
        for row in ArticleRollupState.objects.values("article_id", "votes", "thread_version")
    }
    current = _signatures(None)
    return {
        article_id
        for article_id, signature in current.items()
        if states.get(article_id) != signature
    } | (set(states) - set(current))


def _signatures(article_ids: list[int] | None) -> dict[int, tuple[int, int]]:
    """Article → (votes in its poll, its thread's version): what marks a change without a time."""
    polls = Poll.objects.filter(article__isnull=False)
    threads = Thread.objects.filter(article__isnull=False)
    if article_ids is not None:
        polls = polls.filter(article_id__in=article_ids)
        threads = threads.filter(article_id__in=article_ids)
    votes = dict(
        polls.values("article_id")
        .annotate(n=Sum("tallies__count"))
        .order_by()
        .values_list("article_id", "n")
    )
    versions = dict(
        threads.values("article_id")
        .annotate(v=Sum("version"))
        .order_by()
        .values_list("article_id", "v")
    )
    return {
        article_id: (votes.get(article_id) or 0, versions.get(article_id) or 0)
        for article_id in {*votes, *versions}
    }


def _rebuild(article_ids: list[int], started: datetime) -> set[date]:
    """Replace the rows of `article_ids`; the days whose rows changed (before or after)."""
    with transaction.atomic():
        # Read inside the transaction that writes, so the state matches the rows.
        signatures = _signatures(article_ids)
        stats, clauses = rollups.recompute(article_ids)
        old = DailyArticleStats.objects.filter(article_id__in=article_ids)
        days = set(old.values_list("day", flat=True).distinct()) | {row.day for row in stats}
        old.delete()
        DailyClauseCount.objects.filter(article_id__in=article_ids).delete()
        ArticleTotals.objects.filter(article_id__in=article_ids).delete()
        ArticleRollupState.objects.filter(article_id__in=article_ids).delete()
        DailyArticleStats.objects.bulk_create(stats, batch_size=1000)
        DailyClauseCount.objects.bulk_create(clauses, batch_size=1000)
        ArticleTotals.objects.bulk_create(rollups.totals(stats), batch_size=1000)
        ArticleRollupState.objects.bulk_create(
            [
                ArticleRollupState(
                    article_id=article_id, votes=votes, thread_version=version, refreshed_at=started
                )
                for article_id, (votes, version) in signatures.items()
            ],
            batch_size=1000,
        )
    return days


def _rebuild_edition_days(days: set[date]) -> None:
    """Each edition's totals of `days`, summed again from the articles' daily rows."""
    for chosen in _chunks(sorted(days)):
        with transaction.atomic():
            DailyEditionTotals.objects.filter(day__in=chosen).delete()
            DailyEditionTotals.objects.bulk_create(
                [
                    DailyEditionTotals(**row)
                    for row in DailyArticleStats.objects.filter(day__in=chosen)
                    .values("language", "day")
                    .annotate(
                        votes=Sum("votes"),
                        votes_yes=Sum("votes_yes"),
                        votes_no=Sum("votes_no"),
                        comments=Sum("comments"),
                    )
                    .order_by()
                ],
                batch_size=1000,
            )


def subscribe_to_digest(*, user: User, language: str, edition: str = "") -> DigestSubscription:
    """Ask for the weekly digest (again): one subscription per editor, in `language`."""
    with transaction.atomic():
        subscription, _created = DigestSubscription.objects.update_or_create(
            user=user,
            defaults={"language": language, "edition": edition, "unsubscribed_at": None},
        )
    return subscription


def unsubscribe_from_digest(*, subscription_id: int) -> DigestSubscription | None:
    """Stop the weekly digest; None if the subscription no longer exists. Idempotent."""
    with transaction.atomic():
        subscription = (
            DigestSubscription.objects.select_for_update().filter(pk=subscription_id).first()
        )
        if subscription is None:
            return None
        if subscription.unsubscribed_at is None:
            subscription.unsubscribed_at = clock.now()
            subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def mark_digest_sent(*, subscription_id: int, at: datetime) -> None:
    DigestSubscription.objects.filter(pk=subscription_id).update(last_sent_at=at)
