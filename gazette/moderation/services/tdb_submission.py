"""Submitting statements of reasons to the EU Transparency Database (off unless configured).

Each statement is checked against the database's rules first (tdb.validate): one that fails is
reported and never sent. Batches of at most tdb_enums.BATCH_LIMIT go to the batch endpoint;
what the database accepted is recorded (`SubmittedStatement`, one transaction per batch) so
that a second run sends only what is new. A statement the database refuses is reported with its
message and stays unrecorded; the rest of its batch is sent again without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from gazette.core import clock
from gazette.moderation import tdb, tdb_client, tdb_enums
from gazette.moderation.conf import TransparencyDatabaseSettings, tdb_settings
from gazette.moderation.exceptions import TransparencyDatabaseNotConfigured
from gazette.moderation.models import SubmittedStatement
from gazette.moderation.tdb_export import chunked

Statement = dict[str, object]


@dataclass
class Submission:
    """What a run did: how many statements were new, accepted and already sent before, and
    puid → why for each one that was not accepted (invalid here, or refused there)."""

    accepted: int = 0
    already_sent: int = 0
    refused: dict[str, str] = field(default_factory=dict)


def require_submission_configured() -> TransparencyDatabaseSettings:
    """The settings, or TransparencyDatabaseNotConfigured when submission is off."""
    conf = tdb_settings()
    if not conf.url or not conf.token:
        raise TransparencyDatabaseNotConfigured
    return conf


def not_yet_submitted(
    statements: Iterable[Statement], submission: Submission
) -> Iterator[Statement]:
    """The statements the database has not accepted yet (counting the others in `submission`)."""
    for chunk in chunked(statements, 500):
        sent = set(
            SubmittedStatement.objects.filter(puid__in=[s["puid"] for s in chunk]).values_list(
                "puid", flat=True
            )
        )
        submission.already_sent += len(sent)
        yield from (s for s in chunk if s["puid"] not in sent)


def submit_statements(
    statements: Iterable[Statement],
    *,
    batch_size: int = tdb_enums.BATCH_LIMIT,
    on_batch: Callable[[int], None] = lambda count: None,
) -> Submission:
    """Send every statement not sent before, `batch_size` at a time; `on_batch` hears how many
    each batch held. Raises TransparencyDatabaseNotConfigured before reading anything when
    submission is off, and TransparencyDatabaseRefused or TransparencyDatabaseUnavailable
    (what was accepted before stays recorded)."""
    conf = require_submission_configured()
    submission = Submission()
    size = max(1, min(batch_size, tdb_enums.BATCH_LIMIT))
    for batch in chunked(not_yet_submitted(statements, submission), size):
        valid = []
        for statement in batch:
            problems = tdb.validate(statement)
            if problems:
                submission.refused[str(statement["puid"])] = "; ".join(problems)
            else:
                valid.append(statement)
        _send(valid, conf=conf, submission=submission)
        on_batch(len(batch))
    return submission


def _send(
    batch: list[Statement],
    *,
    conf: TransparencyDatabaseSettings,
    submission: Submission,
) -> None:
    """Send until the database took or refused each one: a 422 creates none of the batch, so
    what it did not refuse goes again."""
    while batch:
        answer = tdb_client.post_batch(batch, conf=conf)
        _record(answer.accepted)
        submission.accepted += len(answer.accepted)
        for index, message in answer.refused.items():
            submission.refused[str(batch[index]["puid"])] = message
        batch = [
            statement
            for index, statement in enumerate(batch)
            if index not in answer.refused and statement["puid"] not in answer.accepted
        ]


def _record(accepted: dict[str, str]) -> None:
    now = clock.now()
    with transaction.atomic():
        SubmittedStatement.objects.bulk_create(
            [
                SubmittedStatement(puid=puid, uuid=uuid, submitted_at=now)
                for puid, uuid in accepted.items()
            ],
            ignore_conflicts=True,
        )
