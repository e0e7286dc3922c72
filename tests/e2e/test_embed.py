"""The widget on another site's page: a plain static page served from a second port of
127.0.0.1 (not Gazette), in a Chromium that blocks third-party cookies.

Chromium is started with `--test-third-party-cookie-phaseout`, the switch Chrome offers to test
pages as they behave once third-party cookies are gone: no cookie of the Gazette origin is
sent or stored from inside the host page. The widget needs none (its reader and author tokens
live in the host page's own storage).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server
from tests.e2e.helpers import CAPTCHA_SECONDS, MIN_FILL_SECONDS, assert_accessible

SITE_KEY = "partner"
ARTICLE_PATH = "/2026/12/bridge-contract-hearing"
RUSSIAN_PATH = "/ru/2026/12/bridge-contract-hearing"
# A page only the live updates' journey comments on.
LIVE_PATH = "/2026/12/ferry-timetable-changes"

HOST_PAGE = """<!doctype html>
<html lang="{edition}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bridge contract hearing | Partner News</title>
<link rel="canonical" href="{origin}{path}">
<style>
  body {{ font-family: Georgia, serif; margin: 1rem; }}
  /* Rules that would spoil the widget if they reached into it. */
  button {{ background: #ff0; font-size: 30px; }}
  .gazette-thread {{ --gazette-accent: #7a1f3d; }}
</style>
</head>
<body>
<main>
<h1>Bridge contract hearing adjourned</h1>
<p>The hearing on the bridge contract was adjourned until January.</p>
<section aria-label="Readers' discussion">
<div class="gazette-thread" data-gazette-discussion data-gazette-site="{site}"
     data-gazette-edition="{edition}"></div>
</section>
</main>
<script src="{gazette}/embed.js" async></script>
</body>
</html>
"""

LIST_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Latest | Partner News</title></head>
<body>
<main>
<h1>Latest</h1>
<ul>
<li><a href="{origin}{path}">Bridge contract hearing adjourned</a>
  (<a href="{origin}{path}#comments" data-gazette-count
      data-gazette-site="{site}">comments</a>)</li>
<li><a href="{origin}/2026/12/quiet-story">A quiet story</a>
  (<a href="{origin}/2026/12/quiet-story" data-gazette-count
      data-gazette-site="{site}">comments</a>)</li>
</ul>
</main>
<script src="{gazette}/embed.js" async></script>
</body>
</html>
"""


class _Pages(ThreadingHTTPServer):
    pages: dict[str, str]


class _Handler(BaseHTTPRequestHandler):
    server: _Pages

    def do_GET(self) -> None:
        body = self.server.pages.get(self.path.split("?")[0])
        data = (body if body is not None else "Not found").encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


class StaticSite:
    """Another site: the article page and a list page on a port of its own, in a thread."""

    def __init__(self, gazette: str) -> None:
        self.httpd = _Pages(("127.0.0.1", 0), _Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        values = {"origin": self.origin, "gazette": gazette, "site": SITE_KEY, "path": ARTICLE_PATH}
        self.httpd.pages = {
            ARTICLE_PATH: HOST_PAGE.format(**values, edition="en"),
            RUSSIAN_PATH: HOST_PAGE.format(**{**values, "path": RUSSIAN_PATH}, edition="ru"),
            LIVE_PATH: HOST_PAGE.format(**{**values, "path": LIVE_PATH}, edition="en"),
            "/latest": LIST_PAGE.format(**values),
        }
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def cookieless_browser(playwright_driver: Any) -> Iterator[object]:
    """Chromium as it will be once third-party cookies are gone."""
    chromium = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--test-third-party-cookie-phaseout"],
    )
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def reader_page(cookieless_browser) -> Iterator[Callable[..., Page]]:
    """Pages in contexts of their own (one per reader: own storage), closed after the test."""
    contexts = []

    def open_page(**options: object) -> Page:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = cookieless_browser.new_context(locale="en-GB", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    expect.set_options(timeout=10_000)
    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def partner(server: Server) -> Iterator[StaticSite]:
    """A registered site whose pages are served from a port of 127.0.0.1 of their own."""
    with StaticSite(server.url) as site:
        server.shell(
            "from gazette.sites.models import Site\n"
            f"Site.objects.create(key={SITE_KEY!r}, name='Partner News', "
            f"allowed_origins=[{site.origin!r}])"
        )
        yield site


def _thread_facts(server: Server) -> dict[str, int]:
    code = (
        "import json\n"
        "from gazette.comments.models import Comment, Thread\n"
        "from gazette.moderation.models import Report\n"
        f"threads = Thread.objects.filter(site={SITE_KEY!r})\n"
        "comments = Comment.objects.filter(thread__in=threads)\n"
        "print(json.dumps({'threads': threads.count(), 'comments': comments.count(),"
        " 'likes': sum(c.like_count for c in comments),"
        " 'reports': Report.objects.filter(comment__in=comments).count()}))"
    )
    facts: dict[str, int] = json.loads(server.shell(code).strip().splitlines()[-1])
    return facts


def _post(page: Page, *, body: str, name: str | None = None) -> None:
    form = page.locator("form.gz-form")
    if name is not None:
        form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Comment", exact=True).fill(body)
    form.get_by_label("I have read the Comment Policy").check()
    expect(form.get_by_role("status")).to_have_text("Verified", timeout=CAPTCHA_SECONDS * 1000)
    # The server counts a person's writing time from the challenge's issue, which came before
    # "Verified". (Resource timing cannot tell: another origin's response times are hidden.)
    page.wait_for_timeout((MIN_FILL_SECONDS + 0.3) * 1000)
    form.get_by_role("button", name="Post comment").click()


def _comment(page: Page, text: str) -> Locator:
    return page.locator("li.gz-comment").filter(has=page.locator(".gz-body", has_text=text))


# Posting is screened (classifiers included) before the answer: time for a busy machine.
POST_SECONDS = 30
FIRST = "The adjournment gives the defence time to read the contract *in full*."
FIRST_SHOWN = FIRST.replace("*", "")  # as the page shows it
REPLY = "And the court time to hear the engineers who signed off the design."


def _vote_post_reply_and_edit(page: Page, server: Server) -> None:
    widget = page.locator("[data-gazette-discussion]")
    expect(widget.get_by_role("heading", name="Do you like this article?")).to_be_visible()
    expect(widget.get_by_role("heading", name="0 Comments")).to_be_visible()
    expect(widget.get_by_role("link", name="Comment Policy")).to_be_visible()

    yes = widget.get_by_role("button", name="Yes")
    yes.click()
    expect(yes).to_have_attribute("aria-pressed", "true")

    _post(page, name="Dana", body=FIRST)
    expect(_comment(page, FIRST_SHOWN)).to_have_count(1, timeout=POST_SECONDS * 1000)
    expect(widget.get_by_role("heading", name="1 Comment", exact=True)).to_be_visible()
    status = widget.locator(".gz-notice").get_by_role("link", name="Follow your comment's status")
    expect(status).to_have_attribute("href", re.compile("^" + re.escape(server.url)))

    _comment(page, FIRST_SHOWN).get_by_role("button", name="Reply").click()
    expect(widget.get_by_text("Replying to Dana")).to_be_visible()
    _post(page, body=REPLY)
    expect(_comment(page, REPLY)).to_have_attribute("data-depth", "1")
    expect(widget.get_by_role("heading", name="2 Comments")).to_be_visible()

    first = page.locator("#" + (_comment(page, FIRST_SHOWN).get_attribute("id") or ""))
    first.get_by_role("button", name="Edit").click()
    box = first.get_by_role("textbox", name="Comment")
    # The box holds what the author wrote, Markdown and all, not the text of its HTML.
    expect(box).to_have_value(FIRST)
    box.fill(FIRST + " All of it.")
    first.get_by_role("button", name="Save").click()
    expect(_comment(page, "All of it.")).to_contain_text("edited")


def _like_and_report(page: Page) -> None:
    liked = _comment(page, "All of it.")
    liked.get_by_role("button", name="Like").click()
    expect(liked.get_by_role("button", name="Like")).to_have_attribute("aria-pressed", "true")
    expect(liked.locator(".gz-likes")).to_have_text("Likes: 1")
    _comment(page, REPLY).get_by_role("button", name="Report").click()
    dialog = page.get_by_role("dialog", name="Report this comment")
    dialog.get_by_label("Which clause of the Comment Policy does it break?").select_option(index=1)
    dialog.get_by_label("Anything a moderator should know (optional)").fill("Off topic.")
    dialog.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Your report was sent to the moderators.")).to_be_visible()


def test_a_reader_takes_part_in_the_discussion_on_another_sites_page(
    server: Server, partner: StaticSite, reader_page
) -> None:
    page = reader_page()
    page.goto(partner.origin + ARTICLE_PATH)
    _vote_post_reply_and_edit(page, server)
    # The host page's rules do not reach in: its 30px yellow buttons stay outside.
    yes = page.locator("[data-gazette-discussion]").get_by_role("button", name="Yes")
    assert yes.evaluate("(button) => getComputedStyle(button).fontSize") != "30px"
    assert_accessible(page)

    # Another reader, on a phone, likes the edited comment and reports the reply.
    other = reader_page(viewport={"width": 390, "height": 844})
    other.goto(partner.origin + ARTICLE_PATH)
    _like_and_report(other)
    assert other.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert_accessible(other)

    assert _thread_facts(server) == {"threads": 1, "comments": 2, "likes": 1, "reports": 1}

    # The author deletes the reply, within the window, after confirming.
    reply = page.locator("#" + (_comment(page, REPLY).get_attribute("id") or ""))
    reply.get_by_role("button", name="Delete").click()
    expect(reply).to_contain_text("Delete your comment?")
    reply.get_by_role("button", name="Delete").click()
    expect(_comment(page, REPLY)).to_have_count(0)
    expect(
        page.locator("[data-gazette-discussion]").get_by_role("heading", name="1 Comment")
    ).to_be_visible()


def test_one_request_fills_every_count_on_a_list_page(
    server: Server, partner: StaticSite, reader_page
) -> None:
    page = reader_page()
    calls: list[str] = []
    page.on("request", lambda request: calls.append(request.url))
    page.goto(partner.origin + "/latest")
    marked = page.locator("[data-gazette-count]")
    expect(marked.nth(1)).to_have_text("0 Comments")
    expect(marked.nth(0)).to_have_text(re.compile(r"^\d+ Comments?$"))
    assert len([url for url in calls if "/api/v1/counts" in url]) == 1


def test_the_first_screen_arrives_in_one_call(partner: StaticSite, reader_page) -> None:
    page = reader_page()
    calls: list[str] = []
    page.on("request", lambda request: calls.append(request.url))
    page.goto(partner.origin + ARTICLE_PATH)
    widget = page.locator("[data-gazette-discussion]")
    expect(widget.get_by_role("button", name="Yes")).to_be_visible()
    expect(widget.get_by_role("heading", name=re.compile(r"^\d+ Comments?$"))).to_be_visible()
    assert len([url for url in calls if "/api/v1/" in url]) == 1


def test_a_page_on_an_unregistered_origin_is_refused_and_nothing_is_written(
    server: Server, partner: StaticSite, reader_page
) -> None:
    before = _thread_facts(server)
    with StaticSite(server.url) as elsewhere:
        page = reader_page()
        page.goto(elsewhere.origin + ARTICLE_PATH)
        refusal = page.locator("[data-gazette-discussion]").get_by_role("alert")
        expect(refusal).to_contain_text("not registered for discussions here")
        expect(page.locator("form.gz-form")).to_have_count(0)
    assert _thread_facts(server) == before


def test_the_widget_speaks_the_editions_language(partner: StaticSite, reader_page) -> None:
    page = reader_page()
    page.goto(partner.origin + RUSSIAN_PATH)
    widget = page.locator("[data-gazette-discussion]")
    expect(widget.get_by_role("heading", name="Вам понравилась эта статья?")).to_be_visible()
    expect(widget.get_by_role("heading", name="0 комментариев")).to_be_visible()
    expect(widget.get_by_role("link", name="Правила комментирования")).to_be_visible()
    expect(widget.get_by_role("button", name="Отправить комментарий")).to_be_visible()


# The brief's bound: a comment posted in one browser shows in the other within a second.
ARRIVAL_MS = 1000
LIVE_BODY = "The winter timetable drops the last ferry, which the night shift relies on."


def test_a_comment_from_another_reader_arrives_live_without_moving_the_page(
    partner: StaticSite, reader_page
) -> None:
    ana = reader_page(viewport={"width": 1280, "height": 600})
    bolat = reader_page()
    for page in (ana, bolat):
        page.goto(partner.origin + LIVE_PATH)
        expect(page.locator("[data-gazette-discussion] section[data-live-open]")).to_have_count(1)
    ana_widget = ana.locator("[data-gazette-discussion]")
    draft = "I am still writing this"
    ana.locator("form.gz-form").get_by_label("Comment", exact=True).fill(draft)

    _post(bolat, name="Bolat", body=LIVE_BODY)
    expect(_comment(bolat, LIVE_BODY)).to_have_count(1, timeout=POST_SECONDS * 1000)
    show = ana_widget.get_by_role("button", name="New comments: 1. Show them")
    expect(show).to_be_visible(timeout=ARRIVAL_MS)
    expect(ana_widget.get_by_role("heading", name="1 Comment", exact=True)).to_be_visible()
    # Not inserted until asked: nothing moves under the reader.
    expect(_comment(ana, LIVE_BODY)).to_have_count(0)
    assert_accessible(ana)
    form = ana.locator("form.gz-form")
    show.scroll_into_view_if_needed()
    on_screen = "(node) => Math.round(node.getBoundingClientRect().top)"
    top = form.evaluate(on_screen)
    show.click()
    expect(_comment(ana, LIVE_BODY)).to_contain_text("Bolat")
    expect(show).to_be_hidden()
    # The comment went in above the form the reader is writing in, which has not moved on
    # screen, nor lost a word.
    assert form.evaluate(on_screen) == top
    assert form.get_by_label("Comment", exact=True).input_value() == draft
    # Bolat's own widget shows it once: his post put it there, the event adds nothing.
    expect(_comment(bolat, LIVE_BODY)).to_have_count(1)
    expect(bolat.get_by_role("button", name=re.compile("^New comments"))).to_have_count(0)

    # Ana sees the poll's figures since she voted; Bolat's vote changes them on her screen.
    ana_widget.get_by_role("button", name="Yes").click()
    expect(ana_widget.locator(".gz-votes")).to_have_text([" 1 (100%)", " 0 (0%)"])
    bolat.locator("[data-gazette-discussion]").get_by_role("button", name="No").click()
    expect(ana_widget.locator(".gz-votes")).to_have_text([" 1 (50%)", " 1 (50%)"])
    assert form.get_by_label("Comment", exact=True).input_value() == draft

    # The author edits it, then deletes it: Ana's widget follows, and the count with it.
    mine = bolat.locator("#" + (_comment(bolat, LIVE_BODY).get_attribute("id") or ""))
    mine.get_by_role("button", name="Edit").click()
    mine.get_by_role("textbox", name="Comment").fill(LIVE_BODY + " Please keep it.")
    mine.get_by_role("button", name="Save").click()
    expect(_comment(ana, "Please keep it.")).to_contain_text("edited", timeout=ARRIVAL_MS * 5)
    mine.get_by_role("button", name="Delete").click()
    mine.get_by_role("button", name="Delete").click()
    expect(_comment(ana, LIVE_BODY)).to_have_count(0)
    expect(ana_widget.get_by_role("heading", name="0 Comments")).to_be_visible()
    assert ana.locator("form.gz-form").get_by_label("Comment", exact=True).input_value() == draft
