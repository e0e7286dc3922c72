import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import TestCase

from gazette.sites.models import Site
from tests.api.helpers import SiteFactory


class OwnSiteTests(TestCase):
    def test_the_install_has_its_own_site_under_the_key_its_threads_carry(self):
        own = Site.objects.get(is_own=True)
        assert own.key == settings.GAZETTE_SITE_ID
        assert list(Site.objects.registered()) == []


class SiteValidationTests(TestCase):
    def test_origins_are_stored_as_browsers_send_them(self):
        site = SiteFactory.build(allowed_origins=["HTTPS://News.Example.org:443/", "http://a.test"])
        site.full_clean()
        assert site.allowed_origins == ["http://a.test", "https://news.example.org"]

    def test_an_address_with_a_path_is_not_an_origin(self):
        site = SiteFactory.build(allowed_origins=["https://news.example.org/blog"])
        with pytest.raises(ValidationError) as raised:
            site.full_clean()
        assert "allowed_origins" in raised.value.message_dict

    def test_the_default_edition_must_be_one_of_ours(self):
        site = SiteFactory.build(default_edition="fr")
        with pytest.raises(ValidationError) as raised:
            site.full_clean()
        assert "default_edition" in raised.value.message_dict
