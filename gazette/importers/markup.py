"""Text written elsewhere, made into what our pages store and show.

Comments keep their text as written and get their HTML from the one sanitising path
(core/text.py): Isso's Markdown through render_markdown, Disqus's and WordPress's HTML through
render_imported_html (the same allow-list). A WordPress post becomes an article, whose body is
Markdown: its HTML is cleaned by the same allow-list first, then written as the Markdown that
renders back to it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gazette.core.text import ARTICLE, COMMENT, render_imported_html, render_markdown
from gazette.importers.records import Markup

_BLANK_LINE = re.compile(r"\n\s*\n")
_BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|ul|ol|table|blockquote|pre)\b", re.IGNORECASE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def paragraphs(text: str) -> str:
    """WordPress's way of showing a text (wpautop, in short): blank lines part paragraphs and a
    single line break is kept as one; text that already has blocks is left alone."""
    text = text.replace("\r\n", "\n").strip()
    if not text or _BLOCK_TAG.search(text):
        return text
    return "".join(
        "<p>" + part.strip().replace("\n", "<br>\n") + "</p>" for part in _BLANK_LINE.split(text)
    )


def comment_html(body: str, markup: Markup) -> str:
    if markup == Markup.MARKDOWN:
        return str(render_markdown(body, COMMENT)).strip()
    if markup == Markup.WORDPRESS:
        return str(render_imported_html(paragraphs(body), COMMENT))
    return str(render_imported_html(body, COMMENT))


class _MarkdownWriter(HTMLParser):
    """Writes allow-listed HTML (see ARTICLE in core/text.py) as Markdown. Containers whose
    Markdown wraps their content (links, quotes) collect it in a buffer of their own."""

    _INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
    _HEADINGS = {"h1": "## ", "h2": "## ", "h3": "### ", "h4": "#### "}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.buffers: list[list[str]] = [[]]
        self.links: list[str] = []
        self.lists: list[str] = []
        self.in_pre = False

    def _out(self, text: str) -> None:
        self.buffers[-1].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._INLINE and not self.in_pre:
            self._out(self._INLINE[tag])
        elif tag in self._HEADINGS:
            self._out("\n\n" + self._HEADINGS[tag])
        elif tag in {"p", "table", "tr"}:
            self._out("\n\n")
        elif tag in {"ul", "ol"}:
            self.lists.append(tag)
            self._out("\n")
        elif tag == "li":
            self._out(
                "\n" + "  " * (len(self.lists) - 1) + ("1. " if self.lists[-1:] == ["ol"] else "- ")
            )
        elif tag == "br":
            self._out("\\\n")
        elif tag == "pre":
            self.in_pre = True
            self._out("\n\n```\n")
        elif tag in {"a", "blockquote"}:
            self.links.append(dict(attrs).get("href") or "" if tag == "a" else "")
            self.buffers.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._INLINE and not self.in_pre:
            self._out(self._INLINE[tag])
        elif tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
            self._out("\n\n")
        elif tag == "pre":
            self.in_pre = False
            self._out("\n```\n\n")
        elif tag == "a" and len(self.buffers) > 1:
            text, href = "".join(self.buffers.pop()).strip(), self.links.pop()
            self._out(f"[{text}]({href})" if href else text)
        elif tag == "blockquote" and len(self.buffers) > 1:
            self.links.pop()
            quoted = "".join(self.buffers.pop()).strip().splitlines()
            self._out("\n\n" + "\n".join("> " + line for line in quoted) + "\n\n")

    def handle_data(self, data: str) -> None:
        self._out(data if self.in_pre else _MARKDOWN_SPECIAL.sub(r"\\\1", data))

    def markdown(self) -> str:
        while len(self.buffers) > 1:  # a tag left open by the source
            self.buffers[-2].extend(self.buffers.pop())
        text = "".join(self.buffers[0])
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def article_markdown(html: str) -> str:
    """A WordPress post's body as our articles store it."""
    writer = _MarkdownWriter()
    writer.feed(str(render_imported_html(paragraphs(html), ARTICLE)))
    writer.close()
    return writer.markdown()
