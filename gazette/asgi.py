"""The ASGI application: Django for every page, and the live updates' event stream beside it
(`/events/`, gazette/live/stream.py), served without Django's request handling because a
stream stays open for minutes."""

import os
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

django_application = get_asgi_application()

from gazette.live.stream import make_app  # noqa: E402 - needs Django set up first

STREAM_PREFIX = "/events/"
stream_application = make_app()


async def _lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def application(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        await _lifespan(receive, send)
        return
    if scope["type"] == "http" and scope["path"] == STREAM_PREFIX:
        await stream_application(scope, receive, send)
        return
    await django_application(scope, receive, send)
