"""Background work of the sites app: sending webhooks, run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task

from gazette.sites import webhooks


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Send one delivery; when it fails, try again later, each wait longer than the last."""
    attempt = webhooks.attempt_delivery(delivery_id)
    if attempt.retry_at is not None:
        deliver_webhook.using(run_after=attempt.retry_at).enqueue(delivery_id)
    return attempt.status
