"""Due process, the record: the Comment Policy as a public and machine-readable document, an
audit log nobody can alter unseen, and screening that can be replayed and is measured.

Each test carries the number of the point of the due-process standard it proves.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import TestCase
from django.urls import reverse

from gazette.moderation import audit_guards
from gazette.moderation.models import (
    AuditEntry,
    ModerationSettings,
    ScreeningHold,
    ScreeningTerm,
    TermListVersion,
)
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import audit
from tests.factories import ThreadFactory
from tests.moderation.factories import ScreeningTermFactory, StaffFactory, post, staff_in


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


class AuditLogAppendOnlyTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entry = audit.record(AuditEntry.Event.SCREENED, outcome="publish", automatic=True)

    def raw(self, sql, params=()):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    def test_point_32_a_direct_sql_update_of_the_log_fails(self):
        with pytest.raises(DatabaseError):
            self.raw(
                "UPDATE moderation_auditentry SET note = 'rewritten' WHERE id = %s", [self.entry.pk]
            )
        assert AuditEntry.objects.get(pk=self.entry.pk).note == ""

    def test_point_32_a_direct_sql_delete_from_the_log_fails(self):
        with pytest.raises(DatabaseError):
            self.raw("DELETE FROM moderation_auditentry WHERE id = %s", [self.entry.pk])
        assert AuditEntry.objects.filter(pk=self.entry.pk).exists()

    def test_point_32_every_entry_names_a_user_or_a_component(self):
        moderator = StaffFactory()
        by_person = audit.record(AuditEntry.Event.APPROVED, actor=moderator)
        by_reader = audit.record(AuditEntry.Event.REPORTED)
        assert (by_person.actor, by_person.actor_component, by_person.automatic) == (
            moderator,
            "",
            False,
        )
        # A reader's report is a person's act, not automation.
        assert (by_reader.actor_component, by_reader.automatic) == ("reader", False)
        assert self.entry.actor_component == "system"

    def test_point_32_screening_names_itself_with_its_term_list_version(self):
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        post(ThreadFactory(), "You blorfy, read the ruling.")
        version = TermListVersion.objects.get().version
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENED, outcome="hold")
        assert entry.actor_component == f"screening@{version}"
        assert entry.automatic


class AuditLogChainTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entries = [
            audit.record(AuditEntry.Event.SCREENED, outcome="publish", automatic=True),
            audit.record(AuditEntry.Event.REPORTED, note="first report"),
            audit.record(AuditEntry.Event.SCREENED, outcome="hold", automatic=True),
        ]

    def test_point_33_each_entry_carries_the_hash_of_the_one_before(self):
        first, second, third = self.entries
        assert first.previous_hash == ""
        assert second.previous_hash == first.entry_hash
        assert third.previous_hash == second.entry_hash
        assert len({entry.entry_hash for entry in self.entries}) == 3

    def test_point_33_verify_accepts_an_untouched_log(self):
        output = run("verify_audit_log")
        assert "3 audit log entries verify" in output
        assert self.entries[-1].entry_hash in output

    def test_point_33_verify_names_the_row_altered_through_sql(self):
        # What an operator with the schema owner's rights could do: remove the guard, alter.
        with connection.cursor() as cursor:
            for statement in audit_guards.remove_sql(connection.vendor):
                cursor.execute(statement)
            cursor.execute(
                "UPDATE moderation_auditentry SET note = 'no report' WHERE id = %s",
                [self.entries[1].pk],
            )
            for statement in audit_guards.install_sql(connection.vendor):
                cursor.execute(statement)
        with pytest.raises(CommandError, match=f"entry {self.entries[1].pk} does not verify"):
            run("verify_audit_log")

    def test_point_33_verify_says_when_the_guards_were_removed(self):
        with connection.cursor() as cursor:
            for statement in audit_guards.remove_sql(connection.vendor):
                cursor.execute(statement)
        with pytest.raises(CommandError, match="triggers"):
            run("verify_audit_log")


class ScreeningConfigurationAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.admin = StaffFactory(is_staff=True, is_superuser=True)

    def setUp(self) -> None:
        self.client.force_login(self.admin)

    def test_point_32_a_term_added_in_the_admin_is_an_audit_entry(self):
        data = {
            "phrase": "blorfy",
            "action": "suspect",
            "mode": "whole_word",
            "scope": "any",
            "clause_key": "attacks",
            "note": "",
            "is_active": "on",
        }
        response = self.client.post(reverse("admin:moderation_screeningterm_add"), data)
        assert response.status_code == 302
        assert ScreeningTerm.objects.filter(phrase="blorfy").exists()
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENING_CHANGED)
        assert (entry.actor, entry.outcome) == (self.admin, "added")
        assert "blorfy" in entry.note

    def test_point_32_a_threshold_changed_in_the_admin_is_an_audit_entry(self):
        ModerationSettings.load()
        url = reverse("admin:moderation_moderationsettings_change", args=[1])
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data["max_links"] = 5
        response = self.client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENING_CHANGED)
        assert entry.actor == self.admin
        assert "max_links: 2 → 5" in entry.note


class ReplayTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        post(ThreadFactory(), "You blorfy, read the ruling.")
        cls.hold = ScreeningHold.objects.get()

    def test_point_50_a_replay_gives_the_same_rule_ids_and_spans(self):
        output = run("replay_hold", str(self.hold.pk))
        assert output.count("term “blorfy” at 4-10 (hold)") == 2  # recorded, then replayed
        assert "Same rules and spans as recorded." in output

    def test_point_50_the_replay_uses_the_stored_version_not_todays(self):
        ScreeningTerm.objects.filter(phrase="blorfy").update(is_active=False)
        ScreeningTermFactory(phrase="ruling", action="suspect")
        output = run("replay_hold", str(self.hold.pk))
        assert "Same rules and spans as recorded." in output
        assert "ruling" not in output

    def test_point_50_a_version_no_longer_available_is_named(self):
        TermListVersion.objects.all().delete()
        version = self.hold.evidence["term_list"]
        with pytest.raises(CommandError, match=f"no longer available: term list {version}"):
            run("replay_hold", str(self.hold.pk))
