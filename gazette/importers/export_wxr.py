"""An export as WordPress eXtended RSS 1.2: an <item> per thread, its comments as
<wp:comment>s, for WordPress's importer (or ours, wxr.py) to read.

Written with the standard library's streaming XML writer, a thread at a time: the text
written so far is handed on after each item, so memory holds one thread at most. WordPress
knows a comment by four states: published (1), held (0), spam (comments our moderators
removed) and trash (comments their authors deleted, whose text is left out). Addresses are
stored here only as keyed hashes, which are no IP addresses, so `wp:comment_author_IP` is never
written; the e-mail address is, with personal data only.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from django.conf import settings
from django.db.models import QuerySet
from django.utils.timezone import localtime

from gazette.comments.models import Comment, Thread
from gazette.core.http import absolute_url, base_url
from gazette.importers.export_records import ExportOptions

WXR_VERSION = "1.2"
NAMESPACES = {
    "xmlns:excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
    "xmlns:wfw": "http://wellformedweb.org/CommentAPI/",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    "xmlns:wp": "http://wordpress.org/export/1.2/",
}
APPROVED = {
    Comment.State.PUBLISHED: "1",
    Comment.State.PENDING: "0",
    Comment.State.REMOVED: "spam",
    Comment.State.DELETED: "trash",
}
_WORDPRESS_TIME = "%Y-%m-%d %H:%M:%S"


def _local(value: datetime) -> str:
    return localtime(value).strftime(_WORDPRESS_TIME)


def _gmt(value: datetime) -> str:
    return value.astimezone(UTC).strftime(_WORDPRESS_TIME)


class _Writer:
    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.xml = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)

    def taken(self) -> str:
        """What was written since the last call."""
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def open(self, name: str, attributes: dict[str, str] | None = None) -> None:
        self.xml.startElement(name, AttributesImpl(attributes or {}))

    def close(self, name: str) -> None:
        self.xml.endElement(name)

    def element(self, name: str, text: str = "", **attributes: str) -> None:
        self.open(name, attributes)
        if text:
            self.xml.characters(text)
        self.xml.endElement(name)


def wxr_chunks(options: ExportOptions) -> Iterator[str]:
    """The WXR document in pieces, one thread with its comments each."""
    writer = _Writer()
    writer.xml.startDocument()
    writer.open("rss", {"version": "2.0", **NAMESPACES})
    writer.open("channel")
    writer.element("title", str(settings.GAZETTE_SITE_ID))
    writer.element("link", base_url())
    writer.element("language", settings.LANGUAGE_CODE)
    writer.element("wp:wxr_version", WXR_VERSION)
    writer.element("wp:base_site_url", base_url())
    writer.element("wp:base_blog_url", base_url())
    yield writer.taken()
    for thread, comments in _threads_with_comments(options):
        _item(writer, thread, comments, personal=options.personal_data)
        yield writer.taken()
    writer.close("channel")
    writer.close("rss")
    writer.xml.endDocument()
    yield writer.taken() + "\n"


def _threads_with_comments(options: ExportOptions) -> Iterator[tuple[Thread, list[Comment]]]:
    """Each thread with its comments: two cursors read side by side, both in thread order."""
    chosen: QuerySet[Thread] = Thread.objects.select_related("article__section").order_by("pk")
    if options.site:
        chosen = chosen.filter(site=options.site)
    every = Comment.objects.filter(thread__in=chosen).order_by("thread_id", "created_at", "pk")
    comments = every.iterator(chunk_size=options.chunk_size)
    waiting = next(comments, None)
    for thread in chosen.iterator(chunk_size=options.chunk_size):
        own: list[Comment] = []
        while waiting is not None and waiting.thread_id == thread.pk:
            own.append(waiting)
            waiting = next(comments, None)
        yield thread, own


def _item(writer: _Writer, thread: Thread, comments: list[Comment], *, personal: bool) -> None:
    article = thread.article
    link = absolute_url(thread.page_url) if thread.page_url else ""
    writer.open("item")
    writer.element("title", thread.title or (article.headline if article is not None else ""))
    writer.element("link", link)
    writer.element("guid", link or thread.key, isPermaLink="false")
    writer.element("content:encoded")
    writer.element("wp:post_id", str(thread.pk))
    writer.element("wp:post_date", _local(thread.created_at))
    writer.element("wp:post_date_gmt", _gmt(thread.created_at))
    writer.element("wp:comment_status", "closed" if thread.is_closed else "open")
    writer.element("wp:post_name", article.slug if article is not None else "")
    writer.element("wp:status", "publish")
    writer.element("wp:post_type", "post" if article is not None else "page")
    for comment in comments:
        _comment(writer, comment, personal=personal)
    writer.close("item")


def _comment(writer: _Writer, comment: Comment, *, personal: bool) -> None:
    deleted = comment.state == Comment.State.DELETED
    parent = comment.in_reply_to_id or comment.parent_id
    writer.open("wp:comment")
    writer.element("wp:comment_id", str(comment.pk))
    writer.element("wp:comment_author", comment.author_name)
    if personal and comment.email:
        writer.element("wp:comment_author_email", comment.email)
    writer.element("wp:comment_date", _local(comment.created_at))
    writer.element("wp:comment_date_gmt", _gmt(comment.created_at))
    writer.element("wp:comment_content", "" if deleted else comment.body_html)
    writer.element("wp:comment_approved", APPROVED[Comment.State(comment.state)])
    writer.element("wp:comment_type", "comment")
    writer.element("wp:comment_parent", str(parent or 0))
    writer.close("wp:comment")
