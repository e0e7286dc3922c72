"""What the poll holds about one reader, for their data request: their votes, and erasing the
link between a vote and the reader who cast it.

A vote names its reader only by `reader_key`. Erasure gives each vote a key of its own that
names nobody, so the tallies (and the one-vote-per-reader constraint) stay as they were.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection

from django.db import transaction

from gazette.reactions.models import Vote

# Keys of votes whose reader asked to be forgotten: never a reader's key (readers.py prefixes).
FORGOTTEN_PREFIX = "erased:"


def votes_of(reader_keys: Collection[str]) -> list[dict[str, object]]:
    """The reader's votes as plain values, oldest first: which page, which answer, when."""
    votes = (
        Vote.objects.filter(reader_key__in=list(reader_keys))
        .select_related("poll", "choice")
        .order_by("created_at", "pk")
    )
    return [
        {
            "page": vote.poll.key,
            "answer": vote.choice.code,
            "cast_at": vote.created_at.isoformat(),
            "changed_at": vote.updated_at.isoformat(),
        }
        for vote in votes
    ]


def forget_voter(reader_keys: Collection[str]) -> int:
    """Cut every vote of these readers loose from them; the tallies do not move. Returns how
    many votes were changed. Runs in the caller's transaction when there is one."""
    with transaction.atomic():
        votes = list(Vote.objects.filter(reader_key__in=list(reader_keys)).only("pk"))
        for vote in votes:
            vote.reader_key = FORGOTTEN_PREFIX + secrets.token_urlsafe(16)
        Vote.objects.bulk_update(votes, ["reader_key"], batch_size=500)
    return len(votes)
