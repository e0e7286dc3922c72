from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gazette.challenges.services import purge_challenges


class Command(BaseCommand):
    help = "Delete used challenges and rate-limit counters that have expired (run it hourly)."

    def handle(self, *args: Any, **options: Any) -> None:
        challenges, counters = purge_challenges()
        self.stdout.write(f"Deleted {challenges} used challenges and {counters} counters.")
