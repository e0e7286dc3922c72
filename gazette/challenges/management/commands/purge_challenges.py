from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.challenges.services import purge_challenges


class Command(BaseCommand):
    help = "Delete used challenges and rate-limit counters that have expired (run it hourly)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        challenges, counters = purge_challenges(dry_run=options["dry_run"])
        verb = "Would delete" if options["dry_run"] else "Deleted"
        self.stdout.write(f"{verb} {challenges} used challenges and {counters} counters.")
