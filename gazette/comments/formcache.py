"""The comment form under an article, rendered once per address, reader kind and language.

Rendering the form's widgets through Django's templates was about a quarter of an article
page. An empty form (no errors, no reply chosen) differs between requests only by the CSRF
token and the signed time it was shown, so each process keeps the last few renderings with
markers in their place and fills in the two values per request. Everything else the template
reads is in the key: the address (links back), the language, the article's address, the
reader's account and name, whether the thread is closed and why, and the settings (the cache is
emptied when a setting changes, as in tests).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from django import forms, template
from django.conf import settings
from django.core.signals import setting_changed
from django.template import Engine
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from gazette.challenges.forms import STAMP_FIELD
from gazette.challenges.widgets import make_stamp
from gazette.comments.discussion import Discussion
from gazette.core import pages

_CSRF_MARK = "gazette-csrf-token-mark"
_STAMP_MARK = "gazette-render-stamp-mark"
_KEPT = 128
_kept: OrderedDict[tuple[object, ...], str] = OrderedDict()
_lock = threading.Lock()
TEMPLATE = "comments/_form.html"


def _key(context: template.Context, discussion: Discussion) -> tuple[object, ...] | None:
    """None when the form must be rendered afresh (errors to show, a reply chosen)."""
    if discussion.given_form is not None or discussion.replying_to is not None:
        return None
    request = context["request"]
    user = getattr(request, "user", None)
    account = user if user is not None and user.is_authenticated else None
    closure = discussion.closure
    return (
        get_language() or settings.LANGUAGE_CODE,
        discussion.article.pk,
        discussion.article.get_absolute_url(),
        request.get_full_path(),
        pages.is_shared(request),
        account.pk if account is not None else None,
        str(getattr(account, "public_name", "")),
        str(closure.message) if closure is not None else None,
        discussion.require_sign_in,
        discussion.policy_url,
    )


def _render(context: template.Context, discussion: Discussion, *, marked: bool) -> str:
    if marked:
        form = discussion.form
        # The stamp's own widget signs a new time on every rendering; a marker is kept instead.
        form.fields[STAMP_FIELD].widget = forms.HiddenInput()
        form.initial[STAMP_FIELD] = _STAMP_MARK
        with context.push(csrf_token=_CSRF_MARK):
            return Engine.get_default().get_template(TEMPLATE).render(context)
    return Engine.get_default().get_template(TEMPLATE).render(context)


def comment_form(context: template.Context, discussion: Discussion) -> SafeString:
    """The form for this request: from this process's copy when one fits."""
    key = _key(context, discussion)
    if key is None:
        return mark_safe(_render(context, discussion, marked=False))  # noqa: S308 - a template's output
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
    if html is None:
        shared = pages.is_shared(context["request"])
        html = _render(context, discussion, marked=not shared)
        with _lock:
            _kept[key] = html
            while len(_kept) > _KEPT:
                _kept.popitem(last=False)
    if _CSRF_MARK in html:
        # The page's own token (one per page, like every {% csrf_token %} of it).
        html = html.replace(_CSRF_MARK, str(context.get("csrf_token", "")))
        html = html.replace(_STAMP_MARK, make_stamp())
    return mark_safe(html)  # noqa: S308 - a template's output, with two values of our own


def forget_kept(**kwargs: Any) -> None:
    with _lock:
        _kept.clear()


setting_changed.connect(forget_kept, dispatch_uid="comments-kept-forms")
