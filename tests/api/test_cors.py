from django.test import TestCase

from tests.api.helpers import ORIGIN, SiteFactory, assert_problem


class CorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        SiteFactory()

    def preflight(self, origin):
        return self.client.options(
            "/api/v1/readers",
            HTTP_ORIGIN=origin,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-gazette-reader",
        )

    def test_a_registered_sites_origin_may_call_with_the_readers_headers(self):
        response = self.preflight(ORIGIN)
        assert response.status_code == 204
        assert response["Access-Control-Allow-Origin"] == ORIGIN
        assert "X-Gazette-Reader" in response["Access-Control-Allow-Headers"]
        assert "Access-Control-Allow-Credentials" not in response

    def test_any_other_origin_is_refused(self):
        assert_problem(self.preflight("https://elsewhere.example"), 403, "origin_refused")

    def test_an_answer_to_an_allowed_origin_names_it_and_exposes_the_etag(self):
        response = self.client.get("/api/v1/policy", HTTP_ORIGIN=ORIGIN)
        assert response["Access-Control-Allow-Origin"] == ORIGIN
        assert "ETag" in response["Access-Control-Expose-Headers"]
        assert "Origin" in response["Vary"]

    def test_an_answer_without_origin_still_varies_by_it(self):
        response = self.client.get("/api/v1/policy")
        assert "Origin" in response["Vary"]
        assert "Access-Control-Allow-Origin" not in response

    def test_an_answer_to_another_origin_does_not(self):
        response = self.client.get("/api/v1/policy", HTTP_ORIGIN="https://elsewhere.example")
        assert "Access-Control-Allow-Origin" not in response


class ChallengeCorsTests(TestCase):
    """The widget fetches the captcha's challenge from a registered site's page."""

    @classmethod
    def setUpTestData(cls):
        SiteFactory()

    def test_a_registered_sites_page_may_read_a_challenge(self):
        response = self.client.get("/challenges/new/?for=comment:thread-1", HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == ORIGIN
        assert "Access-Control-Allow-Credentials" not in response

    def test_another_origins_page_may_not(self):
        response = self.client.get(
            "/challenges/new/?for=comment:thread-1", HTTP_ORIGIN="https://elsewhere.example"
        )
        assert "Access-Control-Allow-Origin" not in response
