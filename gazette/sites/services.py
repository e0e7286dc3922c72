"""Writes of the sites app: signing a host site's reader in (single sign-on) and announcing
what happens on a site's pages to its webhooks."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gazette.accounts.models import SIGNED_ON_PREFIX, User
from gazette.accounts.names import name_refusal
from gazette.core import clock
from gazette.core.text import NameRefused, clean_name
from gazette.sites import sso, tasks
from gazette.sites.conf import site_settings
from gazette.sites.exceptions import (
    SignOnClaimsInvalid,
    SignOnNotEnabled,
    SignOnRefused,
    SignOnReplayed,
)
from gazette.sites.models import (
    Site,
    SiteAccount,
    UsedSignOnToken,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)


def sign_in_through_site(*, site: Site, token: str) -> User:
    """The account of the host site's reader that `token` names, created on first sign-in and
    brought up to date (name, e-mail, avatar) on each later one. Each token is spent once.

    Raises SignOnNotEnabled (the site has no secret), SignOnTokenExpired, SignOnWrongAudience,
    SignOnReplayed, SignOnClaimsInvalid or SignOnRefused; a refused token writes nothing.
    """
    if not site.sso_secret:
        raise SignOnNotEnabled
    claims = sso.read_token(
        token,
        secret=site.sso_secret,
        audience=site.key,
        max_age=site_settings().sso_max_token_age,
    )
    name = _display_name(claims.name)
    # A spent token is kept while the clock leeway could still let it through.
    forgettable = clock.now() - timedelta(seconds=sso.CLOCK_LEEWAY_SECONDS)
    with transaction.atomic():
        UsedSignOnToken.objects.filter(expires_at__lt=forgettable).delete()
        try:
            with transaction.atomic():
                UsedSignOnToken.objects.create(
                    site=site, jti=claims.jti, expires_at=claims.expires_at
                )
        except IntegrityError as exc:
            raise SignOnReplayed from exc
        return _linked_account(site, claims, name)


def _display_name(given: str) -> str:
    """The name as sign-up would accept it, or SignOnClaimsInvalid saying why not."""
    try:
        name = clean_name(given)[:80].strip()
    except NameRefused as exc:
        raise SignOnClaimsInvalid(str(exc)) from exc
    if not name:
        raise SignOnClaimsInvalid(_("The “name” claim has no letters that can be shown."))
    reserved = name_refusal(name)
    if reserved is not None:
        raise SignOnClaimsInvalid(reserved)
    return name


def _linked_account(site: Site, claims: sso.SignOnClaims, name: str) -> User:
    link = (
        SiteAccount.objects.select_for_update()
        .select_related("user")
        .filter(site=site, external_id=claims.external_id)
        .first()
    )
    if link is None:
        user = User(
            username=f"{SIGNED_ON_PREFIX}{site.key}:{claims.external_id}",
            display_name=name,
            email=claims.email,
        )
        user.set_unusable_password()
        user.save()
        SiteAccount.objects.create(
            site=site,
            external_id=claims.external_id,
            user=user,
            avatar_url=claims.avatar,
            signed_in_at=clock.now(),
        )
        return user
    user = link.user
    if not user.is_active:
        raise SignOnRefused(_("This reader's account here is closed."))
    if user.email != claims.email:
        # A new address is not yet known to reach the reader.
        user.email_verified_at = None
    user.display_name, user.email = name, claims.email
    user.save(update_fields=["display_name", "email", "email_verified_at"])
    link.avatar_url, link.signed_in_at = claims.avatar, clock.now()
    link.save(update_fields=["avatar_url", "signed_in_at"])
    return user


# ---------------------------------------------------------------- webhooks


def announce(*, site_key: str, event: WebhookEvent, data: dict[str, Any]) -> None:
    """Once the current transaction commits, queue `event` for every active webhook of the
    site that asked for it. Call it from inside the write that changed the state: an event is
    announced only if that write is kept. Sending is the task queue's (tasks.deliver_webhook),
    so a slow or failing receiver never holds up the reader's request."""
    # Robust: the reader's write is already kept; a fault here is logged, not shown to them.
    transaction.on_commit(lambda: _queue_deliveries(site_key, event, data), robust=True)


def _queue_deliveries(site_key: str, event: WebhookEvent, data: dict[str, Any]) -> None:
    endpoints = WebhookEndpoint.objects.filter(site__key=site_key, active=True)
    # Events are a short JSON list; SQLite cannot look inside it, so they are read here.
    wanted = [endpoint for endpoint in endpoints if event.value in endpoint.events]
    if not wanted:
        return
    with transaction.atomic():
        deliveries = WebhookDelivery.objects.bulk_create(
            WebhookDelivery(
                endpoint=endpoint, event=event.value, payload=data, next_attempt_at=clock.now()
            )
            for endpoint in wanted
        )
        for delivery in deliveries:
            transaction.on_commit(partial(tasks.deliver_webhook.enqueue, delivery.pk), robust=True)
