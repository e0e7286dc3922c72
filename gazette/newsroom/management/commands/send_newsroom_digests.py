"""Queue the weekly digest of every editor whose week has come (the scheduler runs it hourly)."""

from typing import Any

from django.core.management.base import BaseCommand

from gazette.newsroom.digest import enqueue_due_digests


class Command(BaseCommand):
    help = "Queue the newsroom's weekly digests that are due."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Queued {enqueue_due_digests()} digests.")
