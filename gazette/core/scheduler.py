"""Periodic jobs, run by one long-lived process (`manage.py run_scheduler`) beside the task
worker: the same on one machine (`make run`) and in production (deploy/systemd/).

Why a process of our own rather than cron or systemd timers: `make run` needs the jobs too, with
no system configuration, and one process per site is simpler to deploy and watch than a timer
per job. Each job is idempotent and safe to run from several machines at once, so a second
scheduler by mistake does no harm. A job that fails is logged and tried again at its next turn;
it never stops the others.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: int
    run: Callable[[], object]


def _command(name: str) -> Callable[[], object]:
    return lambda: call_command(name, verbosity=0)


JOBS: tuple[Job, ...] = (
    # The editors' status column: scheduled articles whose time has come (readers see them
    # already: ArticleQuerySet.published).
    Job("publish_scheduled", 60, _command("publish_scheduled")),
    # Used challenges and database rate-limit counters past their windows.
    Job("purge_challenges", 3600, _command("purge_challenges")),
    # Address hashes and other abuse-handling data past GAZETTE_ABUSE_DATA_RETENTION_DAYS.
    Job("purge_abuse_data", 3600, _command("purge_abuse_data")),
    # The newsroom dashboard's daily rollups, for the articles that changed: the dashboard says
    # its figures are "as of" the last run, so this interval is their freshness bound.
    Job("refresh_newsroom_figures", 300, _command("refresh_newsroom_figures")),
    # Live events older than GAZETTE_LIVE_KEEP_HOURS: streams resume from no further back.
    Job("purge_live_events", 600, _command("purge_live_events")),
    # Editors' weekly digests whose week has come (each queued once, sent by the task worker).
    Job("send_newsroom_digests", 3600, _command("send_newsroom_digests")),
)


@dataclass
class Scheduler:
    jobs: tuple[Job, ...] = JOBS
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._next: dict[str, float] = {job.name: 0.0 for job in self.jobs}

    def run_due(self) -> list[str]:
        """Run every job whose turn has come; the names of those that ran."""
        ran = []
        for job in self.jobs:
            now = self.clock()
            if now < self._next[job.name]:
                continue
            self._next[job.name] = now + job.every_seconds
            try:
                job.run()
            except Exception:
                logger.exception("Periodic job %s failed; it runs again at its next turn", job.name)
            ran.append(job.name)
        return ran

    def seconds_to_next(self) -> float:
        return max(0.0, min(self._next.values()) - self.clock())
