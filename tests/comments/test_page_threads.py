import pytest
from django.test import TestCase

from gazette.comments.models import Thread
from gazette.comments.page_urls import NotAPageAddress
from gazette.comments.services import thread_for_page
from gazette.sites.exceptions import OwnSitePage, PageNotOnSite
from gazette.sites.models import Site
from tests.api.helpers import ORIGIN, PAGE, SiteFactory


class ThreadForPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()

    def test_a_page_gets_one_thread_whatever_the_spelling_of_its_address(self):
        first = thread_for_page(site=self.site, url=f"{PAGE}?utm_campaign=x")
        second = thread_for_page(
            site=self.site, url=f"HTTPS://NEWS.example.org{PAGE[len(ORIGIN) :]}/"
        )
        assert first == second
        assert (first.site, first.key, first.url) == (self.site.key, PAGE, PAGE)

    def test_two_sites_keep_apart_the_same_address(self):
        other = SiteFactory()
        assert thread_for_page(site=self.site, url=PAGE) != thread_for_page(site=other, url=PAGE)

    def test_a_page_outside_the_sites_origins_gets_no_thread(self):
        with pytest.raises(PageNotOnSite):
            thread_for_page(site=self.site, url="https://elsewhere.example/story")
        assert not Thread.objects.exists()

    def test_text_that_is_no_address_gets_no_thread(self):
        with pytest.raises(NotAPageAddress):
            thread_for_page(site=self.site, url="javascript:alert(1)")

    def test_our_own_pages_are_articles(self):
        with pytest.raises(OwnSitePage):
            thread_for_page(site=Site.objects.get(is_own=True), url=PAGE)
