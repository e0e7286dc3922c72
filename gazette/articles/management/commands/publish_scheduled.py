"""Flip scheduled articles whose publish time has passed to published (the scheduler runs it
every minute: gazette/core/scheduler.py)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import ngettext

from gazette.articles import services


class Command(BaseCommand):
    help = "Mark scheduled articles whose publish time has passed as published."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the articles that are due; change none."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.promote_due_articles(dry_run=options["dry_run"])
        if options["dry_run"]:
            message = ngettext(
                "%(count)d scheduled article is due.",
                "%(count)d scheduled articles are due.",
                count,
            ) % {"count": count}
        else:
            message = ngettext(
                "%(count)d scheduled article published.",
                "%(count)d scheduled articles published.",
                count,
            ) % {"count": count}
        self.stdout.write(message)
