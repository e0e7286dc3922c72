"""Readers' account pages: sign up, verify an address, sign in and out, reset a password."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from gazette.accounts import services
from gazette.accounts.forms import SignUpForm
from gazette.accounts.models import User
from gazette.accounts.readers import reader_of
from gazette.challenges.limits import limit_action, limit_address
from gazette.challenges.ratelimit import RateLimited
from gazette.core.http import base_url
from gazette.core.network import address_hash


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
            limit_action("signup", reader)
            limit_address("confirmation_email", address_hash(form.cleaned_data["email"]))
            user = services.sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                base_url=base_url(request),
            )
        except RateLimited as exc:
            form.add_error(None, exc.message)
            status = exc.status
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
        # Counted per address like the first link: the button cannot flood the inbox.
        try:
            limit_address("confirmation_email", address_hash(user.email))
        except RateLimited as exc:
            messages.error(request, exc.message)
        else:
            services.send_verification(user.pk, base_url=base_url(request))
            messages.info(request, _("We have sent you a new confirmation link."))
    return HttpResponseRedirect(reverse("accounts:profile"))


@require_safe
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, counted by the one rate limiter: per reader and address, and per
    destination address whoever asks, so the site cannot be used to flood an inbox. Its links
    follow the site's one absolute-URL rule."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    html_email_template_name = "accounts/email/password_reset_body.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        try:
            limit_action("password_reset", reader_of(self.request))
            limit_address("confirmation_email", address_hash(form.cleaned_data["email"]))
        except RateLimited as exc:
            form.add_error(None, exc.message)
            response = self.render_to_response(self.get_context_data(form=form), status=exc.status)
            response["Retry-After"] = str(exc.retry_after)
            return response
        site = urlsplit(base_url(self.request))
        self.extra_email_context = {"site_name": settings.GAZETTE_SITE_NAME}
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name=self.subject_template_name,
            email_template_name=self.email_template_name,
            html_email_template_name=self.html_email_template_name,
            request=self.request,
            from_email=self.from_email,
            extra_email_context=self.extra_email_context,
        )
        return HttpResponseRedirect(self.get_success_url())
