import pytest

from gazette.core.text import ARTICLE, COMMENT, render_imported_html, render_markdown
from gazette.importers.markup import article_markdown, comment_html, paragraphs
from gazette.importers.records import Markup


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One.\n\nTwo.", "<p>One.</p><p>Two.</p>"),
        ("One line\nand the next", "<p>One line<br>\nand the next</p>"),
        ("<p>Already a paragraph.</p>", "<p>Already a paragraph.</p>"),
        ("", ""),
    ],
)
def test_wordpress_text_gets_its_paragraphs(text, html):
    assert paragraphs(text) == html


@pytest.mark.parametrize(
    "html",
    [
        '<p onclick="steal()">Hi<script>alert(1)</script></p>',
        '<a href="javascript:alert(1)">link</a>',
        '<img src="x" onerror="alert(1)">',
    ],
)
def test_imported_html_cannot_run_script(html):
    cleaned = str(render_imported_html(html, COMMENT))
    for danger in ("script", "onclick", "onerror", "javascript:", "<img"):
        assert danger not in cleaned


def test_imported_links_get_the_same_rel_as_readers_links():
    cleaned = str(render_imported_html('<a href="https://example.org">x</a>', COMMENT))
    assert cleaned == '<a href="https://example.org" rel="nofollow ugc noopener">x</a>'


def test_isso_s_markdown_is_rendered_by_our_renderer():
    assert comment_html("**bold**", Markup.MARKDOWN) == "<p><strong>bold</strong></p>"


@pytest.mark.parametrize(
    ("html", "rendered"),
    [
        (
            "Plain <strong>bold</strong> and <em>slanted</em>.",
            "<p>Plain <strong>bold</strong> and <em>slanted</em>.</p>",
        ),
        (
            '<a href="https://example.org/a">a link</a>',
            '<p><a href="https://example.org/a" rel="noopener">a link</a></p>',
        ),
        ("<h2>Heading</h2>\n\nText", "<h2>Heading</h2>\n<p>Text</p>"),
        ("<ul><li>one</li><li>two</li></ul>", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        (
            "<blockquote>Quoted words.</blockquote>",
            "<blockquote>\n<p>Quoted words.</p>\n</blockquote>",
        ),
        ("2 * 3 = 6 and a_b", "<p>2 * 3 = 6 and a_b</p>"),
    ],
)
def test_a_post_s_html_becomes_markdown_that_renders_back_to_it(html, rendered):
    assert str(render_markdown(article_markdown(html), ARTICLE)).strip() == rendered


def test_what_the_allow_list_refuses_never_reaches_the_article():
    markdown = article_markdown('<p>Hi</p><script>alert(1)</script><iframe src="x"></iframe>')
    assert markdown == "Hi"
