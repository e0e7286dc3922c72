"""Reading a WordPress export (WXR 1.0 to 1.2): the channel's authors, then one <item> per post
or page with its <wp:comment>s. Attachments, menus and other items are not pages readers
commented on, and are passed over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from gazette.importers import fields, xmlstream
from gazette.importers.records import (
    Fault,
    Markup,
    Record,
    SourceComment,
    SourcePost,
    SourceState,
    SourceThread,
)

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
PAGE_TYPES = frozenset({"post", "page"})
# Posts in these states are imported as articles (drafts unless published).
POST_STATES = frozenset({"publish", "future", "draft", "pending", "private"})
APPROVED = {"1": SourceState.PUBLISHED, "0": SourceState.PENDING, "spam": SourceState.SPAM}
NOT_COMMENTS = frozenset({"pingback", "trackback"})


def _is_wordpress(tag: str) -> bool:
    # WordPress has written both http:// and https:// into this namespace.
    return xmlstream.namespace(tag).partition("://")[2].startswith("wordpress.org/export/")


def _fields(element: Element) -> dict[str, str]:
    """The element's WordPress children by local name (the namespace's version varies)."""
    return {
        xmlstream.local_name(child.tag): xmlstream.text_of(child)
        for child in element
        if _is_wordpress(child.tag)
    }


def read(path: Path) -> Iterator[Record]:
    authors: dict[str, str] = {}
    for element in xmlstream.records(path, lambda parent: parent.tag == "channel"):
        if _is_wordpress(element.tag) and xmlstream.local_name(element.tag) == "author":
            values = _fields(element)
            authors[values.get("author_login", "")] = values.get("author_display_name", "")
        elif element.tag == "item":
            yield from _item(element, authors)


def _item(element: Element, authors: dict[str, str]) -> Iterator[Record]:
    values = _fields(element)
    post_type = values.get("post_type", "post")
    comments = [child for child in element if xmlstream.local_name(child.tag) == "comment"]
    if post_type not in PAGE_TYPES:
        for comment in comments:
            ref = _fields(comment).get("comment_id", "")
            yield Fault(_("a comment on an item that is not a post or page"), ref=ref)
        return
    link = xmlstream.text_of(element.find("link"))
    ref = values.get("post_id") or link
    try:
        post = _post(element, values, authors) if post_type == "post" else None
    except fields.FieldFault as exc:
        yield Fault(str(exc), ref=ref, where=link, is_comment=False)
        post = None
    yield SourceThread(
        ref=ref,
        link=link,
        title=xmlstream.text_of(element.find("title")),
        identifier=values.get("post_id", ""),
        is_closed=values.get("comment_status") == "closed",
        post=post,
    )
    for comment in comments:
        yield _comment(comment, ref)


def _post(element: Element, values: dict[str, str], authors: dict[str, str]) -> SourcePost | None:
    status = values.get("status", "publish")
    if status not in POST_STATES:
        return None
    login = xmlstream.text_of(element.find(DC_CREATOR))
    tags = tuple(
        (category.get("nicename", ""), xmlstream.text_of(category))
        for category in element.findall("category")
        if category.get("domain") == "post_tag" and category.get("nicename")
    )
    return SourcePost(
        title=xmlstream.text_of(element.find("title")),
        slug=values.get("post_name", ""),
        author_login=login,
        author_name=authors.get(login) or login,
        published_at=_post_date(values),
        is_published=status in {"publish", "future"},
        body_html=xmlstream.text_of(element.find(CONTENT)),
        tags=tags,
    )


def _post_date(values: dict[str, str]) -> datetime | None:
    """A post that never had a date (a draft, a partial export) is imported as a draft."""
    gmt, local = values.get("post_date_gmt", ""), values.get("post_date", "")
    if not gmt and not local:
        return None
    return fields.wordpress_timestamp(gmt, local)


def _comment(element: Element, thread_ref: str) -> Record:
    values = _fields(element)
    ref = values.get("comment_id", "")
    if not ref:
        return Fault(_("a comment without an ID"), where=thread_ref)
    if values.get("comment_type") in NOT_COMMENTS:
        return Fault(_("a pingback or trackback, not a reader's comment"), ref=ref)
    approved = values.get("comment_approved", "1")
    if approved not in APPROVED:
        return Fault(_("a comment in the bin (%(status)s)") % {"status": approved[:20]}, ref=ref)
    try:
        created_at = fields.wordpress_timestamp(
            values.get("comment_date_gmt", ""), values.get("comment_date", "")
        )
    except fields.FieldFault as exc:
        return Fault(str(exc), ref=ref)
    parent = values.get("comment_parent", "0")
    return SourceComment(
        ref=ref,
        thread_ref=thread_ref,
        parent_ref="" if parent in {"", "0"} else parent,
        created_at=created_at,
        author_name=values.get("comment_author", ""),
        email=fields.email(values.get("comment_author_email", "")),
        ip=values.get("comment_author_IP", ""),
        body=values.get("comment_content", ""),
        markup=Markup.WORDPRESS,
        state=APPROVED[approved],
    )
