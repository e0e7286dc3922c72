"""Running an import an editor started, in the background: its progress and report are kept
on the run, for the admin's page of the run to show."""

from __future__ import annotations

import shutil
from pathlib import Path
from tempfile import TemporaryDirectory

from django.db import transaction
from django.utils.translation import gettext as _

from gazette.core import clock
from gazette.importers.exceptions import ImportRefused
from gazette.importers.models import ImportRun
from gazette.importers.report import Report
from gazette.importers.services import ImportOptions, import_comments

Status = ImportRun.Status


def _record(run_id: int, **values: object) -> None:
    with transaction.atomic():
        ImportRun.objects.filter(pk=run_id).update(**values)


def run_import(*, run_id: int) -> str:
    """Run the import and keep its progress and report on the run; returns the final status."""
    run = ImportRun.objects.select_related("section").get(pk=run_id)
    _record(run.pk, status=Status.RUNNING, started_at=clock.now(), finished_at=None)

    def progress(report: Report, done: int) -> None:
        _record(run.pk, total=report.comments_in_file, processed=done, report=report.as_dict())

    options = ImportOptions(format=run.format, section=run.section, site_url=run.site_url)
    try:
        with TemporaryDirectory(prefix="gazette-upload-") as folder:
            # The upload may be in object storage; the readers need a file of their own.
            path = Path(folder) / "upload"
            with run.file.open("rb") as upload, path.open("wb") as copy:
                shutil.copyfileobj(upload, copy)
            report = import_comments(path=path, options=options, on_batch=progress)
    except ImportRefused as exc:
        _record(run.pk, status=Status.FAILED, error=exc.message, finished_at=clock.now())
        return Status.FAILED
    except Exception:
        _record(
            run.pk,
            status=Status.FAILED,
            error=_("The import stopped on an unexpected error; run it again to go on."),
            finished_at=clock.now(),
        )
        raise
    _record(
        run.pk,
        status=Status.FINISHED,
        total=report.comments_in_file,
        processed=report.comments_in_file,
        report=report.as_dict(),
        finished_at=clock.now(),
        file="",
    )
    # The export holds readers' e-mail and IP addresses; once imported, it is not kept.
    run.file.delete(save=False)
    return Status.FINISHED
