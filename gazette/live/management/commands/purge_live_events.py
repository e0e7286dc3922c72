from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gazette.live.events import prune_events


class Command(BaseCommand):
    help = "Delete live events older than GAZETTE_LIVE_KEEP_HOURS (resumes reach no further)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune_events()
        if options["verbosity"] > 1:
            self.stdout.write(f"{deleted} live events deleted.")
