"""Exporting every comment of the site, as JSON Lines (our own format, docs/export-format.md)
or as WordPress's WXR, for the command and the editors' download alike.

Each export is written to the audit log before its first line is sent: who asked (an editor,
or the command), the format, and whether it holds readers' personal data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from gazette.accounts.models import User
from gazette.importers.export_jsonl import jsonl_lines
from gazette.importers.export_records import ExportOptions
from gazette.importers.export_wxr import wxr_chunks
from gazette.moderation.models import AuditEntry
from gazette.moderation.services import audit

COMMAND = "export_comments"
EXPORT_PERMISSION = "importers.export_comments"
PERSONAL_DATA_PERMISSION = "importers.export_personal_data"
WITH_PERSONAL_DATA = "with_personal_data"
WITHOUT_PERSONAL_DATA = "without_personal_data"


class ExportFormat(TextChoices):
    JSONL = "jsonl", _("Gazette export (JSON Lines)")
    WXR = "wxr", _("WordPress export (WXR)")


@dataclass(frozen=True)
class Download:
    content_type: str
    filename: str


DOWNLOADS = {
    ExportFormat.JSONL: Download("application/jsonl; charset=utf-8", "gazette-comments.jsonl"),
    ExportFormat.WXR: Download("application/rss+xml; charset=utf-8", "gazette-comments.xml"),
}


def may_export(user: User, *, personal_data: bool) -> bool:
    """Editors may download the comments; only those trusted with readers' data may download
    them with it."""
    needed = PERSONAL_DATA_PERMISSION if personal_data else EXPORT_PERMISSION
    return user.is_active and user.has_perm(needed)


def export_comments(
    *, export_format: str, options: ExportOptions, actor: User | None = None
) -> Iterator[str]:
    """Record the export in the audit log, then return its text piece by piece. `actor` is the
    editor downloading it; None for the command, whose user is the server's operator. Raises
    PermissionDenied when the editor may not download this export."""
    if actor is not None and not may_export(actor, personal_data=options.personal_data):
        raise PermissionDenied
    with transaction.atomic():
        audit.record(
            AuditEntry.Event.COMMENTS_EXPORTED,
            actor=actor,
            automatic=False,
            component=COMMAND,
            outcome=WITH_PERSONAL_DATA if options.personal_data else WITHOUT_PERSONAL_DATA,
            note=f"{export_format} {options.site or '*'}",
        )
    if export_format == ExportFormat.WXR:
        return wxr_chunks(options)
    return jsonl_lines(options)
