"""What the accounts app holds about one person, for their data request, and closing their
account when they ask for erasure.

An account that no other record depends on is deleted. One that the moderation records
still name (the audit log's `actor`, which is PROTECT: who reported, who appealed) is kept
as a *former* account: its name, address and password are erased and it can never sign in
again, so the records keep their shape and name nobody.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from gazette.accounts.models import FORMER_PREFIX, User


def account_record(user: User) -> dict[str, object]:
    """The account as its holder may read it."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "signed_up_at": user.date_joined.isoformat(),
        "last_signed_in_at": user.last_login.isoformat() if user.last_login else None,
        "email_verified_at": (
            user.email_verified_at.isoformat() if user.email_verified_at else None
        ),
        "staff": user.is_staff,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def close_account(user: User) -> bool:
    """Delete the account, or, when records that must stay still name it, make it a former
    account (`former-<id>`, no address, no name, no password, inactive, no roles). Either way
    every session it had is over: a session outlives neither its account nor a change of its
    password hash. Returns True when the row was deleted. One transaction."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                user.delete()
        except (ProtectedError, RestrictedError):
            _make_former(user)
            return False
    return True


def _make_former(user: User) -> None:
    user.username = f"{FORMER_PREFIX}{user.pk}"
    user.email = ""
    user.display_name = ""
    user.first_name = ""
    user.last_name = ""
    user.email_verified_at = None
    user.last_login = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
