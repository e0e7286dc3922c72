from datetime import timedelta

from django.test import Client, TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from gazette.core import clock
from gazette.moderation import tasks
from tests.core.test_outages import UNREACHABLE_REDIS

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class HealthTests(TestCase):
    def test_a_healthy_server_says_ok_for_each_check_and_nothing_else(self) -> None:
        response = Client().get("/health/")
        assert response.status_code == 200
        assert response.json() == {
            "status": "ok",
            "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
        }
        assert "no-cache" in response["Cache-Control"]

    def test_the_shared_cache_down_takes_the_server_out_of_rotation(self) -> None:
        with override_settings(CACHES=UNREACHABLE_REDIS):
            response = Client().get("/health/")
        assert response.status_code == 503
        assert response.json()["checks"]["cache"] == "unavailable"
        assert response.json()["status"] == "down"

    @override_settings(TASKS=DATABASE_TASKS, GAZETTE_HEALTH_TASK_DELAY=600)
    def test_a_task_waiting_too_long_makes_the_server_degraded_but_serving(self) -> None:
        tasks.forget_recent_texts.enqueue()
        assert Client().get("/health/").json()["checks"]["tasks"] == "ok"
        DBTaskResult.objects.update(enqueued_at=clock.now() - timedelta(minutes=11))
        response = Client().get("/health/")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["checks"]["tasks"] == "behind"

    def test_only_reading_is_allowed(self) -> None:
        assert Client().post("/health/").status_code == 405
