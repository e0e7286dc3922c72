"""The shipped nginx configuration (deploy/nginx/) in front of the production server: pages of
readers without a session from its cache, never staler than GAZETTE_SHARED_PAGE_SECONDS after a
post or a removal; personal pages, static files, gzip and TLS as a deployer gets them.

nginx is Debian's (apt-get install -y nginx); without it the tests are skipped with the
reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import Message
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, Server
from tests.e2e.helpers import (
    ASTANA_COURT,
    comment_form,
    comment_item,
    fill_comment,
    wait_for_captcha,
    wait_for_human_fill_time,
)

pytestmark = pytest.mark.e2e

# GAZETTE_SHARED_PAGE_SECONDS at its default: how long nginx may serve its copy.
BOUND_SECONDS = 5


def _scratch_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gazette_nginx_scratch", ROOT / "deploy" / "nginx" / "scratch.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def front(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    scratch = _scratch_module()
    if scratch.NGINX is None:
        reason = "nginx is missing: install Debian's nginx (apt-get install -y nginx)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the nginx test.", pytrace=False)
        pytest.skip(reason)
    port = int(server.url.rsplit(":", 1)[1])
    nginx = scratch.ScratchNginx(
        tmp_path_factory.mktemp("nginx"), app_port=port, var_dir=server.var_dir
    )
    with nginx:
        yield nginx


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    """Status, headers (looked up without regard to case, as HTTP says: uvicorn sends them in
    lower case) and body."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own
    context = ssl._create_unverified_context()  # noqa: S323 - the scratch self-signed certificate
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), _NoRedirect()
    )
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def page_text(front: Any, path: str) -> str:
    status, headers, body = fetch(front.http_url + path, {"Accept-Encoding": "gzip"})
    assert status == 200
    return (
        gzip.decompress(body).decode()
        if headers.get("Content-Encoding") == "gzip"
        else body.decode()
    )


def test_anonymous_pages_are_served_from_the_front_cache(front: Any) -> None:
    url = front.http_url + ASTANA_COURT
    fetch(url, {"Accept-Encoding": "gzip"})
    status, headers, packed = fetch(url, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["X-Cache-Status"] in ("HIT", "UPDATING")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=5"
    # The copy is kept compressed and unpacked for a client that does not take gzip.
    status, headers, plain = fetch(url)
    assert "Content-Encoding" not in headers
    assert gzip.decompress(packed) == plain
    # The browser's revalidation is answered by nginx from its copy.
    status, _headers, body = fetch(url, {"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_a_reader_with_a_personal_cookie_reaches_django(front: Any) -> None:
    status, headers, _body = fetch(front.http_url + ASTANA_COURT, {"Cookie": "gz_reader=someone"})
    assert status == 200
    assert headers["X-Cache-Status"] == "BYPASS"
    assert headers["Cache-Control"] == "private, no-cache"


API_ORIGINS = ("https://one.example.org", "https://two.example.org")


@pytest.fixture(scope="module")
def api_site(server: Server) -> str:
    """A registered site with two origins (as a newsroom with and without `www.` has)."""
    server.shell(
        "from gazette.sites.models import Site\n"
        "Site.objects.create(key='front-cached', name='Front', "
        f"allowed_origins={list(API_ORIGINS)!r})"
    )
    return "/api/v1/threads?site=front-cached&url=" + urllib.parse.quote(API_ORIGINS[0] + "/story")


def test_api_answers_are_kept_for_each_calling_origin_and_language(
    front: Any, api_site: str
) -> None:
    def call(origin: str, language: str, **more: str) -> tuple[dict[str, str], bytes]:
        headers = {"Origin": origin, "Accept-Language": language, **more}
        fetch(front.http_url + api_site, headers)
        status, answer, body = fetch(front.http_url + api_site, headers)
        assert status == 200
        return answer, body

    one, _body = call(API_ORIGINS[0], "en")
    assert one["X-Cache-Status"] in ("HIT", "UPDATING")
    assert one["Access-Control-Allow-Origin"] == API_ORIGINS[0]
    # The other origin of the site is not handed the first one's CORS answer.
    two, _body = call(API_ORIGINS[1], "en")
    assert two["Access-Control-Allow-Origin"] == API_ORIGINS[1]
    assert two["X-Cache-Status"] in ("HIT", "UPDATING")
    russian, _body = call(API_ORIGINS[0], "ru")
    assert russian["Content-Language"] == "ru"
    assert one["Content-Language"] == "en"
    # A reader's own view (their likes, their vote) always comes from Django.
    mine, _body = call(API_ORIGINS[0], "en", **{"X-Gazette-Reader": "a-token"})
    assert mine["X-Cache-Status"] == "BYPASS"


def test_static_files_are_served_by_nginx_for_a_year(front: Any) -> None:
    html = page_text(front, "/en/")
    css = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, headers, _body = fetch(front.http_url + css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert "immutable" in headers["Cache-Control"]
    assert "X-Cache-Status" not in headers  # not proxied


def test_the_tls_server_serves_the_site_and_plain_http_is_sent_there(front: Any) -> None:
    status, _headers, body = fetch(front.https_url + "/en/")
    assert status == 200
    assert b"<html" in body
    status, headers, _body = fetch(f"http://127.0.0.1:{front.redirect_port}/en/")
    assert status == 301
    assert headers["Location"].startswith("https://")


def test_a_comment_posted_through_nginx_shows_and_a_removal_goes_within_the_bound(
    front: Any, server: Server, new_context
) -> None:
    newest = ASTANA_COURT + "?csort=newest"
    page_text(front, newest)  # the copy nginx now holds
    context = new_context(base_url=front.http_url)
    page = context.new_page()
    page.goto(ASTANA_COURT)
    form = comment_form(page)
    body = "Posted through the front server: does the proxy keep the Origin check working?"
    fill_comment(form, name="Nurlan", body=body)
    wait_for_captcha(form)
    wait_for_human_fill_time(page)
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status").filter(has_text="Your comment is published.")).to_be_visible()
    expect(comment_item(page, body)).to_have_count(1)

    # A reader without cookies sees it once the front cache's copy has expired.
    time.sleep(BOUND_SECONDS + 0.5)
    assert body in page_text(front, newest)

    server.shell(
        "from gazette.accounts.models import User\n"
        "from gazette.comments.models import Comment\n"
        "from gazette.moderation.models import Clause\n"
        "from gazette.moderation.services import decisions\n"
        f"comment = Comment.objects.get(body={body!r})\n"
        "moderator = User.objects.get(email='mira@example.org')\n"
        "clause = Clause.objects.order_by('-version__number', 'number').first()\n"
        "decisions.remove_comment(comment=comment, actor=moderator, clause=clause,\n"
        "    explanation='The comment is a test message and is off topic here.')\n"
    )
    page_text(front, newest)
    time.sleep(BOUND_SECONDS + 0.5)
    assert body not in page_text(front, newest)
