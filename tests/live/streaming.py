"""A stand-in for the ASGI server (the outside world): it opens a stream on the real
application, collects what it sends, and hangs up when told."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from asgiref.sync import sync_to_async

from gazette.live.conf import LiveSettings
from gazette.live.hub import Hub
from gazette.live.stream import make_app


def hub_for_tests(**settings: object) -> Hub:
    """A hub of its own for one test. Its log is read when the test says so (`deliver`),
    inside the test's transaction, rather than by a thread of its own."""
    return Hub(conf=LiveSettings(**settings), run_reader=False)  # type: ignore[arg-type]


async def deliver(hub: Hub) -> int:
    """Read the log as the hub's reader thread does after a wake, and let streams send."""
    read = await sync_to_async(hub.read_new)()
    for _ in range(5):
        await asyncio.sleep(0)
    return read


@dataclass
class Stream:
    hub: Hub
    channels: list[str]
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    address: str = "203.0.113.7"
    last_event_id: str = ""
    query: list[tuple[str, str]] = field(default_factory=list)
    method: str = "GET"
    status: int | None = None
    response_headers: dict[bytes, bytes] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    finished: bool = False

    async def open(self) -> Stream:
        query = [("channel", channel) for channel in self.channels]
        if self.last_event_id:
            query.append(("last_event_id", self.last_event_id))
        query.extend(self.query)
        scope = {
            "type": "http",
            "method": self.method,
            "path": "/events/",
            "query_string": urlencode(query).encode(),
            "headers": self.headers,
            "client": (self.address, 50000),
        }
        self._hangup = asyncio.Event()
        self._requested = False
        self._task = asyncio.ensure_future(
            make_app(lambda: self.hub)(scope, self._receive, self._send)
        )
        for _ in range(200):
            if self.status is not None or self._task.done():
                break
            await asyncio.sleep(0.005)
        await self.settle()
        return self

    async def _receive(self) -> dict[str, object]:
        if not self._requested:
            self._requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await self._hangup.wait()
        return {"type": "http.disconnect"}

    async def _send(self, message: dict[str, object]) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])  # type: ignore[call-overload]
            self.response_headers = dict(message["headers"])  # type: ignore[arg-type]
        else:
            self.chunks.append(bytes(message.get("body", b"")))  # type: ignore[arg-type]
            if not message.get("more_body"):
                self.finished = True

    async def settle(self) -> None:
        for _ in range(10):
            await asyncio.sleep(0)

    @property
    def text(self) -> str:
        return b"".join(self.chunks).decode()

    def events(self) -> list[tuple[int, str]]:
        """(id, kind) of each event received, in order."""
        found = []
        for block in self.text.split("\n\n"):
            fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
            if "id" in fields:
                found.append((int(fields["id"]), fields["event"]))
        return found

    def data(self, kind: str) -> list[dict[str, object]]:
        """The data of each event of this kind, in order (PostgreSQL keeps JSON keys in an
        order of its own, so events are compared as values, not as text)."""
        found = []
        for block in self.text.split("\n\n"):
            fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
            if fields.get("event") == kind:
                found.append(json.loads(fields["data"]))
        return found

    async def close(self) -> None:
        self._hangup.set()
        await asyncio.wait_for(self._task, timeout=5)
