"""The one sanitising renderer: Markdown in, HTML that cannot run script out."""

from __future__ import annotations

import re

import pytest

from gazette.core.text import ARTICLE, COMMENT, render_markdown, xml_safe

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    '<https://example.org/" onmouseover="alert(1)>',
    '[x](https://example.org "title" onclick=alert(1))',
    "<iframe src=https://example.org></iframe>",
    "<style>body{display:none}</style>",
    "<!-- a comment --><b>bold</b>",
]


@pytest.mark.parametrize("profile", [ARTICLE, COMMENT], ids=["article", "comment"])
@pytest.mark.parametrize("text", HOSTILE)
def test_markup_and_script_are_neutralised(text: str, profile) -> None:
    html = str(render_markdown(text, profile))
    elements = {name.lower() for name in re.findall(r"</?(\w+)", html)}
    assert elements <= profile.tags
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    assert not re.search(r'href="\s*(javascript|data|vbscript):', html, re.IGNORECASE)


def test_raw_html_is_shown_as_text() -> None:
    assert str(render_markdown("<b>bold</b> & <i>x</i>")) == (
        "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;</p>\n"
    )


def test_javascript_links_stay_plain_text() -> None:
    assert str(render_markdown("[click](javascript:alert(1))")) == (
        "<p>[click](javascript:alert(1))</p>\n"
    )


def test_emphasis_code_quotes_and_lists_work() -> None:
    text = "**strong** _em_ `code`\n\n> quoted\n\n- one\n- two\n\n1. first"
    assert str(render_markdown(text)) == (
        "<p><strong>strong</strong> <em>em</em> <code>code</code></p>\n"
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n"
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<ol>\n<li>first</li>\n</ol>\n"
    )


def test_code_blocks_escape_their_content() -> None:
    assert str(render_markdown("```\n<b>x</b>\n```")) == (
        "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"
    )


def test_comment_links_are_nofollow_ugc_noopener() -> None:
    html = str(render_markdown("[a source](https://example.org/report) and <https://example.org>"))
    assert html.count('rel="nofollow ugc noopener"') == 2
    assert 'href="https://example.org/report"' in html


def test_article_links_are_followed_but_noopener() -> None:
    html = str(render_markdown("[a source](https://example.org/report)", ARTICLE))
    assert html == '<p><a href="https://example.org/report" rel="noopener">a source</a></p>\n'


def test_articles_get_headings_and_tables_comments_do_not() -> None:
    text = "## Figures\n\n| year | cases |\n|---|---|\n| 2024 | 120 |"
    article = str(render_markdown(text, ARTICLE))
    comment = str(render_markdown(text, COMMENT))
    assert "<h2>Figures</h2>" in article
    assert "<td>120</td>" in article
    assert "<h2>" not in comment
    assert "<table>" not in comment


def test_images_are_not_embedded() -> None:
    html = str(render_markdown("![tracker](https://example.org/pixel.png)", ARTICLE))
    assert "<img" not in html


def test_mailto_links_are_kept() -> None:
    assert 'href="mailto:desk@example.org"' in str(
        render_markdown("[desk](mailto:desk@example.org)")
    )


def test_xml_safe_drops_only_what_xml_cannot_carry() -> None:
    assert xml_safe("Q&A:\x00 <b>\x0bsplit\x1f\ttab\nline\r</b> Суд ✓") == (
        "Q&A: <b>split\ttab\nline\r</b> Суд ✓"
    )
