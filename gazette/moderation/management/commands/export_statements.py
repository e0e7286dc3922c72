"""`manage.py export_statements`: the statements of reasons of a range of days in the EU
Transparency Database's shape, as JSON Lines or as batch files ready to POST, or submitted to
the database (docs/moderation.md, "Statements of reasons for the Transparency Database").

    manage.py export_statements --since 2026-11-01 --until 2026-11-30 > november.jsonl
    manage.py export_statements --since 2026-11-01 --output exports/
    manage.py export_statements --submit            # every statement not yet submitted
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.core.progress import Progress
from gazette.moderation import tdb, tdb_enums
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.services.tdb_submission import (
    Submission,
    not_yet_submitted,
    require_submission_configured,
    submit_statements,
)
from gazette.moderation.tdb_export import Period, chunked, count_statements, statements


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _batch_size(value: str) -> int:
    size = int(value) if value.isdigit() else 0
    if not 1 <= size <= tdb_enums.BATCH_LIMIT:
        raise argparse.ArgumentTypeError(
            f"a batch holds 1 to {tdb_enums.BATCH_LIMIT} statements (the database's limit)"
        )
    return size


class Command(BaseCommand):
    help = (
        "Export the statements of reasons (removals, holds, suspensions and bans) in the EU "
        "Transparency Database's shape, with no personal data: as JSON Lines, as batch files "
        "ready to POST, or submitted to GAZETTE_TDB_URL with GAZETTE_TDB_TOKEN."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--since", type=_day, help="First day (YYYY-MM-DD, site time zone) to include."
        )
        parser.add_argument("--until", type=_day, help="Last day (YYYY-MM-DD) to include.")
        parser.add_argument(
            "--batch-size",
            type=_batch_size,
            default=tdb_enums.BATCH_LIMIT,
            help=f"Statements per batch file or request (at most {tdb_enums.BATCH_LIMIT}).",
        )
        where = parser.add_mutually_exclusive_group()
        where.add_argument(
            "--output",
            default="-",
            help="'-' (the default) writes JSON Lines to standard output; a directory gets "
            'one file per batch, {"statements": [...]}, ready to POST.',
        )
        where.add_argument(
            "--submit",
            action="store_true",
            help="Submit the statements not submitted before to the Transparency Database "
            "(off unless GAZETTE_TDB_URL and GAZETTE_TDB_TOKEN are set).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count and check the statements, but write, send and record nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        period = Period(since=options["since"], until=options["until"])
        if period.since and period.until and period.since > period.until:
            raise CommandError("--since is after --until: no day is in that range.")
        progress = Progress(self.stderr, "Statements", total=count_statements(period))
        try:
            if options["submit"]:
                self._submit(period, options, progress)
            else:
                self._export(period, options, progress)
        except ModerationError as error:
            raise CommandError(error.message) from error
        finally:
            progress.done()

    def _export(self, period: Period, options: dict[str, Any], progress: Progress) -> None:
        refused: dict[str, str] = {}
        valid = _checked(statements(period), refused, progress)
        output, dry_run = options["output"], options["dry_run"]
        if output == "-":
            count = 0
            for count, statement in enumerate(valid, start=1):  # noqa: B007 - the total, after
                if not dry_run:
                    self.stdout.write(json.dumps(statement, ensure_ascii=False, sort_keys=True))
            where = "standard output"
        else:
            count, where = _write_batches(
                valid, Path(output), options["batch_size"], dry_run=dry_run
            )
        self._report_invalid(refused)
        verb = "Would write" if dry_run else "Wrote"
        self.stderr.write(f"{verb} {count} statement(s) to {where}; {len(refused)} invalid.")

    def _submit(self, period: Period, options: dict[str, Any], progress: Progress) -> None:
        require_submission_configured()
        if options["dry_run"]:
            submission = Submission()
            new = sum(1 for _statement in not_yet_submitted(statements(period), submission))
            self.stdout.write(
                f"Would submit {new} statement(s); {submission.already_sent} already submitted."
            )
            return
        submission = submit_statements(
            statements(period), batch_size=options["batch_size"], on_batch=progress.step
        )
        self._report_invalid(submission.refused)
        self.stdout.write(
            f"Submitted {submission.accepted} statement(s); "
            f"{submission.already_sent} already submitted; {len(submission.refused)} refused."
        )
        if submission.refused:
            raise CommandError(
                f"{len(submission.refused)} statement(s) were not accepted (listed above); "
                "they are not recorded and will be tried again on the next run."
            )

    def _report_invalid(self, refused: dict[str, str]) -> None:
        for puid, why in refused.items():
            self.stderr.write(f"{puid}: {why}")


def _checked(
    found: Iterable[dict[str, object]], refused: dict[str, str], progress: Progress
) -> Iterator[dict[str, object]]:
    """The statements that validate; the others go into `refused` with their problems."""
    for statement in found:
        progress.step()
        problems = tdb.validate(statement)
        if problems:
            refused[str(statement["puid"])] = "; ".join(problems)
        else:
            yield statement


def _write_batches(
    valid: Iterable[dict[str, object]], directory: Path, size: int, *, dry_run: bool
) -> tuple[int, str]:
    count = files = 0
    if not dry_run:
        directory.mkdir(parents=True, exist_ok=True)
    for files, batch in enumerate(chunked(valid, size), start=1):
        count += len(batch)
        if not dry_run:
            path = directory / f"statements-{files:04d}.json"
            path.write_text(
                json.dumps({"statements": batch}, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    return count, f"{files} batch file(s) in {directory}"
