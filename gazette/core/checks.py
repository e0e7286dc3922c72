"""Start-up checks (Django's system checks): settings that would fail later, at the first reader
or the first comment, fail here instead, with a message that says what to change.

Run by `manage.py check` and before every server starts; `check --deploy` adds the production
ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.module_loading import import_string

# Settings that name functions other apps plug in, and settings that name templates.
FUNCTION_SETTINGS = ("GAZETTE_ARTICLE_LIST_HOOKS",)
TEMPLATE_SETTINGS = ("GAZETTE_ARTICLE_PANELS", "GAZETTE_HOME_PANELS", "GAZETTE_TEASER_BADGES")


@checks.register(checks.Tags.compatibility)
def check_dotted_paths(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every function a setting names can be imported and called."""
    problems: list[checks.CheckMessage] = []
    for name in FUNCTION_SETTINGS:
        for path in _listed(name):
            try:
                function = import_string(path)
            except ImportError as exc:
                problems.append(
                    _error(
                        "E001",
                        f"{name} names {path!r}, which cannot be imported: {exc}.",
                        "Correct the dotted path, or remove it from the list.",
                    )
                )
                continue
            if not callable(function):
                problems.append(
                    _error(
                        "E001",
                        f"{name} names {path!r}, which is not a function.",
                        "Name a function.",
                    )
                )
    return problems


@checks.register(checks.Tags.templates)
def check_template_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every template a setting names exists."""
    problems: list[checks.CheckMessage] = []
    for name in TEMPLATE_SETTINGS:
        for path in _listed(name):
            try:
                get_template(path)
            except TemplateDoesNotExist:
                problems.append(
                    _error(
                        "E002",
                        f"{name} names the template {path!r}, which does not exist.",
                        "Correct the template's name, or remove it from the list.",
                    )
                )
    return problems


@checks.register(checks.Tags.security, deploy=True)
def check_base_url(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """In production every link in an e-mail, feed and sitemap needs the site's own address."""
    base: str = getattr(settings, "GAZETTE_BASE_URL", "")
    if not base:
        return [
            _error(
                "E004",
                "GAZETTE_BASE_URL is not set: e-mails sent by the task worker would carry no "
                "usable link.",
                "Set GAZETTE_BASE_URL to the site's public address, e.g. https://news.example.org.",
            )
        ]
    if not base.startswith(("https://", "http://")):
        return [
            _error(
                "E004",
                f"GAZETTE_BASE_URL is {base!r}: it must start with https:// (or http://).",
                "Write the whole address, e.g. https://news.example.org.",
            )
        ]
    return []


def _listed(name: str) -> Iterable[str]:
    value = getattr(settings, name, [])
    return [value] if isinstance(value, str) else list(value)


def settings_parse(read: Callable[[], object]) -> list[checks.CheckMessage]:
    """For an app's own check: its settings reader raises no ImproperlyConfigured."""
    try:
        read()
    except ImproperlyConfigured as exc:
        return [_error("E003", str(exc), "See README.md for the setting and its form.")]
    return []


def _error(code: str, message: str, hint: str) -> checks.Error:
    return checks.Error(message, hint=hint, id=f"gazette.{code}")


# A signing key shorter than this, or with fewer different characters, can be guessed.
SECRET_MIN_LENGTH = 32
SECRET_MIN_DISTINCT = 10


def weak_secret(value: str) -> bool:
    return len(value) < SECRET_MIN_LENGTH or len(set(value)) < SECRET_MIN_DISTINCT


@checks.register(checks.Tags.security, deploy=True)
def check_signing_keys(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every key Gazette signs with is long and varied enough (SECRET_KEY signs cookies, status
    links and e-mail tokens; the captcha key signs challenges)."""
    keys = {"SECRET_KEY": str(getattr(settings, "SECRET_KEY", ""))}
    challenge_key = str(getattr(settings, "GAZETTE_CHALLENGES", {}).get("HMAC_KEY", ""))
    if challenge_key:  # empty: derived from SECRET_KEY
        keys["ALTCHA_HMAC_KEY"] = challenge_key
    return [
        _error(
            "E006",
            f"{name} is too weak to sign with: at least {SECRET_MIN_LENGTH} characters, "
            f"{SECRET_MIN_DISTINCT} of them different.",
            "Generate one: python -c 'import secrets; print(secrets.token_urlsafe(48))'.",
        )
        for name, value in keys.items()
        if weak_secret(value)
    ]
