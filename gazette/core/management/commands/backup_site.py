from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (database and uploaded photos) to one .tar.gz file, consistently, "
        "on SQLite or PostgreSQL. Restore it with restore_site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="Where to write, e.g. gazette.tar.gz.")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        try:
            manifest = create_backup(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backed up the {manifest['vendor']} database and photos ({manifest['media']}) "
            f"to {archive} ({archive.stat().st_size:,} bytes)."
        )
