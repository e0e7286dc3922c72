import re

from django.test import TestCase

from gazette.api import tokens
from gazette.api.models import ApiToken
from gazette.moderation.roles import MODERATOR
from tests.factories import UserFactory
from tests.moderation.factories import staff_in


class ApiTokenAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(is_staff=True, is_superuser=True)
        cls.moderator = staff_in(MODERATOR)

    def setUp(self):
        self.client.force_login(self.admin)

    def test_a_new_tokens_secret_is_shown_once_and_opens_the_staff_api(self):
        response = self.client.post(
            "/admin/api/apitoken/add/",
            {"user": self.moderator.pk, "name": "Night desk", "scope": "read"},
            follow=True,
        )
        # The message holds the whole secret; the list beside it only its first characters.
        secret = max(re.findall(r"gzt_[A-Za-z0-9_-]+", response.content.decode()), key=len)
        assert len(secret) > 40
        token = ApiToken.objects.get()
        assert token.prefix == secret[:12]
        assert self.client.get("/admin/api/apitoken/").content.decode().count(secret) == 0
        call = self.client.get("/api/v1/staff/queue/pending", HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert call.status_code == 200

    def test_the_list_shows_when_each_token_was_last_used(self):
        _token, secret = tokens.issue_token(user=self.moderator, name="Night desk", scope="read")
        self.client.get("/api/v1/staff/queue/pending", HTTP_AUTHORIZATION=f"Bearer {secret}")
        page = self.client.get("/admin/api/apitoken/").content.decode()
        assert "Night desk" in page
        assert "field-last_used_at" in page
        assert 'class="field-last_used_at">-<' not in page

    def test_revoking_from_the_list_refuses_the_token_at_once(self):
        token, secret = tokens.issue_token(user=self.moderator, name="Old", scope="read")
        self.client.post(
            "/admin/api/apitoken/",
            {"action": "revoke", "_selected_action": [token.pk]},
        )
        token.refresh_from_db()
        assert token.revoked_at is not None
        call = self.client.get("/api/v1/staff/queue/pending", HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert call.status_code == 401
