"""The published schema: OpenAPI 3.1 at a stable address, a reference page from our own static
files, and every operation answering within it (Schemathesis, against the live application)."""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.wsgi import get_wsgi_application
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, settings

from tests.comments.helpers import GENEROUS_RATES

SCHEMA_URL = "/api/v1/openapi.json"


class SchemaTests(TestCase):
    def test_the_schema_is_openapi_3_1_at_a_stable_address(self):
        schema = self.client.get(SCHEMA_URL).json()
        assert schema["openapi"] == "3.1.0"
        assert "/api/v1/threads/{thread_id}/comments" in schema["paths"]

    def test_refusals_are_documented_as_problem_details(self):
        schema = self.client.get(SCHEMA_URL).json()
        post = schema["paths"]["/api/v1/threads/{thread_id}/comments"]["post"]
        assert list(post["responses"]["422"]["content"]) == ["application/problem+json"]
        assert list(post["responses"]["201"]["content"]) == ["application/json"]

    def test_the_reference_page_loads_its_scripts_from_our_own_static_files(self):
        page = self.client.get("/api/v1/docs/").content.decode()
        assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
        assert "cdn" not in page.lower()
        assert "http" not in page.split("<body", 1)[1].split("</body>")[0].replace("data-csrf", "")

    def test_the_reference_pages_scripts_are_among_our_static_files(self):
        for name in (
            "ninja/swagger-ui-bundle.js",
            "ninja/swagger-ui-init.js",
            "ninja/swagger-ui.css",
        ):
            assert finders.find(name) is not None


schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())


@pytest.mark.django_db
@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_within_its_schema_and_never_with_a_server_error(case):
    case.call_and_validate()
