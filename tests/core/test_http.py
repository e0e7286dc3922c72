"""Absolute links and short public caching of reader pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, SimpleTestCase, override_settings

from gazette.core.http import absolute_url, cache_publicly

requests = RequestFactory()


@cache_publicly(max_age=30)
def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the same for every reader")


@cache_publicly()
def page_with_form(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"<input name=csrfmiddlewaretoken value={get_token(request)}>")


@cache_publicly()
def page_setting_a_cookie(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("hello")
    response.set_cookie("gz_reader", "abc")
    return response


@cache_publicly()
def missing(request: HttpRequest) -> HttpResponse:
    return HttpResponse("gone", status=404)


class CachePubliclyTests(SimpleTestCase):
    def test_an_anonymous_page_is_public_with_an_etag_and_vary_cookie(self) -> None:
        response = page(requests.get("/"))
        assert response["Cache-Control"] == "public, max-age=30"
        assert response["Vary"] == "Cookie"
        assert response["ETag"].startswith('"')

    def test_a_matching_etag_gets_304_without_a_body(self) -> None:
        etag = page(requests.get("/"))["ETag"]
        response = page(requests.get("/", headers={"if-none-match": etag}))
        assert response.status_code == 304
        assert response.content == b""
        assert response["Cache-Control"] == "public, max-age=30"

    def test_a_stale_etag_gets_the_page(self) -> None:
        response = page(requests.get("/", headers={"if-none-match": '"stale"'}))
        assert response.status_code == 200

    def test_a_session_or_messages_cookie_makes_the_answer_private(self) -> None:
        for cookie in ("sessionid", "messages"):
            request = requests.get("/")
            request.COOKIES[cookie] = "x"
            response = page(request)
            assert response["Cache-Control"] == "private, no-cache", cookie
            assert "ETag" not in response

    def test_a_page_with_a_csrf_token_is_private(self) -> None:
        response = page_with_form(requests.get("/"))
        assert response["Cache-Control"] == "private, no-cache"

    def test_a_response_setting_a_cookie_is_private(self) -> None:
        assert page_setting_a_cookie(requests.get("/"))["Cache-Control"] == "private, no-cache"

    def test_errors_are_left_alone(self) -> None:
        response = missing(requests.get("/"))
        assert response.status_code == 404
        assert "Cache-Control" not in response


class AbsoluteUrlTests(SimpleTestCase):
    def test_the_request_host_by_default(self) -> None:
        request = requests.get("/", headers={"host": "127.0.0.1"})
        assert absolute_url("/en/courts/", request=request) == "http://127.0.0.1/en/courts/"

    @override_settings(GAZETTE_BASE_URL="https://news.example.org/")
    def test_the_configured_base_when_set(self) -> None:
        assert absolute_url("/en/courts/", request=requests.get("/")) == (
            "https://news.example.org/en/courts/"
        )

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_urls_that_are_already_absolute_are_kept(self) -> None:
        cdn = "https://cdn.example.org/static/logo.png"
        assert absolute_url(cdn, request=requests.get("/")) == cdn

    @override_settings(GAZETTE_BASE_URL="")
    def test_without_a_request_or_a_base_the_local_address(self) -> None:
        # An e-mail sent by the task worker on a local install: the address `make run` serves.
        assert absolute_url("/en/courts/") == "http://127.0.0.1:8000/en/courts/"

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_pages_and_mail_agree_when_a_base_is_set(self) -> None:
        request = requests.get("/", headers={"host": "internal-host:8000"})
        assert absolute_url("/x/", request=request) == absolute_url("/x/")
