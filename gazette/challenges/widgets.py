"""The three inputs of a human check: the ALTCHA widget (with its no-JavaScript fallback), the
honeypot, and the signed time at which the form was shown."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core import signing
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext

from gazette.core import clock

NO_JS_SUFFIX = "_nojs"
_STAMP_SALT = "gazette.challenges.rendered-at"


@dataclass(frozen=True)
class AltchaSubmission:
    """What the browser sent: the widget's payload, and whether the <noscript> marker came too."""

    payload: str
    no_js: bool


def widget_strings() -> dict[str, str]:
    """The widget's own texts in the reader's language (it otherwise speaks English only)."""
    return {
        "label": gettext("I am not a robot"),
        "verified": gettext("Verified"),
        "verifying": gettext("Verifying…"),
        "waitAlert": gettext("Verifying… please wait."),
        "verificationRequired": gettext("Please complete the Captcha check."),
        "error": gettext("The check failed. Please try again later."),
        "expired": gettext("The check has expired. Please tick the box again."),
        "loading": gettext("Loading…"),
        "reload": gettext("Reload"),
        "verify": gettext("Verify"),
        "enterCode": gettext("Enter code"),
        "enterCodeAria": gettext("Enter the code you hear. Press Space to play the audio."),
        "getAudioChallenge": gettext("Get an audio challenge"),
        "ariaLinkLabel": gettext("About the Captcha check"),
        "footer": "",
    }


class AltchaWidget(forms.Widget):
    """Renders challenges/widget.html: the label, the <altcha-widget> element fetching its
    challenge from our own endpoint, and a <noscript> explanation with a marker field."""

    template_name = "challenges/widget.html"
    # Set by HumanCheckForm: what the <noscript> text promises ("refuse" or "hold"), and the
    # scope its challenge is fetched for.
    no_js_policy = "hold"
    scope = "form"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        # A payload is single-use: a re-rendered form always starts a fresh check.
        context = super().get_context(name, None, attrs)
        context["widget"].update(
            {
                "challenge_url": f"{reverse('challenges:new')}?{urlencode({'for': self.scope})}",
                "strings_json": json.dumps(widget_strings(), ensure_ascii=False),
                "no_js_name": name + NO_JS_SUFFIX,
                "no_js_policy": self.no_js_policy,
            }
        )
        return context

    def value_from_datadict(
        self, data: Any, files: MultiValueDict[str, Any], name: str
    ) -> AltchaSubmission:
        return AltchaSubmission(
            payload=str(data.get(name) or ""), no_js=bool(data.get(name + NO_JS_SUFFIX))
        )

    def value_omitted_from_data(
        self, data: Any, files: MultiValueDict[str, Any], name: str
    ) -> bool:
        return False


class HoneypotInput(forms.TextInput):
    """A text field people never see or reach with Tab, labelled for screen readers as one to
    leave empty. Reported as hidden so Django's form layouts give it no row of its own."""

    template_name = "challenges/honeypot.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "tabindex": "-1", **(attrs or {})})

    @property
    def is_hidden(self) -> bool:
        return True


class RenderStampInput(forms.HiddenInput):
    """A signed record of when the form was shown. A bound form keeps a valid stamp it was sent
    (so correcting a mistake does not look like a form filled in a second)."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        if read_stamp(value) is None:
            value = make_stamp()
        return super().get_context(name, value, attrs)


def make_stamp() -> str:
    return signing.dumps(clock.now().timestamp(), salt=_STAMP_SALT)


def read_stamp(value: object) -> float | None:
    """The Unix time a stamp was made at, or None when it is missing or not ours."""
    if not isinstance(value, str) or not value:
        return None
    try:
        stamped = signing.loads(value, salt=_STAMP_SALT)
    except signing.BadSignature:
        return None
    return float(stamped) if isinstance(stamped, int | float) else None
