"""`manage.py minimise_evidence`: blank the comment text decisions kept as evidence once the
appeal window is over (run it daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gazette.moderation.services.evidence import minimise_expired_evidence


class Command(BaseCommand):
    help = "Minimise the evidence kept by decisions older than the appeal window."

    def handle(self, *args: Any, **options: Any) -> None:
        count = minimise_expired_evidence()
        self.stdout.write(f"Minimised the evidence of {count} decision(s).")
