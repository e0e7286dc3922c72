"""Every comment goes through gazette.core.text.render_markdown(text, COMMENT) once, when it is
written; none of these payloads may come out as markup that runs script."""

import re
from html.parser import HTMLParser

import pytest
from django.test import TestCase

from gazette.comments import services
from gazette.core.text import COMMENT, render_markdown
from tests.comments.helpers import posting_as
from tests.factories import ThreadFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](  javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='x' onclick='alert(1)'>x</a>",
    '[x](https://example.org" onmouseover="alert(1))',
    "![img](javascript:alert(1))",
    '![x](https://example.org/x.png" onerror="alert(1))',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<script>alert(1)</script>-->",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "[x](jav\u0000ascript:alert(1))",
    "[x](java\u200bscript:alert(1))",
    "[x](\u202ejavascript:alert(1))",
    "\u003cscript\u003ealert(1)\u003c/script\u003e",
    "<style>@import 'javascript:alert(1)';</style>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=javascript:alert(1)//>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <img src=x onerror=alert(1)>",
    "- <svg/onload=alert(1)>",
    "<a href=https://example.org>ok</a><script>alert(1)</script",
]

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "blockquote", "ul", "ol", "li", "code", "pre"}


class _Markup(HTMLParser):
    """The elements and attributes a browser would build from the HTML (text stays text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _scheme(url):
    # What a browser would take for the scheme: it drops tabs and newlines, trims controls and
    # spaces, and needs letters (then letters, digits, + - .) before the first colon.
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00- ")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def assert_inert(html):
    parser = _Markup()
    parser.feed(html)
    for tag, attrs in parser.elements:
        assert tag in ALLOWED_TAGS, tag
        assert not [name for name in attrs if name.startswith("on") or name == "style"], attrs
        for name in ("href", "src"):
            if name in attrs:
                assert _scheme(attrs[name] or "") in {"", "http", "https", "mailto"}, attrs


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_renders_inert(payload):
    assert_inert(str(render_markdown(payload, COMMENT)))


def test_corpus_is_large_enough():
    assert len(XSS_PAYLOADS) >= 25


def test_links_are_marked_as_user_content():
    html = str(render_markdown("[source](https://example.org/a)", COMMENT))
    assert 'rel="nofollow ugc noopener"' in html
    assert 'href="https://example.org/a"' in html


def test_the_markdown_subset_is_kept():
    text = "*em* **strong** `code`\n\n> quoted\n\n- one\n- two\n\n1. first\n\n```\nblock\n```"
    html = str(render_markdown(text, COMMENT))
    for tag in ("<em>", "<strong>", "<code>", "<blockquote>", "<ul>", "<ol>", "<pre>"):
        assert tag in html


def test_headings_and_images_are_not_part_of_comments():
    html = str(render_markdown("# Big\n\n![x](https://example.org/x.png)", COMMENT))
    assert "<h1" not in html
    assert "<img" not in html


class StoredHtmlTests(TestCase):
    def test_posted_comments_store_only_sanitised_html(self):
        thread = ThreadFactory()
        for number, payload in enumerate(XSS_PAYLOADS):
            comment = services.post_comment(
                thread=thread,
                **posting_as(name=f"<b onmouseover=alert({number})>", anonymous_id=f"a{number}"),
                body=payload,
            )
            assert_inert(comment.body_html)
        page = self.client.get(thread.article.get_absolute_url()).content.decode()
        section = page[page.index('id="comments"') :]
        assert "<script>alert" not in section
        assert "<b onmouseover" not in section

    def test_author_names_are_escaped_in_text_and_attributes(self):
        thread = ThreadFactory()
        name = '"><script>alert(1)</script>'
        parent = services.post_comment(
            thread=thread,
            **posting_as(name=name, anonymous_id="n"),
            body="First.",
        )
        with self.settings(GAZETTE_COMMENT_MAX_DEPTH=1):
            child = services.post_comment(
                thread=thread,
                **posting_as(name="Second", anonymous_id="s"),
                body="Second.",
                parent_id=parent.pk,
            )
            services.post_comment(
                thread=thread,
                **posting_as(name="Third", anonymous_id="t"),
                body="Third.",
                parent_id=child.pk,
            )
        page = self.client.get(thread.article.get_absolute_url()).content.decode()
        assert "<script>alert(1)" not in page
        assert 'data-reply-name="&quot;&gt;&lt;script&gt;' in page
        assert "in reply to Second" in page
