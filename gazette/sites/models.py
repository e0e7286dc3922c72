"""The sites whose pages have discussions here: this install's own, and the sites a newsroom
registers so that their pages get threads and polls of their own."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gazette.sites.policy import NotAnOrigin, canonical_origin


class ModerationChoice(models.TextChoices):
    """How comments on the site's pages are moderated; empty follows the house setting."""

    HOUSE = "", _("As the newsroom's setting says")
    PRE = "pre", _("Pre-moderation: every comment is read before it appears")
    POST = "post", _("Post-moderation: comments appear at once and are reviewed after")


class SiteQuerySet(models.QuerySet["Site"]):
    def registered(self) -> SiteQuerySet:
        """The other sites a newsroom registered (not this install's own)."""
        return self.filter(is_own=False)


class Site(models.Model):
    """A site whose pages are discussed here, named by the key threads and polls carry.

    The install's own site (`is_own`) is created by the first migration with the key of
    settings.GAZETTE_SITE_ID; its pages are our articles, keyed by article. Any other site's
    page is keyed by its canonical address, and must be served from one of its allowed origins.
    """

    key = models.SlugField(
        _("key"),
        max_length=64,
        unique=True,
        help_text=_("Short and permanent: threads and polls of the site's pages carry it."),
    )
    name = models.CharField(_("name"), max_length=200)
    allowed_origins = models.JSONField(
        _("allowed origins"),
        default=list,
        blank=True,
        help_text=_(
            "Exact scheme, host and port of the site's pages, e.g. https://news.example.org. "
            "Pages elsewhere, and calls from other origins, are refused."
        ),
    )
    default_edition = models.CharField(
        _("default edition"),
        max_length=8,
        default="en",
        help_text=_("The language of the site's pages, for messages and notices."),
    )
    moderation_mode = models.CharField(
        _("moderation mode"),
        max_length=4,
        choices=ModerationChoice.choices,
        default=ModerationChoice.HOUSE,
        blank=True,
    )
    policy_url = models.URLField(
        _("Comment Policy address"),
        blank=True,
        help_text=_("The site's own Comment Policy; leave empty to use the newsroom's."),
    )
    # Signs readers signed in through the site (single sign-on); never shown after it is set.
    sso_secret = models.CharField(_("sign-on secret"), max_length=200, blank=True)
    is_own = models.BooleanField(_("this install's own site"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["-is_own", "name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        constraints = [
            models.UniqueConstraint(
                fields=["is_own"], condition=Q(is_own=True), name="one_own_site"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        origins = self.allowed_origins
        if not isinstance(origins, list) or not all(isinstance(item, str) for item in origins):
            raise ValidationError(
                {"allowed_origins": _("Give the origins as a list of addresses.")}
            )
        canonical = []
        for origin in origins:
            try:
                canonical.append(canonical_origin(origin))
            except NotAnOrigin:
                raise ValidationError(
                    {
                        "allowed_origins": _(
                            "“%(origin)s” is not an origin: write the scheme, the host and "
                            "the port if any, with nothing after them."
                        )
                        % {"origin": origin}
                    }
                ) from None
        self.allowed_origins = sorted(set(canonical))
        if self.default_edition not in dict(settings.LANGUAGES):
            raise ValidationError({"default_edition": _("Choose one of the site's editions.")})


class SiteAccount(models.Model):
    """A reader of a host site signed in here through single sign-on: the host's own ID for
    them, linked to the account they comment under (so sanctions and notices follow it)."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("site")
    )
    external_id = models.CharField(_("ID on the site"), max_length=100)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="site_account",
        verbose_name=_("account"),
    )
    avatar_url = models.URLField(_("avatar address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    signed_in_at = models.DateTimeField(_("last signed in"))

    class Meta:
        verbose_name = _("account signed in through a site")
        verbose_name_plural = _("accounts signed in through sites")
        constraints = [
            models.UniqueConstraint(fields=["site", "external_id"], name="one_account_per_id")
        ]

    def __str__(self) -> str:
        return f"{self.site.key}:{self.external_id}"


class UsedSignOnToken(models.Model):
    """A sign-on token already spent, kept until it expires so that it cannot be replayed."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    jti = models.CharField(max_length=200)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "jti"], name="token_used_once")]
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return self.jti


class WebhookEvent(models.TextChoices):
    COMMENT_CREATED = "comment.created", _("A comment is posted")
    COMMENT_PUBLISHED = "comment.published", _("A comment is published")
    COMMENT_REMOVED = "comment.removed", _("A comment is removed by moderation")
    REPORT_CREATED = "report.created", _("A comment is reported")
    APPEAL_CREATED = "appeal.created", _("An appeal is filed")
    APPEAL_DECIDED = "appeal.decided", _("An appeal is decided")


class WebhookEndpoint(models.Model):
    """An address of a site that is told, signed with its secret, what happens on its pages."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="webhooks", verbose_name=_("site")
    )
    url = models.URLField(_("address"), max_length=500)
    # Signs every delivery; the receiver keeps the same secret to check it.
    secret = models.CharField(_("signing secret"), max_length=200)
    events = models.JSONField(_("events"), default=list)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["site", "url"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.url

    def clean(self) -> None:
        known = set(WebhookEvent.values)
        if not isinstance(self.events, list) or not set(self.events) <= known:
            raise ValidationError({"events": _("Choose events from the list.")})


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Given up after every attempt failed")


class WebhookDelivery(models.Model):
    """One event for one webhook, with what became of sending it."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("webhook"),
    )
    event = models.CharField(_("event"), max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} #{self.pk}"
