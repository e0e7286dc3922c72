"""Background work of the publishing side, run by `manage.py db_worker`."""

from __future__ import annotations

from django_tasks import task


@task()
def make_photo_renditions(photo_id: int) -> int:
    from gazette.articles import services  # noqa: PLC0415 - services enqueue this task

    return services.make_photo_renditions(photo_id=photo_id)
