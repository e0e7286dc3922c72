"""What the sites app holds about one person, for their data request, and forgetting it when
they ask for erasure: the host site's ID of a reader it signed in, and their avatar's address."""

from __future__ import annotations

from gazette.accounts.models import User
from gazette.sites.models import SiteAccount


def sign_on_record(user: User) -> dict[str, object] | None:
    """The host site that signs the account in, as its holder may read it (None if none)."""
    link = SiteAccount.objects.select_related("site").filter(user=user).first()
    if link is None:
        return None
    return {
        "site": link.site.name,
        "id_on_site": link.external_id,
        "avatar": link.avatar_url,
        "first_signed_in_at": link.created_at.isoformat(),
        "last_signed_in_at": link.signed_in_at.isoformat(),
    }


def forget_sign_on(user: User) -> int:
    """Forget which reader of a host site the account was: a later sign-in from the site
    starts a new account. Returns how many links were erased."""
    deleted, _by_model = SiteAccount.objects.filter(user=user).delete()
    return deleted
