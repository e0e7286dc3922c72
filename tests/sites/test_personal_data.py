from django.test import TestCase

from gazette.accounts.models import User
from gazette.moderation.services.data_rights import (
    DataSubject,
    erase_personal_data,
    personal_data,
)
from gazette.sites.models import SiteAccount
from gazette.sites.services import sign_in_through_site
from tests.api.helpers import SiteFactory
from tests.api.test_sign_on import SECRET, host_token


class SignedOnReaderDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory(sso_secret=SECRET, name="Partner News")

    def setUp(self):
        self.user = sign_in_through_site(
            site=self.site, token=host_token(self.site.key, avatar="https://cdn.example.org/d.png")
        )

    def test_the_readers_file_says_which_site_signs_them_in_and_under_which_id(self):
        document = personal_data(DataSubject.account(self.user))
        assert document["account"]["email"] == "dana@example.org"
        assert document["sign_on"]["site"] == "Partner News"
        assert document["sign_on"]["id_on_site"] == "42"
        assert document["sign_on"]["avatar"] == "https://cdn.example.org/d.png"

    def test_erasure_forgets_the_link_and_a_later_sign_in_starts_a_new_account(self):
        erase_personal_data(subject=DataSubject.account(self.user), remove_comments=True)
        assert not SiteAccount.objects.exists()
        again = sign_in_through_site(site=self.site, token=host_token(self.site.key))
        assert again.pk != self.user.pk
        assert SiteAccount.objects.get().user == again
        assert User.objects.filter(username=f"sso:{self.site.key}:42").count() == 1
