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
