"""Flip scheduled articles whose publish time has passed to published (run from cron or tasks)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from gazette.articles import services


class Command(BaseCommand):
    help = "Mark scheduled articles whose publish time has passed as published."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.promote_due_articles()
        message = ngettext(
            "%(count)d scheduled article published.",
            "%(count)d scheduled articles published.",
            count,
        ) % {"count": count}
        self.stdout.write(message)
