"""Threads, comments, their edit history, likes, closed sections and reply subscriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gazette.articles.models import Article, Section

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class Thread(models.Model):
    """The discussion of one page, keyed by (site, key): an article of ours or another site's page.

    `comment_count` counts published comments only; every state change adjusts it with an F()
    expression in the transaction that makes the change, so it stays exact under concurrency.
    `version` moves the same way on every change readers could see.
    """

    site = models.CharField(_("site"), max_length=64)
    key = models.CharField(_("key"), max_length=255)
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.CharField(_("page address"), max_length=500, blank=True)
    comment_count = models.PositiveIntegerField(_("published comments"), default=0)
    # Raised with an F() expression, in the same transaction, by every change to what the thread
    # shows (a comment posted, edited, liked, deleted, moderated): cached pages are keyed by it.
    version = models.PositiveBigIntegerField(_("version"), default=0, editable=False)
    is_closed = models.BooleanField(_("closed"), default=False)
    closed_reason = models.CharField(
        _("reason for closing"),
        max_length=200,
        blank=True,
        help_text=_("Shown to readers under the closed thread."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        constraints = [models.UniqueConstraint(fields=["site", "key"], name="one_thread_per_key")]
        indexes = [models.Index(fields=["site", "article"])]

    comments: RelatedManager[Comment]

    def __str__(self) -> str:
        return self.title or self.key

    @property
    def page_url(self) -> str:
        if self.article is not None:
            return self.article.get_absolute_url()
        return self.url


class ClosedSection(models.Model):
    """A section whose articles accept no comments."""

    section = models.OneToOneField(
        Section, on_delete=models.CASCADE, related_name="+", verbose_name=_("section")
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    closed_at = models.DateTimeField(_("closed"), auto_now_add=True)

    class Meta:
        verbose_name = _("section closed to comments")
        verbose_name_plural = _("sections closed to comments")

    def __str__(self) -> str:
        return str(self.section)


class CommentQuerySet(models.QuerySet["Comment"]):
    def published(self) -> CommentQuerySet:
        return self.filter(state=Comment.State.PUBLISHED)


class Standing(models.TextChoices):
    """Who wrote a comment, as readers see it beside the name."""

    GUEST = "guest", _("Guest")
    READER = "reader", _("Reader")
    VERIFIED = "verified", _("Verified reader")
    STAFF = "staff", _("Newsroom staff")


def former_reader() -> str:
    # Translators: shown instead of the name of a comment's author who asked to be forgotten.
    return gettext("Former reader")


class Comment(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Held for review")
        PUBLISHED = "published", _("Published")
        REMOVED = "removed", _("Removed by moderation")
        DELETED = "deleted", _("Deleted by its author")

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="comments", verbose_name=_("thread")
    )
    # Where the comment sits in the tree; past the depth limit this is an ancestor of the comment
    # actually answered, which `in_reply_to` keeps.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    root = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="descendants"
    )
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    in_reply_to_name = models.CharField(max_length=80, blank=True)
    depth = models.PositiveSmallIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("account"),
    )
    # The reader's one key (accounts.readers): "user:7" or "anon:<cookie ID>". No personal data.
    author_key = models.CharField(_("reader key"), max_length=100, blank=True, editable=False)
    author_name = models.CharField(_("name"), max_length=80)
    # Who the author was when they wrote it, shown beside the name (policy.author_standing).
    author_standing = models.CharField(
        _("author's standing"),
        max_length=10,
        choices=Standing.choices,
        default=Standing.GUEST,
        editable=False,
    )
    # Never shown: used only for reply notifications the author asked for.
    email = models.EmailField(_("e-mail address"), blank=True)
    body = models.TextField(_("comment"))
    body_html = models.TextField(editable=False)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PUBLISHED
    )
    policy_version = models.CharField(_("Comment Policy version accepted"), max_length=20)
    # The interface language it was posted from: moderation writes to its author in it.
    language = models.CharField(_("language"), max_length=8, blank=True)
    abuse_signals = models.JSONField(_("abuse signals"), default=dict, blank=True)
    screening_reasons = models.JSONField(_("screening reasons"), default=list, blank=True)
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True)
    fingerprint = models.CharField(max_length=64, editable=False)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    subscription = models.ForeignKey(
        "ReplySubscription",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    created_at = models.DateTimeField(_("posted"), db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["thread", "parent", "state", "created_at"]),
            models.Index(fields=["thread", "parent", "state", "-like_count"]),
            models.Index(fields=["root", "state"]),
            models.Index(fields=["thread", "fingerprint", "created_at"]),
            # An address's history: trust under pre-moderation, the moderators' author view.
            models.Index(fields=["ip_hash", "state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True, depth=0)
                | Q(parent__isnull=False, root__isnull=False, depth__gt=0),
                name="comment_depth_matches_parent",
            )
        ]

    revisions: RelatedManager[CommentRevision]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"

    def get_absolute_url(self) -> str:
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def shown_name(self) -> str:
        """The author's name as readers see it: "Former reader" once the author asked for their
        data to be erased (the name is then empty), in the language of the page."""
        return self.author_name or former_reader()

    @property
    def shown_reply_to_name(self) -> str:
        """The name of the author this comment answers, as readers see it."""
        return self.in_reply_to_name or former_reader()

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def rendered_body(self) -> SafeString:
        """The comment as HTML for templates: body_html is written only by the one sanitising
        renderer (core.text.render_markdown), when the comment is posted or edited."""
        return mark_safe(self.body_html)  # noqa: S308 - produced by the sanitiser, never by hand


class CommentRevision(models.Model):
    """A comment's text before one of its author's edits, kept for moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("replaced"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")

    def __str__(self) -> str:
        return self.body[:40]


class CommentLike(models.Model):
    """One reader's like: an account's, or an anonymous reader's cookie ID when signed out."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    anonymous_id = models.CharField(max_length=64, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(user__isnull=False),
                name="one_like_per_account",
            ),
            models.UniqueConstraint(
                fields=["comment", "anonymous_id"],
                condition=Q(user__isnull=True),
                name="one_like_per_anonymous_reader",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(anonymous_id=""),
                name="like_has_a_reader",
            ),
        ]

    def __str__(self) -> str:
        return f"like of {self.comment_id}"


class ReplySubscription(models.Model):
    """An e-mail address that asked to hear of replies, once it has confirmed it wants to."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reply notification subscription")
        verbose_name_plural = _("reply notification subscriptions")

    def __str__(self) -> str:
        return f"subscription {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None
