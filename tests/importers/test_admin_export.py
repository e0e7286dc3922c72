import json

from django.contrib.auth.models import Group, Permission
from django.test import TestCase, override_settings
from django.urls import reverse

from gazette.accounts.models import User
from gazette.moderation.models import AuditEntry
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import UserFactory
from tests.importers.newsroom import build_newsroom

EXPORT = reverse("admin:importers_export_comments")
RUNS = reverse("admin:importers_importrun_changelist")


def editor(*extra_permissions):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    for codename in extra_permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return User.objects.get(pk=user.pk)


def downloaded(response):
    return b"".join(response.streaming_content).decode()


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class ExportDownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_newsroom()
        cls.editor = editor()
        cls.trusted = editor("export_personal_data")

    def test_an_editor_finds_the_download_on_the_imports_list(self):
        self.client.force_login(self.editor)
        assert EXPORT in self.client.get(RUNS).text

    def test_an_editor_downloads_every_comment_streamed_without_personal_data(self):
        self.client.force_login(self.editor)
        response = self.client.post(EXPORT, {"format": "jsonl"})
        assert response.status_code == 200
        assert response.streaming
        assert 'filename="gazette-comments.jsonl"' in response["Content-Disposition"]
        text = downloaded(response)
        assert json.loads(text.splitlines()[0])["personal_data"] is False
        assert "dana@example.org" not in text

    def test_an_editor_without_the_stronger_permission_is_refused_personal_data(self):
        self.client.force_login(self.editor)
        response = self.client.post(EXPORT, {"format": "jsonl", "personal_data": "on"})
        assert response.status_code == 400
        assert "ask an administrator for the permission" in response.text
        assert not AuditEntry.objects.filter(event="comments_exported").exists()

    def test_an_editor_trusted_with_readers_data_downloads_it_and_the_log_says_so(self):
        self.client.force_login(self.trusted)
        response = self.client.post(EXPORT, {"format": "wxr", "personal_data": "on"})
        assert "dana@example.org" in downloaded(response)
        entry = AuditEntry.objects.get(event="comments_exported")
        assert (entry.actor, entry.outcome) == (self.trusted, "with_personal_data")

    def test_staff_without_the_export_permission_are_refused(self):
        self.client.force_login(UserFactory(is_staff=True))
        assert self.client.get(EXPORT).status_code == 403
        assert self.client.post(EXPORT, {"format": "jsonl"}).status_code == 403
