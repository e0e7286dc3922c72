"""Import the comments of a Disqus export, a WordPress export or an Isso database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.articles.models import Section
from gazette.core.progress import Progress
from gazette.importers.exceptions import ImportRefused
from gazette.importers.models import Format
from gazette.importers.report import summary
from gazette.importers.services import DEFAULT_BATCH_SIZE, ImportOptions, import_comments


class Command(BaseCommand):
    help = (
        "Import comments from a Disqus XML export, a WordPress export (WXR) or an Isso "
        "database. Running it again imports only what is new."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", required=True, choices=Format.values)
        parser.add_argument(
            "--section",
            help="Slug of the section WordPress posts become articles in (else they are "
            "matched only, and unmatched pages get threads of their own).",
        )
        parser.add_argument("--site-url", default="", help="The address Isso's page paths are on.")
        parser.add_argument(
            "--source",
            default="",
            help="What the source's IDs are unique within (default: the format); give each "
            "WordPress site a name of its own.",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read the file and report what would be imported; write nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        section = None
        if options["section"]:
            section = Section.objects.filter(slug=options["section"]).first()
            if section is None:
                raise CommandError(f"No section has the slug {options['section']!r}.")
        settings = ImportOptions(
            format=options["format"],
            source=options["source"],
            section=section,
            site_url=options["site_url"],
            batch_size=options["batch_size"],
            dry_run=options["dry_run"],
        )
        progress = Progress(self.stderr, "Comments")
        try:
            report = import_comments(path=path, options=settings, progress=progress)
        except ImportRefused as exc:
            raise CommandError(exc.message) from exc
        if settings.dry_run:
            self.stdout.write("Dry run, nothing kept.")
        for line in summary(report):
            self.stdout.write(line)
