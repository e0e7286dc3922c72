"""Index every article for search again: after restoring a backup made without the search
tables, or after a release that changes how text is indexed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from gazette.articles import services
from gazette.articles.models import Article
from gazette.core.progress import Progress


class Command(BaseCommand):
    help = "Index every article for search again, in batches (search keeps answering meanwhile)."

    def handle(self, *args: Any, **options: Any) -> None:
        progress = Progress(self.stdout, "Articles", total=Article.objects.count())
        written = services.rebuild_search_index(on_batch=progress.step)
        progress.done()
        self.stdout.write(
            ngettext(
                "%(count)d search entry written.", "%(count)d search entries written.", written
            )
            % {"count": written}
        )
