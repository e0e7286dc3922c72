"""Why a page or a caller was refused for a site, in words the site's developers can act on.

Named for the state they report, as the house style asks, hence N818 is off.
"""
# ruff: noqa: N818

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gazette.core.exceptions import DomainError


class SiteError(DomainError):
    default_message = _("This site cannot be served.")


class UnknownSite(SiteError):
    default_message = _("No site is registered under this key.")


class OriginRefused(SiteError):
    default_message = _("Calls from this origin are not allowed for this site.")


class PageNotOnSite(SiteError):
    default_message = _("This page is not served from any of the site's allowed origins.")


class OwnSitePage(SiteError):
    default_message = _(
        "Pages of this newsroom's own site are articles: ask for the article's discussion."
    )


class SignOnRefused(SiteError):
    default_message = _("This sign-on token is not valid: sign the reader in again.")


class SignOnNotEnabled(SignOnRefused):
    default_message = _(
        "This site has no sign-on secret: the newsroom must set one before readers can be "
        "signed in through it."
    )


class SignOnTokenExpired(SignOnRefused):
    default_message = _("This sign-on token has expired: sign the reader in again.")


class SignOnWrongAudience(SignOnRefused):
    default_message = _(
        "This sign-on token is for another site: its “aud” must be this site's key."
    )


class SignOnReplayed(SignOnRefused):
    default_message = _(
        "This sign-on token was already used: sign a new one, with a new “jti”, for each sign-in."
    )


class SignOnClaimsInvalid(SignOnRefused):
    """A claim is missing or unusable; the message names it."""
