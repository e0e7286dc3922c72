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

from gazette.core.network import counted_network
from gazette.live import replay
from gazette.live.channels import is_known
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
]


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def client_address(scope: Scope) -> str:
    """As core.network.client_ip: X-Forwarded-For only as far as our own proxies reach."""
    trusted: int = getattr(settings, "GAZETTE_TRUSTED_PROXIES", 0)
    if trusted:
        forwarded = [p.strip() for p in _header(scope, b"x-forwarded-for").split(",") if p.strip()]
        if len(forwarded) >= trusted:
            return counted_network(forwarded[-trusted])
    client = scope.get("client") or ("", 0)
    return counted_network(str(client[0]))


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


async def _wait_for_disconnect(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


def make_app(hub_of: Callable[[], Hub] = process_hub) -> Callable[[Scope, Receive, Send], Any]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if scope["method"] not in ("GET", "HEAD"):
            await _plain(send, 405, "GET only", [(b"allow", b"GET")])
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        channels = frozenset(query.get("channel", []))
        lang = (query.get("lang") or [settings.LANGUAGE_CODE])[0]
        # A page rendered for its reader alone (the queue) already shows everything before
        # it opened its stream: it asks for no first replay.
        fresh = (query.get("replay") or [""])[0] == "0"
        with translation.override(lang if lang in dict(settings.LANGUAGES) else None):
            await _serve(
                scope=scope,
                receive=receive,
                send=send,
                hub=hub_of(),
                channels=channels,
                last_id=_last_event_id(scope, query),
                fresh=fresh,
            )

    return app


async def _serve(
    *,
    scope: Scope,
    receive: Receive,
    send: Send,
    hub: Hub,
    channels: frozenset[str],
    last_id: int | None,
    fresh: bool = False,
) -> None:
    if not channels or len(channels) > MAX_CHANNELS or not all(map(is_known, channels)):
        await _plain(send, 400, _("Unknown live update channel."), [])
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
        await _plain(send, 503, _refusal(exc), [(b"retry-after", retry.encode())])
        return
    try:
        await _stream(
            scope=scope,
            receive=receive,
            send=send,
            hub=hub,
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
    listener: Listener,
    last_id: int | None,
    fresh: bool,
) -> None:
    conf = hub.conf
    # The listener is already subscribed: what arrives while the missed events are read is
    # kept in its frames, and anything sent twice is dropped by id below.
    missed = await _missed(hub, listener, last_id, fresh=fresh)
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
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
