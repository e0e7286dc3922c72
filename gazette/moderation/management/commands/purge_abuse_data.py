"""`manage.py purge_abuse_data`: blank the address hashes and human-check signals older than
GAZETTE_ABUSE_DATA_RETENTION_DAYS (run hourly by `manage.py run_scheduler`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.moderation.services.retention import purge_abuse_data


class Command(BaseCommand):
    help = (
        "Blank the address hashes and human-check signals of comments, likes and refused "
        "comments older than the retention period (GAZETTE_ABUSE_DATA_RETENTION_DAYS), and "
        "the address hashes of sanctions over for that long."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be blanked; change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        purge = purge_abuse_data(dry_run=options["dry_run"])
        verb = "Would blank" if options["dry_run"] else "Blanked"
        self.stdout.write(
            f"{verb} abuse-handling data older than {purge.cutoff:%Y-%m-%d %H:%M} in "
            f"{purge.comments_and_likes} comments and likes, {purge.refusals} refused comments "
            f"and {purge.sanctions} sanctions."
        )
