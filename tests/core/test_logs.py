import gzip
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import sentry_sdk
from django.http import HttpResponse
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import path

from gazette.core.error_reports import REDACTED, scrub_event, start_error_reporting
from gazette.core.logs import (
    REQUEST_ID_HEADER,
    TEXT_FORMAT,
    AtMostEvery,
    JsonLinesFormatter,
    RequestIdFilter,
    RequestIdMiddleware,
    current_request_id,
)
from tests.factories import UserFactory


def failing_view(request):
    raise RuntimeError("comment by dana@example.org from 203.0.113.9 broke the page")


urlpatterns = [path("boom/", failing_view)]


def record(message: str) -> logging.LogRecord:
    item = logging.LogRecord("gazette.test", logging.WARNING, __file__, 1, message, None, None)
    RequestIdFilter().filter(item)
    return item


class RequestIdTests(TestCase):
    def test_every_answer_names_its_request_and_each_request_gets_its_own(self) -> None:
        first = Client().get("/robots.txt")[REQUEST_ID_HEADER]
        second = Client().get("/robots.txt")[REQUEST_ID_HEADER]
        assert len(first) == 32
        assert first != second

    def test_the_id_from_our_own_front_server_is_kept(self) -> None:
        with override_settings(GAZETTE_TRUSTED_PROXIES=1):
            response = Client().get("/robots.txt", HTTP_X_REQUEST_ID="f00dfeed12345678")
        assert response[REQUEST_ID_HEADER] == "f00dfeed12345678"

    def test_an_id_sent_by_a_client_directly_is_not_trusted(self) -> None:
        response = Client().get("/robots.txt", HTTP_X_REQUEST_ID="f00dfeed12345678")
        assert response[REQUEST_ID_HEADER] != "f00dfeed12345678"

    def test_log_lines_written_during_the_request_carry_its_id(self) -> None:
        seen = []

        def view(request):
            seen.append(record("inside").request_id)
            return HttpResponse()

        response = RequestIdMiddleware(view)(RequestFactory().get("/"))
        assert seen == [response[REQUEST_ID_HEADER]]


class FormatTests(SimpleTestCase):
    def test_text_lines_have_time_level_logger_and_request_id(self) -> None:
        line = logging.Formatter(TEXT_FORMAT).format(record("disk full"))
        assert " WARNING gazette.test [" in line
        assert line.endswith("disk full")

    def test_json_lines_are_one_object_per_line(self) -> None:
        line = JsonLinesFormatter().format(record("disk full"))
        entry = json.loads(line)
        assert entry["level"] == "WARNING"
        assert entry["logger"] == "gazette.test"
        assert entry["message"] == "disk full"
        assert entry["request_id"] == current_request_id()
        assert entry["time"].endswith("+00:00")
        assert "\n" not in line

    def test_a_repeated_warning_passes_once_per_interval_and_counts_the_rest(self) -> None:
        limiter = AtMostEvery(60)
        logger = logging.getLogger("gazette.test")
        with self.assertLogs(logger) as logs:
            for _ in range(5):
                limiter.warn(logger, "Redis down")
        assert [item.getMessage() for item in logs.records] == ["Redis down: "]
        limiter._last.clear()
        with self.assertLogs(logger) as logs:
            limiter.warn(logger, "Redis down")
        assert logs.records[0].getMessage() == "Redis down (4 more since the last report): "


class _Collector(BaseHTTPRequestHandler):
    """A stand-in for Sentry's ingestion endpoint: keeps every envelope it is sent."""

    received: list[bytes] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@override_settings(ROOT_URLCONF=__name__, DEBUG_PROPAGATE_EXCEPTIONS=False)
class SentryTests(TestCase):
    def test_an_error_reaches_sentry_without_the_readers_address_or_e_mail(self) -> None:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        _Collector.received = []
        start_error_reporting(f"http://public@127.0.0.1:{server.server_port}/1", environment="test")
        self.addCleanup(sentry_sdk.init)  # reporting off again
        client = Client(raise_request_exception=False)
        client.cookies["sessionid"] = "secret-session"
        client.post(
            "/boom/",
            {"email": "dana@example.org", "body": "my comment"},
            REMOTE_ADDR="203.0.113.9",
        )
        sentry_sdk.flush(timeout=5)
        sent = b"".join(_Collector.received).decode()
        assert "broke the page" in sent
        for personal in ("dana@example.org", "203.0.113.9", "secret-session", "my comment"):
            assert personal not in sent, personal

    def test_scrubbing_leaves_the_route_and_drops_the_body_cookies_and_user(self) -> None:
        event = {
            "request": {
                "url": "https://news.example.org/en/comments/article/1/post/",
                "data": {"email": "dana@example.org"},
                "cookies": {"sessionid": "x"},
                "headers": {"User-Agent": "Firefox", "X-Forwarded-For": "203.0.113.9"},
            },
            "user": {"ip_address": "203.0.113.9"},
            "logentry": {"message": "mail to dana@example.org failed"},
        }
        scrubbed = scrub_event(event)
        assert scrubbed["request"]["url"].endswith("/post/")
        assert scrubbed["request"]["data"] == REDACTED
        assert scrubbed["request"]["cookies"] == REDACTED
        assert scrubbed["request"]["headers"] == {"User-Agent": "Firefox"}
        assert "user" not in scrubbed
        assert scrubbed["logentry"]["message"] == f"mail to {REDACTED} failed"


class RefusalTests(TestCase):
    """A reader who reaches a staff page gets a page that says why, and no traceback is logged."""

    def setUp(self) -> None:
        self.client.force_login(UserFactory(display_name="Aliya Reader"))

    def test_the_refusal_page_says_why_and_what_to_do(self) -> None:
        with self.assertLogs("django.request", level="WARNING") as logged:
            response = self.client.get("/en/moderation/presets/")
        assert response.status_code == 403
        page = response.content.decode()
        assert "You are signed in as Aliya Reader" in page
        assert 'href="/en/accounts/sign-in/?next=/en/moderation/presets/"' in page
        (line,) = logged.records
        assert line.exc_info is None
        assert "Traceback" not in logged.output[0]

    def test_the_refusal_page_speaks_the_edition(self) -> None:
        with self.assertLogs("django.request", level="WARNING"):
            page = self.client.get("/ru/moderation/presets/").content.decode()
        assert "Нет доступа" in page
