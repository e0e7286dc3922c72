"""Make the renditions of photos that have none (photos uploaded before renditions existed, or
whose background task was lost)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import ngettext

from gazette.articles import services
from gazette.core.progress import Progress


class Command(BaseCommand):
    help = "Make the sized and modern-format copies of every photo that has none yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the photos without renditions; make none."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        waiting = services.photos_without_renditions()
        if options["dry_run"]:
            self.stdout.write(
                ngettext(
                    "%(count)d photo has no renditions.",
                    "%(count)d photos have no renditions.",
                    len(waiting),
                )
                % {"count": len(waiting)}
            )
            return
        files = 0
        progress = Progress(self.stdout, "Photos", total=len(waiting))
        for photo_id in waiting:
            files += services.make_photo_renditions(photo_id=photo_id)
            progress.step()
        progress.done()
        self.stdout.write(
            ngettext(
                "%(count)d photo: %(files)d renditions made.",
                "%(count)d photos: %(files)d renditions made.",
                len(waiting),
            )
            % {"count": len(waiting), "files": files}
        )
