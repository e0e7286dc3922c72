"""Live updates under load: 2,000 listeners on one thread, one comment posted per second.

    .venv/bin/python bench/live.py

Builds a scratch install (SQLite, as `make run`; BENCH_DATABASE_URL=postgres://… uses a scratch
PostgreSQL database it creates and drops, and BENCH_REDIS_URL=redis://… (a scratch database,
emptied first) makes Redis the cache and the workers' wake-up, as in production), seeds one
article, starts the production server as `make run` does (gunicorn managing uvicorn workers,
`gazette.asgi`, BENCH_WORKERS 2), opens BENCH_LISTENERS (2,000) server-sent event streams on the
article's channel from one thread of this process (asyncio, raw sockets), then posts one
comment per second for BENCH_SECONDS (30) through the real posting path (the form, a solved
ALTCHA captcha, screening and rate limits on, each post from its own address behind one
trusted proxy).

It prints, over every (listener, comment) pair, the time from the event's write in the
posting transaction (LiveEvent.created_at, a moment before the commit: the figure errs high)
to its arrival at the listener, p50 and p99; how many arrived; the server workers' resident
memory before and after the listeners opened (and so per listener); their CPU during the
posting; and the load average. Everything stays on 127.0.0.1, is bounded in time and count,
and is stopped and removed at the end.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import harness
import redis
from comments import SECRET, solved_forms

SEED = r"""
from datetime import timedelta
from django.utils import timezone
from gazette.articles.models import Article, Author, Byline, Section
from gazette.comments import services
from gazette.live.channels import page_channel
from gazette.comments.queries import article_thread_key, site_id
section = Section.objects.create(slug="breaking", name="Breaking")
author = Author.objects.create(name="Desk Reporter", slug="desk")
art = Article.objects.create(
    headline="A breaking story", slug="breaking-story", section=section,
    body="ASTANA -- It is happening now.", status="published",
    published_at=timezone.now() - timedelta(hours=1), dateline="Astana")
