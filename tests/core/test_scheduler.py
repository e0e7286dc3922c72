import io
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase

from gazette.articles.models import Article
from gazette.core import clock
from gazette.core.scheduler import Job, Scheduler
from tests.factories import ArticleFactory


class SchedulerTests(TestCase):
    def test_each_job_runs_at_its_own_interval(self) -> None:
        now = [0.0]
        runs: list[str] = []
        scheduler = Scheduler(
            jobs=(
                Job("often", 60, lambda: runs.append("often")),
                Job("hourly", 3600, lambda: runs.append("hourly")),
            ),
            clock=lambda: now[0],
        )
        assert scheduler.run_due() == ["often", "hourly"]
        now[0] = 59
        assert scheduler.run_due() == []
        assert scheduler.seconds_to_next() == 1
        now[0] = 60
        assert scheduler.run_due() == ["often"]
        now[0] = 3600
        assert scheduler.run_due() == ["often", "hourly"]

    def test_a_failing_job_is_logged_and_does_not_stop_the_others(self) -> None:
        def broken() -> None:
            raise RuntimeError("disk full")

        runs: list[str] = []
        scheduler = Scheduler(
            jobs=(Job("broken", 60, broken), Job("next", 60, lambda: runs.append("x")))
        )
        with self.assertLogs("gazette.core.scheduler", "ERROR") as logs:
            assert scheduler.run_due() == ["broken", "next"]
        assert runs == ["x"]
        assert "broken failed" in logs.output[0]

    def test_run_scheduler_once_marks_due_scheduled_articles_published(self) -> None:
        article = ArticleFactory(
            status=Article.Status.SCHEDULED, published_at=clock.now() - timedelta(minutes=1)
        )
        out = io.StringIO()
        call_command("run_scheduler", "--once", stdout=out)
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED
        assert "publish_scheduled" in out.getvalue()
