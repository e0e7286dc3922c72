"""The published schema: OpenAPI 3.1 at a stable address, a reference page from our own static
files, and every operation answering within it (Schemathesis, against the live application)."""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from gazette.comments import services
from tests.api.helpers import SiteFactory
from tests.comments.helpers import GENEROUS_RATES, posting_as
from tests.factories import yes_no_reaction_set

SCHEMA_URL = "/api/v1/openapi.json"
# A request the schema allows may still name a site, a page or a comment the database does not
# hold (404), a comment in another state (409) or a check no schema states (the captcha, the
# text that is only spaces: 422): that is the data, not the contract. Anything else (a 400 for
# well-formed input, a 5xx) is a failure.
# The WSGI client does not undo gzip, so the calls ask for none (a browser's are gzipped).
CONFIG = SchemathesisConfig.from_dict(
    {
        "headers": {"Accept-Encoding": "identity"},
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2XX", "304", "401", "403", "404", "409", "422", "429"]
            }
        },
    }
)


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

    def test_the_reference_page_runs_under_the_sites_policy_without_inline_scripts(self):
        policy = self.client.get("/api/v1/docs/")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert directives["img-src"] == "'self' data:"

    def test_the_reference_pages_scripts_are_among_our_static_files(self):
        for name in (
            "ninja/swagger-ui-bundle.js",
            "ninja/swagger-ui-init.js",
            "ninja/swagger-ui.css",
        ):
            assert finders.find(name) is not None


schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application(), config=CONFIG)
# What a client sees on a site with a discussion going: a registered site (the one the schema's
# examples name), a page of it with comments, and the poll's answers.
EXAMPLE_SITE = "partner"
EXAMPLE_PAGE = "https://news.example.org/2026/12/court-ruling"


@pytest.fixture(autouse=True)
def _connections_kept_between_requests():
    """Django closes the database connection when a request ends; inside a test that would end
    the test's transaction (PostgreSQL). Django's own test client stops it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def discussion(db):
    yes_no_reaction_set()
    site = SiteFactory(key=EXAMPLE_SITE, allowed_origins=["https://news.example.org"])
    thread = services.thread_for_page(site=site, url=EXAMPLE_PAGE)
    first = services.post_comment(
        thread=thread, **posting_as(name="Dana", anonymous_id="dana"), body="Worth reading."
    )
    services.post_comment(
        thread=thread,
        **posting_as(name="Sam", anonymous_id="sam"),
        body="Agreed.",
        parent_id=first.pk,
    )
    return thread


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
@schema.parametrize()
@settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_within_its_schema_and_never_with_a_server_error(case, discussion):
    case.call_and_validate()


FollowingLinks = schema.as_state_machine()


@pytest.mark.usefixtures("discussion")
@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
def test_following_the_schemas_links_never_leads_to_a_server_error_or_a_stray_answer():
    FollowingLinks.TestCase.settings = settings(
        max_examples=15,
        stateful_step_count=5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    FollowingLinks.TestCase().runTest()
