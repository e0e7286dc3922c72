"""`manage.py verify_audit_log`: check the audit log's hash chain and its database guards.

Exits with status 1 and names the first entry that does not verify, or says that the triggers
refusing changes are missing. On success it prints the newest entry's hash: kept outside the
database (the operator's log, the monthly report), it shows later that nobody rewrote the
chain from an older entry onwards.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from gazette.moderation.audit_chain import verify_chain
from gazette.moderation.audit_guards import guards_installed


class Command(BaseCommand):
    help = "Check that no audit log entry was changed or removed since it was written."

    def handle(self, *args: Any, **options: Any) -> None:
        check = verify_chain()
        if not check.is_intact:
            raise CommandError(
                f"Audit log entry {check.broken_at} does not verify ({check.reason} was "
                f"changed); {check.checked} entries before it are intact."
            )
        if not guards_installed(connection):
            raise CommandError(
                f"The {check.checked} entries verify, but the database triggers that refuse "
                "changes to the audit log are missing: run `manage.py migrate` to restore them."
            )
        self.stdout.write(
            self.style.SUCCESS(f"{check.checked} audit log entries verify. Head: {check.head}")
        )
