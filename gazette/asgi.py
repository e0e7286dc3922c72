"""The ASGI application: the live updates' event stream (`/events/`, gazette/live/stream.py)
served as a coroutine, and every page served by Django's WSGI handler in a thread of its own
(a2wsgi).

Why pages go through WSGI here: a page is synchronous code from end to end (the ORM, the
templates, sync middleware). Django's own ASGI handler runs that in a thread of its own per
request, hopping between the event loop and the thread for each middleware; on this project's
kept pages that cost seven times the sync workers' throughput (docs/live-updates.md, figures).
A page thread per worker, entered once per request, serves them at the sync workers' rate,
while the streams, which wait rather than compute, stay on the loop.
"""

import os
from typing import Any

from a2wsgi import WSGIMiddleware
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

# One page at a time per worker, as a sync worker serves them: pages compute rather than wait,
# and more threads only share the GIL (with 2 or 4, the signed-in article page lost 10-15%
# of its throughput; bench/README.md).
pages_application = WSGIMiddleware(
    get_wsgi_application(),  # type: ignore[arg-type]  # Django's WSGIHandler is a WSGI app
    workers=int(os.environ.get("GAZETTE_PAGE_THREADS", "1")),
)

from gazette.live.stream import make_app  # noqa: E402 - needs Django set up first

STREAM_PATH = "/events/"
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
    if scope["type"] == "http" and scope["path"] == STREAM_PATH:
        await stream_application(scope, receive, send)
        return
    await pages_application(scope, receive, send)
