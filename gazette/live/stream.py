"""The event stream, `GET /events/?channel=…`: server-sent events served straight over ASGI.

It sits beside Django rather than inside it (gazette/asgi.py routes /events/ here): a stream
stays open for minutes, and Django's handler would keep a thread and a request's worth of
objects for each. Here a stream is a coroutine, a small Listener in the process's hub and a
list of frames; it makes no query per event (the hub reads the log once for all of them).

The answer is `text/event-stream` with `Cache-Control: no-cache` and `X-Accel-Buffering: no`
(nginx passes it through unbuffered; deploy/nginx/locations.conf says so too). It opens with
`retry:`, resumes after `Last-Event-ID` (or `?last_event_id=`, for a page reopening its
stream), sends a comment line as a heartbeat, and closes a stream idle for too long with a
longer `retry:`. Beyond the limits it answers 503 with `Retry-After` and a sentence saying why.

Other sites' pages (the widget) ask for a page by its site and key, `?site=…&key=…`, rather
than by channel: the stream names the channel itself and serves it to the origins that site
allows, as the API does (sites.queries.check_origin, looked up once when the stream opens).
Any other cross-origin request, the moderation channel's among them, is answered 403 without
CORS headers, so the browser gives the page nothing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from gazette.core.network import address_behind_proxies, counted_network
from gazette.live import origins, replay
from gazette.live.channels import is_known, page_channel
from gazette.live.conf import STAFF_CHANNELS
from gazette.live.hub import Frame, Hub, Listener, StreamsExhausted, process_hub
from gazette.live.replay import tidy_connection

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

MAX_CHANNELS = 4
HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache, no-store"),
    (b"x-accel-buffering", b"no"),
    (b"x-content-type-options", b"nosniff"),
    # Whether the answer names an origin depends on the one that asked.
    (b"vary", b"Origin"),
]
# A browser resuming a cross-origin stream sends Last-Event-ID, which it asks leave for first.
PREFLIGHT_SECONDS = 600


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def client_address(scope: Scope) -> str:
    client = scope.get("client") or ("", 0)
    forwarded = _header(scope, b"x-forwarded-for")
    return counted_network(address_behind_proxies(forwarded, str(client[0])))


def _last_event_id(scope: Scope, query: dict[str, list[str]]) -> int | None:
    given = _header(scope, b"last-event-id") or (query.get("last_event_id") or [""])[0]
    return int(given) if given.isdigit() else None


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]]) -> None:
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"cache-control", b"no-store"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


def _refusal(exc: StreamsExhausted) -> str:
    if exc.per_address:
        return _(
            "Too many live updates are open from your address. Close a page or two; this one "
            "will try again by itself."
        )
    return _("Live updates are busy right now. The page will try again by itself.")


def _own_origin(scope: Scope) -> str:
    configured: str = settings.GAZETTE_BASE_URL
    if configured:
        return origins.rule().canonical(configured) or configured
    return f"{scope.get('scheme', 'http')}://{_header(scope, b'host')}"


def _foreign_origin(scope: Scope) -> str | None:
    """The origin of another site's page asking (None for our own pages, which send none
    or their own)."""
    origin = _header(scope, b"origin")
    if not origin:
        return None
    return None if origins.rule().canonical(origin) == _own_origin(scope) else origin


def _site_allows(site_key: str, origin: str, own_origin: str) -> bool:
    """Whether the site registered as `site_key` allows pages of `origin` (the API's rule)."""
    try:
        return origins.rule().allows(site_key, origin, own_origin=own_origin)
    finally:
        tidy_connection()


async def _cors_headers(scope: Scope, site_key: str | None) -> list[tuple[bytes, bytes]] | None:
    """The CORS headers of an answer to this request: none for our own pages, the origin's for
    a page of a site that allows it, None (refused) for any other origin."""
    origin = _foreign_origin(scope)
    if origin is None:
        return []
    if site_key is None or not await sync_to_async(_site_allows)(
        site_key, origin, _own_origin(scope)
    ):
        return None
    return [(b"access-control-allow-origin", origin.encode("latin-1"))]


async def _refuse_origin(send: Send) -> None:
    await _plain(
        send,
        403,
        _("Live updates of this page are not sent to pages of other sites."),
        [(b"vary", b"Origin")],
    )


async def _preflight(scope: Scope, send: Send, site_key: str | None) -> None:
    cors = await _cors_headers(scope, site_key)
    if not cors:
        await _refuse_origin(send)
        return
    headers = [
        *cors,
        (b"access-control-allow-methods", b"GET"),
        (b"access-control-allow-headers", b"Last-Event-ID"),
        (b"access-control-max-age", str(PREFLIGHT_SECONDS).encode()),
        (b"vary", b"Origin"),
    ]
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def _first(query: dict[str, list[str]], name: str) -> str:
    return (query.get(name) or [""])[0]


async def _wait_for_disconnect(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


def make_app(hub_of: Callable[[], Hub] = process_hub) -> Callable[[Scope, Receive, Send], Any]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        lang = _first(query, "lang") or settings.LANGUAGE_CODE
        with translation.override(lang if lang in dict(settings.LANGUAGES) else None):
            await _answer(scope, receive, send, hub_of(), query)

    return app


async def _answer(
    scope: Scope, receive: Receive, send: Send, hub: Hub, query: dict[str, list[str]]
) -> None:
    site_key = _first(query, "site") or None
    if scope["method"] == "OPTIONS" and _header(scope, b"access-control-request-method"):
        await _preflight(scope, send, site_key)
        return
    if scope["method"] not in ("GET", "HEAD"):
        await _plain(send, 405, "GET only", [(b"allow", b"GET")])
        return
    channels = frozenset(query.get("channel", []))
    if site_key is not None:
        # A page of a site asks by the site and key its thread has (the widget), and for
        # nothing else.
        page_key = _first(query, "key")
        named = page_key and not channels
        channels = frozenset({page_channel(site_key, page_key)} if named else ())
    await _serve(
        scope=scope,
        receive=receive,
        send=send,
        hub=hub,
        channels=channels,
        site_key=site_key,
        last_id=_last_event_id(scope, query),
        # A page rendered for its reader alone (the queue) already shows everything before
        # it opened its stream: it asks for no first replay.
        fresh=_first(query, "replay") == "0",
    )


async def _serve(
    *,
    scope: Scope,
    receive: Receive,
    send: Send,
    hub: Hub,
    channels: frozenset[str],
    site_key: str | None,
    last_id: int | None,
    fresh: bool = False,
) -> None:
    cors = await _cors_headers(scope, site_key)
    if cors is None:
        await _refuse_origin(send)
        return
    if not channels or len(channels) > MAX_CHANNELS or not all(map(is_known, channels)):
        await _plain(send, 400, _("Unknown live update channel."), cors)
        return
    permissions = [STAFF_CHANNELS[c] for c in channels if c in STAFF_CHANNELS]
    if permissions and not await sync_to_async(_may_listen)(_header(scope, b"cookie"), permissions):
        await _plain(send, 403, _("These live updates are for moderators only."), [])
        return
    await hub.ensure_started()
    try:
        listener = hub.open(channels, client_address(scope))
    except StreamsExhausted as exc:
        retry = "60" if exc.per_address else "30"
        await _plain(send, 503, _refusal(exc), [(b"retry-after", retry.encode()), *cors])
        return
    try:
        await _stream(
            scope=scope,
            receive=receive,
            send=send,
            hub=hub,
            headers=[*HEADERS, *cors],
            listener=listener,
            last_id=last_id,
            fresh=fresh,
        )
    finally:
        hub.close(listener)


async def _missed(
    hub: Hub, listener: Listener, last_id: int | None, *, fresh: bool
) -> list[Frame] | None:
    """What the stream missed: after its last id (None: too much, the page should reload), or
    on a first connection the last minute's events, which the page applies idempotently
    (nothing for a `fresh` page)."""
    channels, conf = listener.channels, hub.conf
    if last_id is None:
        return [] if fresh else hub.recent(channels, conf.first_replay_seconds)
    kept = hub.kept_since(channels, last_id)
    if kept is not None:
        return kept
    return await sync_to_async(replay.events_after)(channels, last_id, conf.replay_limit)


async def _stream(
    *,
    scope: Scope,
    receive: Receive,
    send: Send,
    hub: Hub,
    headers: list[tuple[bytes, bytes]],
    listener: Listener,
    last_id: int | None,
    fresh: bool,
) -> None:
    conf = hub.conf
    # The listener is already subscribed: what arrives while the missed events are read is
    # kept in its frames, and anything sent twice is dropped by id below.
    missed = await _missed(hub, listener, last_id, fresh=fresh)
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    if scope["method"] == "HEAD":
        await send({"type": "http.response.body", "body": b""})
        return
    opening = [f"retry: {conf.retry_ms}\n\n".encode()]
    sent = last_id or 0
    if missed is None:
        opening.append(b"event: reset\ndata: {}\n\n")
    else:
        for frame in missed:
            opening.append(frame.data)
            sent = max(sent, frame.id)
    await send({"type": "http.response.body", "body": b"".join(opening), "more_body": True})
    disconnect = asyncio.ensure_future(_wait_for_disconnect(receive))
    try:
        await _follow(send, hub, listener, disconnect, sent)
    finally:
        disconnect.cancel()


async def _follow(
    send: Send, hub: Hub, listener: Listener, disconnect: asyncio.Future[None], sent: int
) -> None:
    conf = hub.conf
    loop = asyncio.get_running_loop()
    last_event = last_beat = time.monotonic()
    while True:
        if listener.frames:
            fresh = [f.data for f in listener.frames if f.id > sent]
            sent = max(sent, listener.frames[-1].id)
            listener.frames.clear()
            if fresh:
                await send(
                    {"type": "http.response.body", "body": b"".join(fresh), "more_body": True}
                )
                last_event = last_beat = time.monotonic()
            continue
        now = time.monotonic()
        if listener.overflowed or now - last_event >= conf.idle_seconds:
            # Come back later, from the last id: nothing is lost meanwhile.
            ending = f"retry: {conf.idle_retry_ms}\n\n".encode()
            await send({"type": "http.response.body", "body": ending, "more_body": False})
            return
        if now - last_beat >= conf.heartbeat_seconds:
            await send({"type": "http.response.body", "body": b": \n\n", "more_body": True})
            last_beat = now
        listener.waiter = loop.create_future()
        timeout = min(
            conf.heartbeat_seconds - (now - last_beat), conf.idle_seconds - (now - last_event)
        )
        done, _pending = await asyncio.wait(
            (listener.waiter, disconnect), timeout=max(timeout, 0.01),
            return_when=asyncio.FIRST_COMPLETED,
        )  # fmt: skip
        listener.waiter = None
        if disconnect in done:
            return


def _may_listen(cookie: str, permissions: list[str]) -> bool:
    """Whether the session in these cookies is a user with every permission (checked when
    the stream opens, as Django's own login check reads it)."""
    from importlib import import_module  # noqa: PLC0415

    from django.contrib.auth import get_user  # noqa: PLC0415
    from django.http import HttpRequest, parse_cookie  # noqa: PLC0415

    try:
        request = HttpRequest()
        request.COOKIES = parse_cookie(cookie)
        engine = import_module(settings.SESSION_ENGINE)
        request.session = engine.SessionStore(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
        user = get_user(request)
        return bool(user.is_active and all(user.has_perm(p) for p in permissions))
    finally:
        tidy_connection()
