"""Where uploaded exports wait for their import: a folder beside the media folder, which the web
server never serves, because an export holds readers' e-mail and IP addresses. The worker that
runs the import must see it (one server, or a shared folder)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="gazette.importers.storage.ExportStorage")
class ExportStorage(FileSystemStorage):
    # Read at each use, not kept, so that a changed MEDIA_ROOT moves it too.
    @property
    def base_location(self) -> str:
        return str(Path(settings.MEDIA_ROOT).parent / "imports")

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())
