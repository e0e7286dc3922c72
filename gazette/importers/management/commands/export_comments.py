"""Export every thread, comment, poll tally, Comment Policy version and moderation decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.importers.export_records import ExportOptions
from gazette.importers.exports import ExportFormat, export_comments
from gazette.sites.models import Site


class Command(BaseCommand):
    help = (
        "Export the site's comments as JSON Lines (docs/export-format.md) or as a WordPress "
        "export (WXR). Readers' personal data is left out unless asked for."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", default=ExportFormat.JSONL, choices=ExportFormat.values)
        parser.add_argument(
            "--output", type=Path, help="The file to write (default: standard output)."
        )
        parser.add_argument(
            "--include-personal-data",
            action="store_true",
            help="Include e-mail addresses, address hashes, reader keys, likes by reader and "
            "moderators' user names.",
        )
        parser.add_argument("--site", default="", help="Only the threads and polls of this site.")

    def handle(self, *args: Any, **options: Any) -> None:
        site = options["site"]
        if site and not Site.objects.filter(key=site).exists():
            raise CommandError(f"No site has the key {site!r}.")
        output: Path | None = options["output"]
        if output is not None and not output.parent.is_dir():
            raise CommandError(f"No such folder: {output.parent}")
        pieces = export_comments(
            export_format=options["format"],
            options=ExportOptions(personal_data=options["include_personal_data"], site=site),
        )
        if output is None:
            for piece in pieces:
                self.stdout.write(piece, ending="")
            return
        # Written beside the target and moved in place, so a failed export leaves no half file.
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as file:
                file.writelines(pieces)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(output)
        self.stderr.write(f"Exported to {output}")
