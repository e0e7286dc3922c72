"""Background work of the comments app: e-mail, run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task

from gazette.comments import notifications


@task()
def send_subscription_confirmation(subscription_id: int) -> bool:
    return notifications.send_confirmation(subscription_id)


@task()
def send_reply_notification(comment_id: int) -> bool:
    return notifications.send_reply_notice(comment_id)
