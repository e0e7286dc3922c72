"""Closing an account at its holder's request (accounts/personal_data.py)."""

from __future__ import annotations

from django.test import TestCase

from gazette.accounts.models import User
from gazette.accounts.personal_data import account_record, close_account
from gazette.moderation.models import AuditEntry
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import audit
from tests.factories import UserFactory
from tests.moderation.factories import staff_in


class CloseAccountTests(TestCase):
    def test_an_account_nothing_names_is_deleted(self) -> None:
        reader = UserFactory()
        assert close_account(reader) is True
        assert not User.objects.filter(pk=reader.pk).exists()

    def test_an_account_the_audit_log_names_becomes_a_former_account_without_roles(self) -> None:
        moderator = staff_in(MODERATOR, display_name="Moderator Mirabel")
        audit.record(AuditEntry.Event.APPROVED, actor=moderator)
        assert close_account(moderator) is False
        former = User.objects.get(pk=moderator.pk)
        assert (former.get_username(), former.email, former.display_name) == (
            f"former-{former.pk}",
            "",
            "",
        )
        assert (former.is_active, former.is_staff, former.groups.exists()) == (False, False, False)
        assert former.public_name == "Former reader"
        assert AuditEntry.objects.get(event=AuditEntry.Event.APPROVED).actor_id == former.pk

    def test_the_record_of_an_account_names_its_address_and_roles(self) -> None:
        moderator = staff_in(MODERATOR)
        record = account_record(moderator)
        assert record["email"] == moderator.email
        assert record["roles"] == [MODERATOR]
