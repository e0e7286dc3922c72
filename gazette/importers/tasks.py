"""Background work of imports: an import an editor started, run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task

from gazette.importers import execution


@task()
def run_import(run_id: int) -> str:
    return execution.run_import(run_id=run_id)
