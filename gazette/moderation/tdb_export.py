"""Which decisions and sanctions are statements for the Transparency Database, in a range of
days, and their statements (tdb.py) in the order they applied. Reads only.

The rows are read in chunks, each with one query for the reports on its comments: whether a
reader claimed illegality (the statement's source) and who reported (names the free text must
not carry).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.moderation import policy, tdb
from gazette.moderation.models import Clause, Decision, Notice, Report, Sanction

CHUNK = 200
T = TypeVar("T")


@dataclass(frozen=True)
class Period:
    """Days in the site's time zone, both ends included; an open end is unbounded."""

    since: date | None = None
    until: date | None = None

    def q(self, field: str) -> Q:
        found = Q()
        if self.since is not None:
            found &= Q(**{f"{field}__gte": _midnight(self.since)})
        if self.until is not None:
            found &= Q(**{f"{field}__lt": _midnight(self.until + timedelta(days=1))})
        return found


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def statement_decisions(period: Period) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(period.q("created_at"), action__in=policy.RESTRICTIVE)
        .select_related("comment__user", "clause__version", "authority_request", "actor")
        .order_by("created_at", "pk")
    )


def statement_sanctions(period: Period) -> QuerySet[Sanction]:
    return (
        Sanction.objects.filter(period.q("starts_at"), kind__in=tdb.PROVISION)
        .select_related("clause__version", "comment__user", "user", "decided_by")
        .order_by("starts_at", "pk")
    )


def statement_notices(period: Period) -> QuerySet[Notice]:
    """Screening's holds and refusals under a clause. Those citing none (a pre-moderated
    section, the human check's signals) judge no content against a rule, and are left out."""
    return (
        Notice.objects.filter(
            period.q("created_at"),
            kind__in=tdb.SCREENING_VISIBILITY,
            clause_number__isnull=False,
            policy_version__isnull=False,
        )
        .select_related("comment")
        .order_by("created_at", "pk")
    )


def count_statements(period: Period) -> int:
    return (
        statement_decisions(period).count()
        + statement_sanctions(period).count()
        + statement_notices(period).count()
    )


def statements(period: Period) -> Iterator[dict[str, object]]:
    """Every statement of the period, oldest first."""
    merged = heapq.merge(
        _of_decisions(period),
        _of_sanctions(period),
        _of_screening(period),
        key=lambda item: item[0],
    )
    for _order, statement in merged:
        yield statement


def json_lines(period: Period) -> Iterator[str]:
    """Every valid statement of the period as a line of JSON. One that fails `tdb.validate`
    (a clause carrying a keyword the database does not know) is left out: the command lists
    those with their problems."""
    for statement in statements(period):
        if not tdb.validate(statement):
            yield json.dumps(statement, ensure_ascii=False, sort_keys=True) + "\n"


Ordered = tuple[tuple[datetime, str], dict[str, object]]


def _of_decisions(period: Period) -> Iterator[Ordered]:
    for chunk in chunked(statement_decisions(period).iterator(chunk_size=CHUNK)):
        reports = _reports_on([decision.comment_id for decision in chunk])
        for decision in chunk:
            on_comment = [
                r
                for r in reports.get(decision.comment_id, [])
                if r.created_at <= decision.created_at
            ]
            known = tdb.Known(
                illegal_notice=any(r.ground == Report.Ground.ILLEGAL for r in on_comment),
                names=frozenset(
                    _names_of_comment(decision.comment)
                    | _names_of_user(decision.actor)
                    | {
                        name
                        for r in reports.get(decision.comment_id, [])
                        for name in _names_of_reporter(r)
                    }
                ),
            )
            yield (
                (decision.created_at, decision.public_id),
                tdb.statement_for(decision, known=known),
            )


def _of_sanctions(period: Period) -> Iterator[Ordered]:
    for chunk in chunked(statement_sanctions(period).iterator(chunk_size=CHUNK)):
        reports = _reports_on([s.comment_id for s in chunk if s.comment_id is not None])
        for sanction in chunk:
            names = _names_of_user(sanction.user) | _names_of_user(sanction.decided_by)
            names |= _local_part(sanction.email)
            if sanction.comment is not None:
                names |= _names_of_comment(sanction.comment)
                names |= {
                    n for r in reports.get(sanction.comment.pk, []) for n in _names_of_reporter(r)
                }
            known = tdb.Known(names=frozenset(names))
            yield (
                (sanction.starts_at, sanction.public_id),
                tdb.statement_for_sanction(sanction, known=known),
            )


def _of_screening(period: Period) -> Iterator[Ordered]:
    clauses: dict[tuple[int, int], Clause] | None = None
    for notice in statement_notices(period).iterator(chunk_size=CHUNK):
        if clauses is None:  # read once, and only when there is a notice to export
            clauses = {
                (c.version.number, c.number): c for c in Clause.objects.select_related("version")
            }
        cited = clauses.get((notice.policy_version or 0, notice.clause_number or 0))
        if cited is not None:
            yield (notice.created_at, notice.public_id), tdb.statement_for_screening(notice, cited)


def chunked(rows: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """`rows` in lists of `size` (the last one shorter)."""
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _reports_on(comment_ids: Sequence[int]) -> dict[int, list[Report]]:
    found: dict[int, list[Report]] = {}
    for report in Report.objects.filter(comment_id__in=set(comment_ids)).select_related("reporter"):
        found.setdefault(report.comment_id, []).append(report)
    return found


def _names_of_comment(comment: Comment) -> set[str]:
    return {
        comment.author_name,
        comment.in_reply_to_name,
        *_local_part(comment.email),
    } | _names_of_user(comment.user)


def _names_of_reporter(report: Report) -> set[str]:
    return {report.reporter_name, *_local_part(report.reporter_email)} | _names_of_user(
        report.reporter
    )


def _names_of_user(user: User | None) -> set[str]:
    if user is None:
        return set()
    return {
        user.username,
        user.display_name,
        user.first_name,
        user.last_name,
        user.get_full_name(),
        *_local_part(user.email),
    }


def _local_part(email: str) -> set[str]:
    """The part of an address before the @, which often is the person's name."""
    return {email.split("@", 1)[0]} if "@" in email else set()
