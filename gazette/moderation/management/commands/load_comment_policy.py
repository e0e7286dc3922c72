"""`manage.py load_comment_policy`: give a new install its first Comment Policy.

Idempotent: when any version exists already, nothing is changed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gazette.moderation.services.default_policy import load_default_policy


class Command(BaseCommand):
    help = "Create and publish version 1 of the Comment Policy unless the site already has one."

    def handle(self, *args: Any, **options: Any) -> None:
        version = load_default_policy()
        if version is None:
            self.stdout.write("The Comment Policy exists already; nothing changed.")
            return
        clauses = version.clauses.count()
        self.stdout.write(
            self.style.SUCCESS(f"Published Comment Policy version 1 with {clauses} clauses.")
        )
