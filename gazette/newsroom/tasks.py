"""Background work of the newsroom dashboard: the weekly digest, run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task

from gazette.newsroom import digest


@task()
def send_weekly_digest(subscription_id: int) -> bool:
    return digest.send_digest(subscription_id)
