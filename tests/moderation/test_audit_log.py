import pytest
from django.test import TestCase
from django.urls import reverse

from gazette.moderation.models import AuditEntry, AuditLogIsAppendOnly
from gazette.moderation.services import audit
from tests.moderation.factories import StaffFactory


class AuditLogTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entry = audit.record(AuditEntry.Event.SCREENED, outcome="publish")
        cls.admin = StaffFactory(is_staff=True, is_superuser=True)

    def test_an_entry_cannot_be_changed(self):
        self.entry.note = "rewritten"
        with pytest.raises(AuditLogIsAppendOnly):
            self.entry.save()
        with pytest.raises(AuditLogIsAppendOnly):
            AuditEntry.objects.filter(pk=self.entry.pk).update(note="rewritten")
        assert AuditEntry.objects.get(pk=self.entry.pk).note == ""

    def test_an_entry_cannot_be_deleted(self):
        with pytest.raises(AuditLogIsAppendOnly):
            self.entry.delete()
        with pytest.raises(AuditLogIsAppendOnly):
            AuditEntry.objects.all().delete()
        assert AuditEntry.objects.filter(pk=self.entry.pk).exists()

    def test_even_a_superuser_cannot_add_change_or_delete_it_in_the_admin(self):
        self.client.force_login(self.admin)
        change = reverse("admin:moderation_auditentry_change", args=[self.entry.pk])
        delete = reverse("admin:moderation_auditentry_delete", args=[self.entry.pk])
        add = reverse("admin:moderation_auditentry_add")
        listing = self.client.get(reverse("admin:moderation_auditentry_changelist"))
        assert listing.status_code == 200
        self.assertNotContains(listing, 'name="action"')
        response = self.client.post(change, {"note": "rewritten", "event": "removed"})
        assert response.status_code == 403
        assert self.client.post(delete, {"post": "yes"}).status_code == 403
        assert self.client.get(add).status_code == 403
        entry = AuditEntry.objects.get(pk=self.entry.pk)
        assert (entry.note, entry.event) == ("", "screened")

    def test_the_admin_shows_an_entry_read_only(self):
        self.client.force_login(self.admin)
        change = reverse("admin:moderation_auditentry_change", args=[self.entry.pk])
        response = self.client.get(change)
        assert response.status_code == 200
        self.assertNotContains(response, 'type="submit" value="Save"')
