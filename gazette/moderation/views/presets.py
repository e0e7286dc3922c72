"""The desk's presets page: apply open, sensitive or sub judice to a section or an article in
one step, and see which are in force."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gazette.accounts.models import User
from gazette.moderation.exceptions import ModerationError
from gazette.moderation.forms import PresetForm
from gazette.moderation.models import ModerationMode
from gazette.moderation.services import presets as preset_services


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@permission_required(preset_services.CHANGE_MODES, raise_exception=True)
def presets(request: HttpRequest) -> HttpResponse:
    form = PresetForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and isinstance(request.user, User):
        data = form.cleaned_data
        try:
            preset_services.apply_preset(
                preset=data["preset"],
                actor=request.user,
                section=data["section"],
                article=data["article"],
                reason=data["reason"],
            )
        except ModerationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The preset is applied."))
            return HttpResponseRedirect(reverse("moderation:presets"))
    rows = ModerationMode.objects.select_related("section", "article").order_by("-updated_at")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "rows": rows}
    return render(request, "moderation/presets.html", context, status=status)