Byline.objects.create(article=art, author=author)
services.thread_for_article(art)
print(art.get_absolute_url(), art.pk, page_channel(site_id(), article_thread_key(art)))
"""

EVENT = re.compile(rb"id: (\d+)\nevent: comment\n")


class Listener(asyncio.Protocol):
    """One stream: remembers when each comment event arrived."""

    def __init__(self, request: bytes, arrivals: dict[int, list[float]]) -> None:
        self.request = request
        self.arrivals = arrivals
        self.buffer = b""
        self.open = False
        self.lost = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.write(self.request)  # type: ignore[attr-defined]

    def data_received(self, data: bytes) -> None:
        now = time.time()
        if not self.open and data.startswith(b"HTTP/1.1 200"):
            self.open = True
        self.buffer += data
        last = 0
        for match in EVENT.finditer(self.buffer):
            self.arrivals.setdefault(int(match.group(1)), []).append(now)
            last = match.end()
        self.buffer = self.buffer[last:][-4096:]

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True


def scratch_env(
    var_dir: Path, listeners: int, *, database_url: str, redis_url: str
) -> dict[str, str]:
    extra = {
        "SECRET_KEY": SECRET,
        "GAZETTE_TRUSTED_PROXIES": "1",
        "GAZETTE_COMMENT_AUTO_CLOSE_DAYS": "0",
        # Every listener comes from 127.0.0.1 here: the limit per address is lifted.
        "GAZETTE_LIVE_MAX_STREAMS_PER_ADDRESS": str(listeners + 10),
        "GAZETTE_LIVE_MAX_STREAMS": str(listeners + 10),
    }
    if database_url:
        extra["DATABASE_URL"] = database_url
    if redis_url:
        # As production runs it: Redis wakes the workers, and is the cache and rate limits.
        extra["REDIS_URL"] = redis_url
    return harness.scratch_env(var_dir, extra)


def worker_pids(server: harness.Server) -> list[int]:
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def rss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
        total += int(match.group(1)) if match else 0
    return total


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def post_each_second(
    port: int, page: str, pk: int, forms: list[dict[str, str]], seconds: int
) -> list[int]:
    """One post per second, each from its own address; the HTTP statuses."""
    statuses = []
    path = f"/en/comments/article/{pk}/post/"
    start = time.monotonic()
    for number, fields in enumerate(forms[:seconds]):
        delay = start + number - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        body = urlencode(
            {
                "name": f"Live reader {number}",
                "body": f"Live comment {number}: the *ruling* is out, and here is why it matters.",
                "accept_policy": "on",
                **fields,
            }
        )
        headers = harness.form_post_headers(port, page, number, network=9)
        statuses.append(harness.request(port, "POST", path, body=body, headers=headers).status)
    return statuses


async def listen_and_post(
    server: harness.Server, page: str, pk: int, channel: str, forms: list[dict[str, str]]
) -> dict[str, object]:
    listeners = int(os.environ.get("BENCH_LISTENERS", "2000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "30"))
    loop = asyncio.get_running_loop()
    pids = worker_pids(server)
    rss_before = rss_kb(pids)
    request = (
        f"GET /events/?{urlencode({'channel': channel})} HTTP/1.1\r\n"
        f"Host: {harness.HOST}:{server.port}\r\nAccept: text/event-stream\r\n\r\n"
    ).encode()
    arrivals: dict[int, list[float]] = {}
    protocols: list[Listener] = []
    transports = []
    for batch in range(0, listeners, 100):
        for _ in range(min(100, listeners - batch)):
            transport, protocol = await loop.create_connection(
                lambda: Listener(request, arrivals), harness.HOST, server.port
            )
            transports.append(transport)
            protocols.append(protocol)
        await asyncio.sleep(0.05)
    deadline = time.monotonic() + 60
    while sum(p.open for p in protocols) < listeners and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    opened = sum(p.open for p in protocols)
    await asyncio.sleep(2)  # let the workers settle after the connection burst
    rss_after = rss_kb(pids)
    load_before = os.getloadavg()
    cpu_before, wall_before = cpu_seconds(pids), time.monotonic()
    statuses = await asyncio.to_thread(post_each_second, server.port, page, pk, forms, seconds)
    await asyncio.sleep(3)  # the last post's events
    cpu = (cpu_seconds(pids) - cpu_before) / (time.monotonic() - wall_before)
    for transport in transports:
        transport.close()
    return {
        "listeners": listeners,
        "opened": opened,
        "lost": sum(p.lost for p in protocols),
        "arrivals": arrivals,
        "statuses": statuses,
        "rss_before_kb": rss_before,
        "rss_after_kb": rss_after,
        "cpu": cpu,
        "load": (load_before, os.getloadavg()),
        "workers": len(pids),
    }


def written_at(env: dict[str, str]) -> dict[int, float]:
    """When each comment event was written (its transaction's clock), from the log."""
    script = (
        "import json\nfrom gazette.live.models import LiveEvent\n"
        "print(json.dumps({e.pk: e.created_at.isoformat() "
        "for e in LiveEvent.objects.filter(kind='comment')}))"
    )
    output = harness.manage(env, "shell", "--command", script)
    line = next(line for line in output.splitlines() if line.startswith("{"))
    return {int(k): datetime.fromisoformat(v).timestamp() for k, v in json.loads(line).items()}


def report(result: dict[str, object], written: dict[int, float]) -> None:
    arrivals: dict[int, list[float]] = result["arrivals"]  # type: ignore[assignment]
    delays = [
        (arrived - written[event]) * 1000
        for event, times in arrivals.items()
        if event in written
        for arrived in times
    ]
    listeners = int(result["listeners"])  # type: ignore[call-overload]
    statuses: list[int] = result["statuses"]  # type: ignore[assignment]
    published = sum(status == 302 for status in statuses)
    expected = published * int(result["opened"])  # type: ignore[call-overload]
    before, after = int(result["rss_before_kb"]), int(result["rss_after_kb"])  # type: ignore[call-overload]
    (l1, l5, l15), (m1, m5, m15) = result["load"]  # type: ignore[misc]
    print(f"{result['workers']} uvicorn workers; {result['opened']}/{listeners} streams open")
    print(f"posts: {len(statuses)} sent, {published} published (302), one per second")
    print(f"events received: {len(delays)} of {expected} expected ({result['lost']} streams lost)")
    if delays:
        print(
            f"commit to arrival: p50 {harness.percentile(delays, 0.5):.0f} ms, "
            f"p99 {harness.percentile(delays, 0.99):.0f} ms, max {max(delays):.0f} ms"
        )
    print(
        f"server RSS: {before / 1024:.0f} MB before the listeners, {after / 1024:.0f} MB with "
        f"them: {(after - before) / max(1, listeners):.1f} KB per listener"
    )
    print(f"server CPU while posting: {result['cpu'] * 100:.0f}% of one core (all workers)")
    print(
        f"load average: {l1:.2f} {l5:.2f} {l15:.2f} before posting, "
        f"{m1:.2f} {m5:.2f} {m15:.2f} after"
    )


def main() -> None:
    listeners = int(os.environ.get("BENCH_LISTENERS", "2000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "30"))
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    keep = bool(os.environ.get("BENCH_KEEP"))
    database_url = os.environ.get("BENCH_DATABASE_URL", "")
    redis_url = os.environ.get("BENCH_REDIS_URL", "")
    with harness.scratch_dir("gazette-bench-live-", keep=keep) as work:
        try:
            if database_url:
                harness.scratch_postgres(database_url, create=True)
            if redis_url:
                # A scratch Redis database: the counters of an earlier run would count here.
                redis.Redis.from_url(redis_url).flushdb()
            env = scratch_env(work, listeners, database_url=database_url, redis_url=redis_url)
            measure(env, work, listeners=listeners, seconds=seconds, workers=workers)
        finally:
            if database_url:
                harness.scratch_postgres(database_url, create=False)


def measure(env: dict[str, str], work: Path, *, listeners: int, seconds: int, workers: int) -> None:
    harness.prepare_install(env)
    output = harness.manage(env, "shell", "--command", SEED)
    page, pk, channel = next(line for line in output.splitlines() if line.startswith("/")).split()
    forms = solved_forms(env, seconds, int(pk))
    database = "PostgreSQL" if "DATABASE_URL" in env else "SQLite"
    wake = "Redis pub/sub" if "REDIS_URL" in env else "each worker polling the log"
    print(
        f"scratch install on {database}, woken by {wake}; {listeners} listeners, "
        f"{seconds} posts, {workers} workers"
    )
    with harness.Server(env, workers=workers, log_path=work / "server.log") as server:
        server.wait_until_ready(page)
        result = asyncio.run(listen_and_post(server, page, int(pk), channel, forms))
    report(result, written_at(env))


if __name__ == "__main__":
    if not sys.platform.startswith("linux"):
        sys.exit("bench/live.py reads /proc: run it on Linux")
    main()
