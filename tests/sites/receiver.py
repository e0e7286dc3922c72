"""A stand-in for a host site's webhook receiver: an HTTP server on 127.0.0.1, in a thread,
that checks each delivery's signature as docs/embedding.md tells receivers to, and answers
with the statuses it is given, in turn."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    event: str
    delivery: str
    body: dict[str, Any]
    signature_valid: bool
    signature: str
    raw_body: bytes


@dataclass
class Receiver:
    secret: str
    statuses: list[int] = field(default_factory=lambda: [200])
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)
    url: str = ""

    def verify(self, header: str, body: bytes) -> bool:
        parts = dict(part.split("=", 1) for part in header.split(","))
        expected = hmac.new(
            self.secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256
        ).hexdigest()
        recent = abs(time.time() - int(parts["t"])) < 300
        return recent and hmac.compare_digest(expected, parts["v1"])


@contextmanager
def receiving(receiver: Receiver) -> Iterator[Receiver]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(receiver.delay)
            receiver.received.append(
                Received(
                    event=self.headers["X-Gazette-Event"],
                    delivery=self.headers["X-Gazette-Delivery"],
                    body=json.loads(body),
                    signature_valid=receiver.verify(self.headers["X-Gazette-Signature"], body),
                    signature=self.headers["X-Gazette-Signature"],
                    raw_body=body,
                )
            )
            status = (
                receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
            )
            self.send_response(status)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_port}/hooks/gazette"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
