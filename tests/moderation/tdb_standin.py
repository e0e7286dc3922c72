"""A stand-in for the EU Transparency Database's batch endpoint, on 127.0.0.1 in a thread: it
checks the bearer token and the batch's shape as the real one does, and answers what a test
asks of it (a 500 first, a 422 for chosen statements), keeping every request it received."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "test-token-4f1c"
PATH = "/api/v1/statements"
BATCH_LIMIT = 100


@dataclass
class StandIn:
    url: str = ""
    # Answer 500 to this many requests before answering properly.
    failures: int = 0
    # puid → the message a 422 gives for it.
    refuse: dict[str, str] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    created: list[str] = field(default_factory=list)

    def answer(self, path: str, authorization: str, body: bytes) -> tuple[int, dict[str, Any]]:
        payload = json.loads(body or b"null")
        self.requests.append({"path": path, "authorization": authorization, "body": payload})
        if authorization != f"Bearer {TOKEN}":
            return 401, {"message": "Unauthenticated."}
        if path != PATH:
            return 404, {"message": "Not found."}
        batch = payload.get("statements") if isinstance(payload, dict) else None
        if not isinstance(batch, list) or not 1 <= len(batch) <= BATCH_LIMIT:
            return 422, {"message": "The statements field must be an array of 1 to 100."}
        if self.failures:
            self.failures -= 1
            return 500, {"message": "Server Error"}
        errors = {
            f"statement_{index}": {"decision_facts": [self.refuse[statement["puid"]]]}
            for index, statement in enumerate(batch)
            if statement["puid"] in self.refuse
        }
        if errors:
            return 422, {"message": "The given data was invalid.", "errors": errors}
        self.created += [statement["puid"] for statement in batch]
        return 201, {"statements": [{**s, "uuid": str(uuid.uuid4())} for s in batch]}

    @property
    def batches(self) -> list[list[dict[str, Any]]]:
        return [r["body"]["statements"] for r in self.requests if r["path"] == PATH]


@contextmanager
def transparency_database(**behaviour: Any) -> Iterator[StandIn]:
    stand_in = StandIn(**behaviour)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, answer = stand_in.answer(self.path, self.headers.get("Authorization", ""), body)
            raw = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stand_in.url = f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
