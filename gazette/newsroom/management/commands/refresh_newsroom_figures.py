"""Bring the newsroom dashboard's daily rollups up to date (the scheduler runs it every few
minutes; `--full` rebuilds every article, e.g. after restoring a backup), then compute the
overviews editors open most, so that they answer from the cache."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from gazette.newsroom.queries import warm_overviews
from gazette.newsroom.services import refresh_figures


class Command(BaseCommand):
    help = "Refresh the newsroom dashboard's daily figures from the raw tables."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--full", action="store_true", help="Rebuild every article's rows.")

    def handle(self, *args: Any, **options: Any) -> None:
        run = refresh_figures(full=options["full"])
        warmed = warm_overviews(timezone.localdate())
        self.stdout.write(
            f"Refreshed the figures of {run.articles} articles; computed {warmed} overviews."
        )
