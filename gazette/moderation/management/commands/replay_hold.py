"""`manage.py replay_hold <id>`: assess a held comment's stored text again under the versions
of the rules that held it, and show that the reasons are the same.

Exits with status 1 when they differ, or when a version the hold needs (its term list, a
shipped model, the site classifier, the English model) is no longer available.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gazette.moderation.models import ScreeningHold
from gazette.moderation.screening.replay import Reason, replay_hold


def _line(reason: Reason) -> str:
    span = f" at {reason['start']}-{reason['end']}" if "start" in reason else ""
    term = f" “{reason['term']}”" if "term" in reason else ""
    return f"  {reason['rule']}{term}{span} ({reason['action']})"


class Command(BaseCommand):
    help = "Replay a screening hold against the screening version that made it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("hold_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        hold = ScreeningHold.objects.filter(pk=options["hold_id"]).first()
        if hold is None:
            raise CommandError(f"There is no screening hold {options['hold_id']}.")
        replay = replay_hold(hold)
        self.stdout.write(f"Hold {hold.pk} of comment {hold.comment_id}, recorded:")
        self.stdout.writelines(_line(reason) for reason in replay.recorded)
        for reason in replay.contextual:
            self.stdout.write(
                f"{_line(reason)}: depends on the comments of the moment, not replayed"
            )
        if replay.missing:
            raise CommandError(
                "Cannot replay: no longer available: " + ", ".join(replay.missing) + "."
            )
        self.stdout.write("Replayed:")
        self.stdout.writelines(_line(reason) for reason in replay.replayed)
        if not replay.is_same:
            raise CommandError("The replay differs from the recorded hold.")
        self.stdout.write(self.style.SUCCESS("Same rules and spans as recorded."))
