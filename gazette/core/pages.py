"""Whole reader pages for readers without a session: rendered once, served as the same bytes.

A reader who carries none of the personal cookies (`personal_cookies()`: the session, flash
messages, the anonymous reader ID, the comment authorship proof) sees exactly what every other
such reader sees, so the page is rendered once and kept, whole, in the shared cache, with its
gzip form and its ETag. What would differ between readers is left out of these pages: no CSRF
token (cross-site posts are refused by where they come from, see core/csrf.py), no render time
in forms, no "you voted", no edit links, no messages.

A kept page is valid while every input it was built from is unchanged. Rendering code declares
those inputs with `depends_on(check, key, value)`: `check` names a function that gives the
current values of many keys at once (a stamp in the shared cache, a thread's version in the
database). Serving a kept page asks each check once, so a hit costs one cache read and one small
query whatever the page shows. Inputs that change with time alone (a scheduled article, a
thread closing after so many days) are bounded by `PAGE_SECONDS` instead.

The answer says `Cache-Control: public, max-age=0, s-maxage=N` (N = GAZETTE_SHARED_PAGE_SECONDS,
5 by default): browsers revalidate every time (304 when nothing changed), a front cache or CDN
may serve its copy for N seconds. That N is the longest a reader can see a page older than the
last post, edit or moderation decision.
"""

from __future__ import annotations

import contextvars
import gzip
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.module_loading import import_string

from gazette.core import fragments

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Check = Callable[[list[str]], dict[str, str]]

# Inputs that change with time alone (scheduled publishing, automatic closing) show within this.
PAGE_SECONDS = 60
STAMP_CHECK = "gazette.core.pages.cache_stamps"
_QUERY_KEPT = ("page", "csort", "cpage")
_MAX_VALUE_LENGTH = 8
_KEPT_IN_PROCESS = 64
_REQUEST_ATTRIBUTE = "_gazette_shared_page"
_MADE_ATTRIBUTE = "_gazette_shared_page_made"
_GZIP_MIN_BYTES = 200


def personal_cookies() -> frozenset[str]:
    """Cookies whose presence makes a request personal (it is then rendered for its reader)."""
    return frozenset({settings.SESSION_COOKIE_NAME, "messages", *settings.GAZETTE_PERSONAL_COOKIES})


def is_shared(request: HttpRequest) -> bool:
    """Whether this request is being answered with the page every cookieless reader gets."""
    return bool(getattr(request, _REQUEST_ATTRIBUTE, False))


def _may_share(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and not personal_cookies() & request.COOKIES.keys()


# ---------------------------------------------------------------- dependencies


@dataclass
class _Recording:
    inputs: dict[str, dict[str, str]] = field(default_factory=dict)
    fresh_until: float = 0.0


_recording: contextvars.ContextVar[_Recording | None] = contextvars.ContextVar(
    "gazette_shared_page_recording", default=None
)


def depends_on(check: str, key: str, value: object) -> None:
    """Declare that the page being rendered shows data whose version under `key` is `value`.

    `check` is the dotted path of a function taking a list of keys and returning the current
    value of each (a missing key counts as the empty string). Outside a shared page, nothing.
    """
    recording = _recording.get()
    if recording is not None:
        recording.inputs.setdefault(check, {})[key] = str(value)


def fresh_until(moment: float) -> None:
    """Declare that the page being rendered changes by itself at `moment` (a Unix time)."""
    recording = _recording.get()
    if recording is not None and moment > time.time():
        recording.fresh_until = min(recording.fresh_until, moment)


def cache_stamps(keys: list[str]) -> dict[str, str]:
    """The current values of stamps kept in the shared cache (fragments.stamp, replace_stamp)."""
    found = fragments.read_many(keys)
    return {key: str(found[key]) for key in keys if found.get(key) is not None}


def stamp(key: str) -> str:
    """A stamp's current value, declared as an input of the page being rendered (outside a
    shared page, nothing is read and the value is empty)."""
    if _recording.get() is None:
        return ""
    value = fragments.stamp(key)
    depends_on(STAMP_CHECK, key, value)
    return value


@cache
def _check(path: str) -> Check:
    return cast(Check, import_string(path))


# ---------------------------------------------------------------- kept pages


@dataclass(frozen=True)
class SharedPage:
    body: bytes
    gzipped: bytes
    etag: str
    content_type: str
    made_at: float
    fresh_until: float
    inputs: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    # What the middleware inside SharedPageMiddleware added (X-Frame-Options, Content-Language,
    # Vary…), replayed when the page is served before them.
    headers: tuple[tuple[str, str], ...] = ()

    def is_current(self) -> bool:
        if time.time() >= self.fresh_until:
            return False
        for check, expected in self.inputs:
            keys = [key for key, _value in expected]
            current = _check(check)(keys)
            if any(current.get(key, "") != value for key, value in expected):
                return False
        return True


_kept: fragments.KeptInProcess[SharedPage] = fragments.KeptInProcess(_KEPT_IN_PROCESS)


def _page_key(request: HttpRequest) -> str | None:
    """The key of this address's shared page, or None when the address is not worth keeping
    (unknown query parameters, such as tracking tags or a reply form's target)."""
    query = request.GET
    if any(name not in _QUERY_KEPT for name in query) or any(
        len(query.getlist(name)) > 1 or len(query[name]) > _MAX_VALUE_LENGTH for name in query
    ):
        return None
    parts = (
        request.get_host(),
        "https" if request.is_secure() else "http",
        # The path names the edition (/en/, /ru/…): the language is not read, since the key is
        # made before LocaleMiddleware has chosen it.
        request.path,
        "&".join(f"{name}={query[name]}" for name in sorted(query)),
        settings.TIME_ZONE,
    )
    return "pages:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _find_here(key: str) -> SharedPage | None:
    """This process's copy of the page under `key`, if it is still current (no cache read)."""
    page = _kept.get(key)
    return page if page is not None and page.is_current() else None


def _find_shared(key: str) -> SharedPage | None:
    """The shared cache's page under `key`, if it is current and newer than this process's
    copy (which SharedPageMiddleware found out of date, or never had): another process may
    have rendered it since."""
    page = _kept.peek(key)
    found = fragments.read(key)
    if not isinstance(found, SharedPage) or (page is not None and found.made_at <= page.made_at):
        return None
    _kept.keep(key, found)
    return found if found.is_current() else None


def forget_kept() -> None:
    """Drop this process's copies (tests use it; production never needs to)."""
    _kept.clear()


def _made(response: HttpResponse, recording: _Recording) -> SharedPage:
    body = response.content
    digest = hashlib.sha256(body).hexdigest()[:32]
    return SharedPage(
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0),
        etag=f'"{digest}"',
        content_type=response["Content-Type"],
        made_at=time.time(),
        fresh_until=recording.fresh_until,
        inputs=tuple(
            (check, tuple(sorted(values.items()))) for check, values in recording.inputs.items()
        ),
    )


