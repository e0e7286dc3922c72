"""Imports started from the admin: queued when the upload is saved, then run in the
background (execution.py)."""

from __future__ import annotations

from django.db import transaction

from gazette.accounts.models import User
from gazette.importers import tasks
from gazette.importers.models import ImportRun

Status = ImportRun.Status


def start_import(*, run: ImportRun, editor: User) -> ImportRun:
    """Save the uploaded run and queue it once saved; returns it, waiting to start."""
    with transaction.atomic():
        run.started_by = editor
        run.status = Status.QUEUED
        run.save()
        run_id = run.pk
        transaction.on_commit(lambda: tasks.run_import.enqueue(run_id))
    return run


def restart_import(*, run: ImportRun) -> None:
    """Queue a run again (its worker stopped, or it failed): what the earlier attempt imported
    stays, the rest is added. A finished run has no file left to run."""
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(status=Status.QUEUED, error="")
        run_id = run.pk
        transaction.on_commit(lambda: tasks.run_import.enqueue(run_id))
