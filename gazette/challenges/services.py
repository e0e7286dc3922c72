"""Writes of the challenges app: admitting a protected form (spending its solved challenge and
counting it, in one transaction), and forgetting what has expired."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import DatabaseError, connection, transaction

from gazette.challenges import counters
from gazette.challenges.exceptions import ChallengeRejected, Reason
from gazette.challenges.models import UsedChallenge
from gazette.core import clock

logger = logging.getLogger(__name__)

# Kept a little past expiry, so that an app server whose clock runs behind still finds the
# record while it considers the challenge unexpired.
_CLOCK_SKEW_GRACE = timedelta(minutes=5)


@dataclass(frozen=True)
class Spend:
    """A checked challenge to record as used."""

    signature: str
    expires_at: datetime


@dataclass(frozen=True)
class Admission:
    """What admitting a form did: whether its challenge had been used before, and the new
    counts (None when the counter store could not count; callers fail closed)."""

    replayed: bool
    counts: dict[str, int] | None


def use_challenge(*, signature: str, expires_at: datetime) -> None:
    """Record a checked challenge as used, once and for all app server processes.

    Guarantees that of any number of concurrent or later uses of one signature exactly one
    succeeds: the database's unique constraint decides. Raises ChallengeRejected(REPLAYED) for
    every other use, and ChallengeRejected(UNAVAILABLE) when the database cannot say (the
    challenge is then refused, never accepted unrecorded).
    """
    if admit_form(spend=Spend(signature, expires_at), counts={}, counts_if_replayed={}).replayed:
        raise ChallengeRejected(Reason.REPLAYED)


def admit_form(
    *,
    spend: Spend | None,
    counts: Mapping[str, int],
    counts_if_replayed: Mapping[str, int],
) -> Admission:
    """Spend a form's challenge (if it brought one) and count `counts` (key → time to live),
    or `counts_if_replayed` when the challenge had been used before, in one short transaction
    of two statements; with Redis the counts go in one pipeline after it.

    Single use holds as in use_challenge(). Raises ChallengeRejected(UNAVAILABLE) when the
    database cannot record the challenge (nothing is then spent or counted). Without a
    challenge, a store that cannot count gives Admission(counts=None).
    """
    in_database = counters.in_database()
    if spend is None:
        return Admission(replayed=False, counts=_counted(counts))
    try:
        with transaction.atomic():
            replayed = not _record_use(spend)
            chosen = counts_if_replayed if replayed else counts
            counted = counters.increment_many(chosen) if in_database else None
    except (DatabaseError, counters.CounterStoreUnavailable):
        logger.exception("Could not record a used challenge; refusing it")
        raise ChallengeRejected(Reason.UNAVAILABLE) from None
    if not in_database:
        counted = _counted(chosen)
    return Admission(replayed=replayed, counts=counted)


def _counted(counts: Mapping[str, int]) -> dict[str, int] | None:
    try:
        return counters.increment_many(counts)
    except counters.CounterStoreUnavailable:
        return None


def _record_use(spend: Spend) -> bool:
    """Insert the used challenge unless its signature is there already; True if inserted.
    ON CONFLICT DO NOTHING needs no savepoint: a concurrent insert of the same signature waits
    for the first to commit (or roll back) and then inserts nothing (or its own row)."""
    ops = connection.ops
    table = ops.quote_name(UsedChallenge._meta.db_table)
    columns = ", ".join(ops.quote_name(c) for c in ("signature", "expires_at", "used_at"))
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s) "  # noqa: S608 - names from our model, values as parameters
        f"ON CONFLICT ({ops.quote_name('signature')}) DO NOTHING RETURNING {ops.quote_name('id')}"
    )
    params = [
        spend.signature,
        ops.adapt_datetimefield_value(spend.expires_at),
        ops.adapt_datetimefield_value(clock.now()),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def purge_challenges(*, dry_run: bool = False) -> tuple[int, int]:
    """Delete used challenges that have expired (they are refused as expired anyway) and
    database counters whose window is over. Returns (challenges, counters) deleted, or with
    `dry_run` how many would be."""
    cutoff = clock.now() - _CLOCK_SKEW_GRACE
    expired = UsedChallenge.objects.filter(expires_at__lte=cutoff)
    if dry_run:
        return expired.count(), counters.purge_expired(dry_run=True)
    with transaction.atomic():
        challenges, _by_model = expired.delete()
        return challenges, counters.purge_expired()
