"""`manage.py load_comment_policy`: give a new install its first Comment Policy.

Idempotent: when any version exists already, nothing is changed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.moderation.models import PolicyVersion
from gazette.moderation.services.default_policy import load_default_policy


class Command(BaseCommand):
    help = "Create and publish version 1 of the Comment Policy unless the site already has one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say whether it would be published; change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            exists = PolicyVersion.objects.exists()
            self.stdout.write(
                "The Comment Policy exists already; nothing would change."
                if exists
                else "Would publish Comment Policy version 1."
            )
            return
        version = load_default_policy()
        if version is None:
            self.stdout.write("The Comment Policy exists already; nothing changed.")
            return
        clauses = version.clauses.count()
        self.stdout.write(
            self.style.SUCCESS(f"Published Comment Policy version 1 with {clauses} clauses.")
        )
