"""Votes per second on the reader poll, against gunicorn (2 workers) on a scratch database.

    .venv/bin/python bench/reactions.py [--seconds 10] [--threads 8] [--readers 800] [--postgres]

Sets up a scratch install in a temporary folder (SQLite, or with --postgres a scratch database
on the local PostgreSQL server), publishes one article and serves it with gunicorn on a free
127.0.0.1 port, the way `make run` does. Many distinct readers each fetch the article page
once (their CSRF cookie and token), then the threads send votes with `Accept: application/json`
for a bounded time: a reader's first vote is new, later ones change it. Every address is the
same here, so the per-address rate limit is raised through GAZETTE_REACTIONS_IP_RATE. At the
end the totals in the database must equal what the readers' last accepted votes add up to.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CHOICES = ("yes", "no")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACTION = re.compile(r'<form class="poll__form" method="post" action="([^"]+)"')
POSTGRES_SERVER = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://gazette:gazette@127.0.0.1:5432/postgres"
)

SETUP_ARTICLE = """
from datetime import timedelta
from django.utils import timezone
from gazette.articles.models import Article, Author, Byline, Section
section = Section.objects.create(slug="justice", name="Crime & Justice")
author = Author.objects.create(slug="bench-desk", name="Bench Desk")
article = Article.objects.create(
    headline="Court hears appeal over evidence gathered abroad",
    slug="court-hears-appeal",
    section=section,
    dateline="Astana",
    body="The appeal opened on Monday.\\n\\nProsecutors registered 120 cases in 2024.",
    status=Article.Status.PUBLISHED,
    published_at=timezone.now() - timedelta(hours=1),
)
Byline.objects.create(article=article, author=author)
print(article.get_absolute_url())
"""

READ_TOTALS = """
import json
from gazette.reactions.models import Tally, Vote
print(json.dumps({
    "votes": Vote.objects.count(),
    "tallies": dict(Tally.objects.values_list("choice__code", "count")),
}))
"""


@dataclass
class Reader:
    cookies: dict[str, str]
    token: str
    last_choice: str | None = None


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    accepted: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    unloaded: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return done.stdout.decode()


def request(
    port: int, method: str, path: str, *, body: str | None = None, headers: dict[str, str]
) -> tuple[int, dict[str, list[str]], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        cookies = response.headers.get_all("Set-Cookie") or []
        return response.status, {"Set-Cookie": cookies}, data
    finally:
        connection.close()


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def remember(cookies: dict[str, str], set_cookie: list[str]) -> None:
    for header in set_cookie:
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        for name, morsel in parsed.items():
            cookies[name] = morsel.value


def new_reader(port: int, article_path: str) -> tuple[Reader, str]:
    status, headers, body = request(port, "GET", article_path, headers={})
    if status != 200:
        raise RuntimeError(f"the article page answered {status}")
    html = body.decode()
    token, action = TOKEN.search(html), ACTION.search(html)
    if token is None or action is None:
        raise RuntimeError("the article page has no poll form")
    cookies: dict[str, str] = {}
    remember(cookies, headers["Set-Cookie"])
    return Reader(cookies=cookies, token=token.group(1)), action.group(1)


def vote(port: int, vote_path: str, reader: Reader, choice: str, results: Results) -> None:
    body = urlencode({"csrfmiddlewaretoken": reader.token, "choice": choice})
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie_header(reader.cookies),
        "X-CSRFToken": reader.token,
    }
    started = time.perf_counter()
    try:
        status, response_headers, _data = request(
            port, "POST", vote_path, body=body, headers=headers
        )
    except OSError as exc:
        with results.lock:
            results.errors[type(exc).__name__] += 1
        return
    elapsed = time.perf_counter() - started
    with results.lock:
        results.latencies.append(elapsed)
        if status == 200:
            results.accepted += 1
        else:
            results.errors[f"HTTP {status}"] += 1
    if status == 200:
        remember(reader.cookies, response_headers["Set-Cookie"])
        reader.last_choice = choice


def load(
    port: int, vote_path: str, readers: list[Reader], threads: int, seconds: float
) -> tuple[Results, float]:
    """Each thread owns a slice of the readers, so one reader's votes never overlap."""
    results = Results()
    deadline = time.perf_counter() + seconds

    def work(index: int) -> None:
        mine = readers[index::threads]
        rounds = 0
        while time.perf_counter() < deadline and rounds < 1000:
            for number, reader in enumerate(mine):
                if time.perf_counter() >= deadline:
                    return
                vote(port, vote_path, reader, CHOICES[(number + rounds) % 2], results)
            rounds += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    return results, time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def scratch_postgres(name: str, *, create: bool) -> None:
    with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


