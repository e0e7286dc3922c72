"""The HTML of comments in a thread, built in Python rather than one template include per comment.

A thread page shows up to a few hundred comments; an include per comment made templates the
largest cost of the page. Everything a reader wrote is escaped here (html.escape, quotes too),
except body_html, which the sanitiser produced when the comment was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from html import escape

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gazette.comments.models import Comment, Standing
from gazette.comments.queries import Entry


@dataclass(frozen=True)
class Viewer:
    """What differs between readers of the same page."""

    csrf_token: str
    liked_ids: frozenset[int]
    changeable_ids: frozenset[int]
    sort: str = ""
    page: int | None = None


@dataclass(frozen=True)
class EntryParts:
    """One entry's HTML for any viewer: `head`, then (unless it is a placeholder, whose
    `like_count` is None) the like form, `reply`, the edit and delete links, and `tail`."""

    pk: int
    head: str
    like_count: int | None
    reply: str
    tail: str


class EntryRenderer:
    """Renders entries for one request: translations and URL prefixes are looked up once."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        # Every comment URL is this prefix, the comment's ID and a suffix; reversing once per
        # page instead of four times per comment.
        self.base = reverse("comments:permalink", kwargs={"pk": 0})[: -len("0/")]

    @cached_property
    def labels(self) -> dict[str, str]:
        """Our own words, escaped once (a translation could contain markup characters)."""
        words = {
            "like": _("Like"),
            "liked": _("Liked"),
            "reply": _("Reply"),
            "edit": _("Edit"),
            "delete": _("Delete"),
            "edited": _("edited"),
            "deleted": _("Comment deleted."),
            "removed": _("This comment was removed under the Comment Policy."),
            "report": _("Report"),
        }
        return {key: escape(value) for key, value in words.items()}

    @cached_property
    def standings(self) -> dict[str, str]:
        """Who wrote it, as a word beside the name (in text, not only in colour)."""
        return {
            value: f' <span class="comment__standing comment__standing--{value}">'
            f"{escape(str(label))}</span>"
            for value, label in Standing.choices
        }

    @cached_property
    def reply_to_label(self) -> str:
        return _("in reply to %(name)s")

    @cached_property
    def csrf(self) -> str:
        """The token's hidden input, or nothing in a page kept for every reader."""
        if not self.viewer.csrf_token:
            return ""
        return (
            '<input type="hidden" name="csrfmiddlewaretoken" '
            f'value="{escape(self.viewer.csrf_token)}">'
        )

    @cached_property
    def reply_query(self) -> str:
        parts = []
        if self.viewer.sort:
            parts.append(f"csort={self.viewer.sort}")
        if self.viewer.page:
            parts.append(f"cpage={self.viewer.page}")
        return "".join(f"{part}&" for part in parts)

    def render(self, entries: Iterable[Entry]) -> SafeString:
        return self.compose([self.parts(entry) for entry in entries])

    def entry(self, entry: Entry) -> SafeString:
        return self.compose([self.parts(entry)])

    def compose(self, parts: Iterable[EntryParts]) -> SafeString:
        """The list items for this viewer, from parts that are the same for every viewer."""
        html = "".join(
            part.head
            if part.like_count is None
            else (
                f"{part.head}{self._like(part.pk, part.like_count)}{part.reply}"
                f"{self._change(part.pk)}{part.tail}"
            )
            for part in parts
        )
        return mark_safe(html)  # noqa: S308 - every reader-written value is escaped in parts()

    def parts(self, entry: Entry) -> EntryParts:
        """An entry's HTML around the bits that differ between viewers (like, edit, delete).

        Plain string building with explicit escaping: format_html's per-argument escaping
        was most of the cost of a long thread. Only author names come from readers here;
        body_html comes from the sanitiser; the rest are numbers and our own labels.
        """
        # Long by design: the hot path of a long thread, written out once as plain string building.
        comment = entry.comment
        if entry.more_replies:
            return self._more_replies(comment.pk, entry.more_replies)
        pk, depth = comment.pk, entry.depth
        opening = (
            f'<li class="comment comment--depth-{depth}" id="comment-{pk}" data-comment="{pk}" '
            f'data-depth="{depth}">'
        )
        if entry.is_placeholder:
            key = "removed" if comment.state == comment.State.REMOVED else "deleted"
            head = f'{opening}<p class="comment__placeholder">{self.labels[key]}</p></li>'
            return EntryParts(pk, head, None, "", "")
        created = comment.created_at
        shown_time = escape(date_format(localtime(created), "DATETIME_FORMAT"))
        edited = (
            f' <span class="comment__edited">({self.labels["edited"]})</span>'
            if comment.edited_at
            else ""
        )
        head = (
            f'{opening}<p class="comment__meta"><strong class="comment__author">'
            f"{escape(comment.shown_name)}</strong>"
            f"{self.standings.get(comment.author_standing, '')}{self._reply_to(comment)} · "
            f'<a class="comment__permalink" href="{self.base}{pk}/">'
            f'<time datetime="{created.isoformat()}">'
            f"{shown_time}</time></a>{edited}</p>"
            f'<div class="comment__body">{comment.body_html}</div>'
            f'<div class="comment__actions">'
        )
        reply = (
            f' <a class="comment__reply" href="?{self.reply_query}creply={pk}#comment-form" '
            f'data-reply="{pk}" data-reply-name="{escape(comment.shown_name)}">'
            f"{self.labels['reply']}</a>"
        )
        # Served by the moderation app, which lists the clauses a reader may cite.
        tail = (
            f' <a class="comment__report" href="{self.base}{pk}/report/" rel="nofollow">'
            f"{self.labels['report']}</a></div></li>"
        )
        return EntryParts(pk, head, int(comment.like_count), reply, tail)

    def _more_replies(self, root_pk: int, count: int) -> EntryParts:
        """The link to every reply under a top-level comment: a page of its own, no script."""
        text = escape(
            ngettext("%(count)d more reply", "%(count)d more replies", count) % {"count": count}
        )
        head = (
            f'<li class="comment comment--more comment--depth-1" data-more-replies="{root_pk}" '
            f'data-depth="1"><a class="comment__more" href="{self.base}{root_pk}/replies/">'
            f"{text}</a></li>"
        )
        return EntryParts(root_pk, head, None, "", "")

    def _reply_to(self, comment: Comment) -> str:
        if not comment.in_reply_to_id or comment.in_reply_to_id == comment.parent_id:
            return ""
        text = escape(self.reply_to_label % {"name": comment.shown_reply_to_name})
        return f' <a class="comment__reply-to" href="#comment-{comment.in_reply_to_id}">{text}</a>'

    def _like(self, pk: int, like_count: int) -> str:
        liked = pk in self.viewer.liked_ids
        return (
            f'<form class="comment__like" method="post" action="{self.base}{pk}/like/" '
            f'data-like-form>{self.csrf}<input type="hidden" name="liked" '
            f'value="{"" if liked else "on"}"><button type="submit" class="button button--small" '
            f'aria-pressed="{"true" if liked else "false"}">'
            f"<span data-like-label>{self.labels['liked' if liked else 'like']}</span> "
            f"<span data-like-count>{like_count}</span></button></form>"
        )

    def _change(self, pk: int) -> str:
        if pk not in self.viewer.changeable_ids:
            return ""
        return (
            f' <a href="{self.base}{pk}/edit/">{self.labels["edit"]}</a>'
            f' <a href="{self.base}{pk}/delete/">{self.labels["delete"]}</a>'
        )


def count_label(count: int) -> str:
    """The thread's "N Comment(s)" in the active language, as the page's heading says it."""
    return ngettext("%(count)d Comment", "%(count)d Comments", count) % {"count": count}
