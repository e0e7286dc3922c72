from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.core.scheduler import JOBS, Scheduler


class Command(BaseCommand):
    help = (
        "Run Gazette's periodic jobs (" + ", ".join(job.name for job in JOBS) + ") at their "
        "intervals until stopped (SIGTERM or Ctrl-C). One per site; a second does no harm."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        scheduler = Scheduler()
        if options["once"]:
            ran = scheduler.run_due()
            self.stdout.write(f"Ran {', '.join(ran)}.")
            return
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopping.set())
        self.stdout.write("Periodic jobs are running.")
        try:
            while not stopping.is_set():
                scheduler.run_due()
                stopping.wait(min(scheduler.seconds_to_next(), 30.0))
        except KeyboardInterrupt:
            pass