def wait_until_up(port: int, path: str, server: subprocess.Popen[bytes]) -> None:
    for _attempt in range(100):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            if request(port, "GET", path, headers={})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 20 s")


def report(
    options: argparse.Namespace,
    readers: list[Reader],
    results: Results,
    elapsed: float,
    totals: dict[str, Any],
) -> bool:
    """Print the figures; True when the database holds exactly the readers' last votes."""
    expected = Counter(reader.last_choice for reader in readers if reader.last_choice)
    database_kind = "PostgreSQL" if options.postgres else "SQLite"
    print(f"Reader poll votes: gunicorn, {options.workers} workers, {database_kind}")
    print(f"  threads {options.threads}, readers {len(readers)}, {elapsed:.1f} s")
    if results.unloaded:
        print(f"  unloaded latency    {statistics.median(results.unloaded) * 1000:.1f} ms")
    print(f"  votes accepted      {results.accepted}")
    print(f"  votes per second    {results.accepted / elapsed:.0f}")
    if results.latencies:
        p50 = statistics.median(results.latencies) * 1000
        p99 = percentile(results.latencies, 0.99) * 1000
        print(f"  latency p50 / p99   {p50:.1f} ms / {p99:.1f} ms")
    print(f"  errors              {sum(results.errors.values())} {dict(results.errors)}")
    tallies = {code: count for code, count in totals["tallies"].items() if count}
    exact = totals["votes"] == sum(expected.values()) and tallies == dict(expected)
    print(
        f"  readers with a vote {sum(expected.values())}; database: {totals['votes']} votes, "
        f"tallies {tallies} -> {'exact' if exact else 'MISMATCH'}"
    )
    return exact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--readers", type=int, default=800)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", action="store_true", help="use a scratch PostgreSQL database")
    options = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="gazette-bench-reactions-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "GAZETTE_ENV", "DEBUG"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "gazette.settings",
        "GAZETTE_VAR_DIR": str(var_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "GAZETTE_REACTIONS_IP_RATE": "100000000/3600",
        "LOG_LEVEL": "ERROR",
    }
    database = f"gazette_bench_reactions_{os.getpid()}"
    if options.postgres:
        scratch_postgres(database, create=True)
        env["DATABASE_URL"] = POSTGRES_SERVER.rsplit("/", 1)[0] + "/" + database
    server: subprocess.Popen[bytes] | None = None
    server_log = (var_dir / "gunicorn.log").open("wb")
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        article_path = manage(env, "shell", "-c", SETUP_ARTICLE).strip().splitlines()[-1]
        port = free_port()
        server = subprocess.Popen(
            [
                str(GUNICORN),
                "gazette.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=server_log,
        )
        wait_until_up(port, article_path, server)

        with ThreadPoolExecutor(options.threads) as pool:
            prepared = list(
                pool.map(lambda _n: new_reader(port, article_path), range(options.readers))
            )
        readers = [reader for reader, _action in prepared]
        vote_path = prepared[0][1]

        # Unloaded: one vote at a time (after a warm-up), median of three.
        unloaded = Results()
        for number, reader in enumerate(readers[:4]):
            vote(port, vote_path, reader, CHOICES[number % 2], unloaded if number else Results())
        results, elapsed = load(port, vote_path, readers, options.threads, options.seconds)
        results.unloaded = unloaded.latencies
        totals = json.loads(manage(env, "shell", "-c", READ_TOTALS).strip().splitlines()[-1])
        exact = report(options, readers, results, elapsed, totals)
        return 0 if exact and not results.errors else 1
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        server_log.close()
        if options.postgres:
            scratch_postgres(database, create=False)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
