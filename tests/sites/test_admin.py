from django.test import TestCase
from django.utils import timezone

from gazette.sites.models import Site, SiteAccount
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


class SiteAccountAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(is_staff=True, is_superuser=True)
        site = SiteFactory()
        reader = UserFactory(username=f"sso:{site.key}:42", display_name="Dana Scully")
        cls.link = SiteAccount.objects.create(
            site=site, external_id="42", user=reader, signed_in_at=timezone.now()
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_the_newsroom_sees_which_site_signed_an_account_in_but_cannot_change_it(self):
        listing = self.client.get("/admin/gazette_sites/siteaccount/")
        assert "Dana Scully" in listing.content.decode()
        page = self.client.get(f"/admin/gazette_sites/siteaccount/{self.link.pk}/change/")
        assert 'name="_save"' not in page.content.decode()
        assert self.client.get("/admin/gazette_sites/siteaccount/add/").status_code == 403