def _shared_seconds() -> int:
    return int(settings.GAZETTE_SHARED_PAGE_SECONDS)


def _headers(response: HttpResponseBase, page: SharedPage) -> None:
    for name, value in page.headers:
        if name.lower() == "vary":
            patch_vary_headers(response, [part.strip() for part in value.split(",")])
        elif name not in response:
            response[name] = value
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.made_at)
    patch_cache_control(response, public=True, max_age=0, s_maxage=_shared_seconds())
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))


def _answer(request: HttpRequest, page: SharedPage) -> HttpResponseBase:
    conditional = get_conditional_response(request, etag=page.etag, last_modified=int(page.made_at))
    if conditional is not None:
        _headers(conditional, page)
        return conditional
    wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    compressed = wants_gzip and len(page.body) >= _GZIP_MIN_BYTES
    response = HttpResponse(
        page.gzipped if compressed else page.body, content_type=page.content_type
    )
    if compressed:
        response["Content-Encoding"] = "gzip"
    _headers(response, page)
    return response


@contextmanager
def _recording_for(request: HttpRequest) -> Iterator[_Recording]:
    recording = _Recording(fresh_until=time.time() + PAGE_SECONDS)
    token = _recording.set(recording)
    setattr(request, _REQUEST_ATTRIBUTE, True)
    try:
        yield recording
    finally:
        _recording.reset(token)


def _personal(response: HttpResponseBase) -> HttpResponseBase:
    if isinstance(response, HttpResponse) and response.status_code == 200:  # noqa: PLR2004
        patch_vary_headers(response, ("Cookie",))
        patch_cache_control(response, private=True, no_cache=True)
    return response


def shared_page(view: View) -> View:
    """Serve a reader page whole from the shared cache to readers without personal cookies.

    The view renders as usual; during that rendering `is_shared(request)` is true, so templates
    leave out everything personal, and the code that reads data declares what the page depends
    on (`depends_on`, `stamp`). A personal request is rendered for its reader and marked
    `private, no-cache`. Only 200 answers are kept; redirects and errors pass through.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _may_share(request):
            return _personal(view(request, *args, **kwargs))
        key = _page_key(request)
        kept = _find_shared(key) if key else None
        if kept is not None:
            setattr(request, _MADE_ATTRIBUTE, kept)
            return _answer(request, kept)
        with _recording_for(request) as recording:
            response = view(request, *args, **kwargs)
            if not isinstance(response, HttpResponse) or response.status_code != 200:  # noqa: PLR2004
                return response
            if response.cookies:
                return _personal(response)
            page = _made(response, recording)
        setattr(request, _MADE_ATTRIBUTE, page)
        return _answer(request, page)

    return cast(View, wrapped)


# Set by SharedPageMiddleware; replayed from the first rendering (never Set-Cookie).
_NOT_REPLAYED = frozenset(
    {"content-length", "content-encoding", "etag", "last-modified", "cache-control", "set-cookie"}
)


class SharedPageMiddleware:
    """Serves kept pages before the rest of the middleware runs, and keeps new ones.

    Placed right after SecurityMiddleware and WhiteNoise: a kept page needs no session, user,
    language, CSRF or messages, so a hit costs the shared-cache read and the checks of its
    inputs. A page rendered by a `shared_page` view is kept on its way out, with the headers
    the inner middleware gave it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = _page_key(request) if _may_share(request) else None
        if key is not None:
            # Only this process's copies here, so that other addresses cost no cache read; the
            # view looks in the shared cache before it renders.
            kept = _find_here(key)
            if kept is not None:
                return _answer(request, kept)
        response = self.get_response(request)
        page: SharedPage | None = getattr(request, _MADE_ATTRIBUTE, None)
        if key is not None and page is not None and not page.headers:
            headers = tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in _NOT_REPLAYED
            )
            page = replace(page, headers=headers)
            _kept.keep(key, page)
            fragments.write(key, page, fragments.FRAGMENT_SECONDS)
        elif key is not None and page is not None:
            _kept.keep(key, page)  # found in the shared cache by the view
        return response


def context_processor(request: HttpRequest) -> dict[str, object]:
    """In a shared page, `{% csrf_token %}` renders nothing (and sets no cookie)."""
    return {"csrf_token": "NOTPROVIDED"} if is_shared(request) else {}
