"""Readers' account actions: sign up, verify an e-mail address."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from gazette.accounts import verification
from gazette.accounts.models import SIGNED_ON_PREFIX, User
from gazette.core import clock


class AccountError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def sign_up(*, email: str, password: str, display_name: str, base_url: str) -> User:
    """Create a reader's account (signed in by the caller) and mail a verification link.

    The address is the account's user name, compared without regard to case. Raises
    AccountError when an account already uses the address.
    """
    address = email.strip().lower()
    try:
        with transaction.atomic():
            taken = User.objects.filter(email__iexact=address).exclude(
                username__startswith=SIGNED_ON_PREFIX
            )
            if taken.exists():
                raise AccountError(_("An account with this e-mail address already exists."))
            user = User(username=address, email=address, display_name=display_name.strip())
            user.set_password(password)
            user.save()
            user_id = user.pk
            transaction.on_commit(lambda: send_verification(user_id, base_url=base_url))
    except IntegrityError as exc:
        raise AccountError(_("An account with this e-mail address already exists.")) from exc
    return user


def send_verification(user_id: int, *, base_url: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return
    path = reverse(
        "accounts:verify_email",
        kwargs={"token": verification.verification_token(user.pk, user.email)},
    )
    context = {
        "user": user,
        "verify_url": base_url.rstrip("/") + path,
        "site_name": settings.GAZETTE_SITE_NAME,
    }
    subject = " ".join(render_to_string("accounts/email/verify_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("accounts/email/verify_body.txt", context),
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string("accounts/email/verify_body.html", context), "text/html"
    )
    message.send()


def verify_email(*, token: str) -> User | None:
    """Mark the address a link was sent to as verified; None for a bad or outdated link."""
    found = verification.read_verification_token(token)
    if found is None:
        return None
    user_id, digest = found
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
        if user is None or not verification.matches(user.email, digest):
            return None
        if user.email_verified_at is None:
            user.email_verified_at = clock.now()
            user.save(update_fields=["email_verified_at"])
    return user
