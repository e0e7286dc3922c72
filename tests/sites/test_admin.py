from django.test import TestCase

from gazette.sites.models import Site
from tests.api.helpers import SiteFactory
from tests.factories import UserFactory


class SiteAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(is_staff=True, is_superuser=True)

    def setUp(self):
        self.client.force_login(self.admin)

    def form(self, **overrides):
        data = {
            "key": "partner",
            "name": "Partner News",
            "allowed_origins": "https://partner.example\nhttps://www.partner.example",
            "default_edition": "ru",
            "moderation_mode": "pre",
            "policy_url": "",
            "sso_secret": "s3cret",
        }
        data.update(overrides)
        return data

    def test_a_newsroom_registers_a_site_with_its_origins_one_per_line(self):
        response = self.client.post("/admin/gazette_sites/site/add/", self.form())
        assert response.status_code == 302, response.content
        site = Site.objects.get(key="partner")
        assert site.allowed_origins == ["https://partner.example", "https://www.partner.example"]
        assert (site.default_edition, site.moderation_mode) == ("ru", "pre")

    def test_the_sign_on_secret_is_never_shown_and_kept_when_left_empty(self):
        site = SiteFactory(sso_secret="s3cret")
        page = self.client.get(f"/admin/gazette_sites/site/{site.pk}/change/")
        assert "s3cret" not in page.content.decode()
        self.client.post(
            f"/admin/gazette_sites/site/{site.pk}/change/",
            self.form(key=site.key, sso_secret="", allowed_origins="https://partner.example"),
        )
        site.refresh_from_db()
        assert site.sso_secret == "s3cret"

    def test_the_own_site_cannot_be_deleted(self):
        own = Site.objects.get(is_own=True)
        response = self.client.get(f"/admin/gazette_sites/site/{own.pk}/delete/")
        assert response.status_code == 403
