from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.core.backups import BackupError, inspect_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Replace this site's database with a backup made by backup_site, and add its photos to "
        "MEDIA_ROOT. Stop the app servers and the task worker first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="A file written by backup_site.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and say what it holds; change nothing.",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation (for scripts).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if options["dry_run"]:
            try:
                manifest = inspect_backup(archive)
            except BackupError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(
                f"{archive} can be restored here: a {manifest['vendor']} database from "
                f"{manifest['created_at']}, photos {manifest['media']}. Nothing was changed."
            )
            return
        if not options["yes"]:
            answer = input("This replaces everything in this site's database. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup made at {manifest['created_at']} from {archive}.")
