"""`manage.py export_profanity_model`: write the English offensive-language model as plain
numbers before the first comment needs it (otherwise the first screening does it, once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.moderation.screening import profanity


class Command(BaseCommand):
    help = "Export alt-profanity-check's model to var/ so that web workers never load scikit-learn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Say whether it would be written; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = profanity.export_path()
        if path.exists():
            self.stdout.write(f"{path} exists already.")
            return
        if options["dry_run"]:
            self.stdout.write(f"Would write {path}.")
            return
        profanity.export_model(path)
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}."))
