"""Reads of sites: the one lookup of a site by its key, and the checks a caller and a page
must pass for it."""

from __future__ import annotations

import time
from typing import Any

from django.db.models.signals import post_delete, post_save

from gazette.core import fragments
from gazette.sites import policy
from gazette.sites.exceptions import OriginRefused, PageNotOnSite, UnknownSite
from gazette.sites.models import Site

# Every API call looks its site up, so each process keeps the sites it has read for a few
# seconds: a change made here applies at once (connect_signals), one made through another app
# server within SITE_SECONDS, the bound the shared pages keep too.
SITE_SECONDS = 5
_kept: fragments.KeptInProcess[tuple[float, Site]] = fragments.KeptInProcess(64)


def site_by_key(key: str) -> Site:
    """The site registered under `key` (this install's own included); raises UnknownSite."""
    kept = _kept.get(key)
    if kept is not None and time.monotonic() - kept[0] < SITE_SECONDS:
        return kept[1]
    site = Site.objects.filter(key=key).first()
    if site is None:
        raise UnknownSite
    _kept.keep(key, (time.monotonic(), site))
    return site


def forget_kept(sender: type | None = None, **kwargs: Any) -> None:
    """Drop this process's copies of sites (on every change to one, and between tests)."""
    _kept.clear()


def connect_signals() -> None:
    post_save.connect(forget_kept, sender=Site, dispatch_uid="sites-kept-save")
    post_delete.connect(forget_kept, sender=Site, dispatch_uid="sites-kept-delete")


def check_origin(site: Site, origin: str | None, *, own_origin: str) -> None:
    """Refuse (OriginRefused) a call that a browser sent from a page of another origin than
    the site's; a call without `Origin` (no browser, or a same-origin GET) is not judged here.
    Our own origin (the API's reference page among them) is allowed for every site."""
    if origin is None:
        return
    if not policy.is_allowed_origin(origin, [*site.allowed_origins, own_origin]):
        raise OriginRefused


def check_page(site: Site, url: str) -> None:
    """Refuse (PageNotOnSite) a canonical page address outside the site's allowed origins."""
    if policy.origin_of_page(url) not in set(site.allowed_origins):
        raise PageNotOnSite


def any_site_allows(origin: str) -> bool:
    """Whether some registered site allows calls from `origin` (for CORS preflights, which do
    not say which site they are for)."""
    try:
        canonical = policy.canonical_origin(origin)
    except policy.NotAnOrigin:
        return False
    allowed = Site.objects.registered().values_list("allowed_origins", flat=True)
    return any(canonical in origins for origins in allowed)


def moderation_mode_of(site_key: str) -> str:
    """The site's own moderation mode ("pre" or "post"), or "" to follow the house setting."""
    mode = Site.objects.filter(key=site_key).values_list("moderation_mode", flat=True).first()
    return mode or ""
