"""Writes of the challenges app: spending a solved challenge, and forgetting what has expired."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import DatabaseError, IntegrityError, transaction

from gazette.challenges import counters
from gazette.challenges.exceptions import ChallengeRejected, Reason
from gazette.challenges.models import UsedChallenge
from gazette.core import clock

logger = logging.getLogger(__name__)

# Kept a little past expiry, so that an app server whose clock runs behind still finds the
# record while it considers the challenge unexpired.
_CLOCK_SKEW_GRACE = timedelta(minutes=5)


def use_challenge(*, signature: str, expires_at: datetime) -> None:
    """Record a checked challenge as used, once and for all app server processes.

    Guarantees that of any number of concurrent or later uses of one signature exactly one
    succeeds: the database's unique constraint decides. Raises ChallengeRejected(REPLAYED) for
    every other use, and ChallengeRejected(UNAVAILABLE) when the database cannot say (the
    challenge is then refused, never accepted unrecorded).
    """
    try:
        with transaction.atomic():
            UsedChallenge.objects.create(signature=signature, expires_at=expires_at)
    except IntegrityError:
        raise ChallengeRejected(Reason.REPLAYED) from None
    except DatabaseError:
        logger.exception("Could not record a used challenge; refusing it")
        raise ChallengeRejected(Reason.UNAVAILABLE) from None


def purge_challenges() -> tuple[int, int]:
    """Delete used challenges that have expired (they are refused as expired anyway) and
    database counters whose window is over. Returns (challenges, counters) deleted."""
    cutoff = clock.now() - _CLOCK_SKEW_GRACE
    with transaction.atomic():
        challenges, _by_model = UsedChallenge.objects.filter(expires_at__lte=cutoff).delete()
        return challenges, counters.purge_expired()
