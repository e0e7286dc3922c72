"""The article body filter: Markdown rendered safely, the dateline opening the first paragraph."""

from __future__ import annotations

from gazette.articles.templatetags.articles import article_body
from tests.factories import ArticleFactory


def test_the_dateline_opens_the_first_paragraph_in_capitals() -> None:
    article = ArticleFactory.build(dateline="Astana", body="The court sat.\n\nIt ruled.")
    assert str(article_body(article)) == (
        '<p><span class="dateline">ASTANA --</span> The court sat.</p>\n<p>It ruled.</p>\n'
    )


def test_a_dateline_is_escaped() -> None:
    article = ArticleFactory.build(dateline="<b>Astana</b>", body="The court sat.")
    assert '<span class="dateline">&lt;B&gt;ASTANA&lt;/B&gt; --</span>' in str(
        article_body(article)
    )


def test_without_a_dateline_the_body_is_unchanged() -> None:
    article = ArticleFactory.build(dateline="", body="The court sat.")
    assert str(article_body(article)) == "<p>The court sat.</p>\n"


def test_a_body_opening_with_a_quote_keeps_its_dateline_in_a_paragraph_before_it() -> None:
    article = ArticleFactory.build(dateline="Astana", body='> "Fair," he said.')
    assert str(article_body(article)) == (
        '<p><span class="dateline">ASTANA --</span></p>\n'
        '<blockquote>\n<p>"Fair," he said.</p>\n</blockquote>\n'
    )
