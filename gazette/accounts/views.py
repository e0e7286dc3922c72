"""Readers' account pages: sign up, verify an address, sign in and out, reset a password."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from gazette.accounts import services
from gazette.accounts.forms import SignUpForm
from gazette.accounts.models import User
from gazette.accounts.readers import reader_of
from gazette.challenges.limits import limit_action, reader_key
from gazette.challenges.ratelimit import RateLimited


def _base_url(request: HttpRequest) -> str:
    """Where links in e-mails point: GAZETTE_BASE_URL when set, else the request's host."""
    configured: str = settings.GAZETTE_BASE_URL
    return configured.rstrip("/") or request.build_absolute_uri("/").rstrip("/")


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return HttpResponseRedirect(reverse("articles:home"))
    form = SignUpForm(request.POST or None, request=request)
    if request.method != "POST":
        return render(request, "accounts/sign_up.html", {"form": form})
    status = 400
    if form.is_valid():
        reader = reader_of(request)
        try:
            limit_action(
                "signup",
                reader_key=reader_key(user_id=None, anonymous_id=reader.anonymous_id),
                ip_hash=reader.ip_hash,
            )
            user = services.sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                base_url=_base_url(request),
            )
        except RateLimited as exc:
            form.add_error(None, exc.message)
            status = 429
        except services.AccountError as exc:
            form.add_error("email", exc.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! We have sent you a link to confirm your e-mail address."),
            )
            return HttpResponseRedirect(reverse("articles:home"))
    return render(request, "accounts/sign_up.html", {"form": form}, status=status)


@require_safe
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    user = services.verify_email(token=token)
    if user is None:
        return render(request, "accounts/verify_email.html", {"verified": False}, status=400)
    return render(request, "accounts/verify_email.html", {"verified": True})


@require_POST
@login_required
def resend_verification(request: HttpRequest) -> HttpResponse:
    user = request.user
    if isinstance(user, User) and user.email_verified_at is None:
        services.send_verification(user.pk, base_url=_base_url(request))
        messages.info(request, _("We have sent you a new confirmation link."))
    return HttpResponseRedirect(reverse("accounts:profile"))


@require_safe
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html")
