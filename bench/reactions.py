"""Votes per second on the reader poll, against gunicorn (2 workers) on a scratch database.

    .venv/bin/python bench/reactions.py [--seconds 10] [--threads 8] [--readers 800] [--postgres]

Sets up a scratch install in a temporary folder (SQLite, or with --postgres a scratch database
on the local PostgreSQL server), publishes one article and serves it with gunicorn on a free
127.0.0.1 port, the way `make run` does. Many distinct readers each fetch the article page
once (their CSRF cookie and token), then the threads send votes with `Accept: application/json`
for a bounded time: a reader's first vote is new, later ones change it. Every address is the
same here, so the per-address rate limit is raised through GAZETTE_RATES. At the
end the totals in the database must equal what the readers' last accepted votes add up to.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import harness

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
    unloaded_ms: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def remember(cookies: dict[str, str], set_cookie: list[str]) -> None:
    for header in set_cookie:
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        for name, morsel in parsed.items():
            cookies[name] = morsel.value


def new_reader(port: int, article_path: str) -> tuple[Reader, str]:
    status, body, set_cookie = harness.request(port, "GET", article_path)
    if status != 200:
        raise RuntimeError(f"the article page answered {status}")
    html = body.decode()
    token, action = TOKEN.search(html), ACTION.search(html)
    if token is None or action is None:
        raise RuntimeError("the article page has no poll form")
    cookies: dict[str, str] = {}
    remember(cookies, set_cookie)
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
        status, _data, set_cookie = harness.request(
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
        remember(reader.cookies, set_cookie)
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
    if results.unloaded_ms is not None:
        print(f"  unloaded latency    {results.unloaded_ms:.1f} ms")
    print(f"  votes accepted      {results.accepted}")
    print(f"  votes per second    {results.accepted / elapsed:.0f}")
    if results.latencies:
        p50 = statistics.median(results.latencies) * 1000
        p99 = harness.percentile(results.latencies, 0.99) * 1000
        print(f"  latency p50 / p99   {p50:.1f} ms / {p99:.1f} ms")
    print(f"  errors              {sum(results.errors.values())} {dict(results.errors)}")
    tallies = {code: count for code, count in totals["tallies"].items() if count}
    exact = totals["votes"] == sum(expected.values()) and tallies == dict(expected)
    print(
        f"  readers with a vote {sum(expected.values())}; database: {totals['votes']} votes, "
        f"tallies {tallies} -> {'exact' if exact else 'MISMATCH'}"
    )
    return exact


def unloaded_vote_ms(port: int, vote_path: str, readers: list[Reader]) -> float:
    """One vote at a time, each by the next reader: a warm-up, then the median of three."""
    turns = iter(enumerate(readers[:4]))

    def one_vote() -> None:
        number, reader = next(turns)
        vote(port, vote_path, reader, CHOICES[number % 2], Results())

    latency, _nothing = harness.unloaded_ms(one_vote, warmups=1)
    return latency


def measure(options: argparse.Namespace, env: dict[str, str], var_dir: Path) -> int:
    """Serve the article, vote, check the totals; 0 when they are exact and nothing failed."""
    harness.prepare_install(env)
    article_path = harness.manage(env, "shell", "-c", SETUP_ARTICLE).strip().splitlines()[-1]
    log = var_dir / "gunicorn.log"
    with harness.Server(env, workers=options.workers, log_path=log) as server:
        server.wait_until_ready(article_path)
        port = server.port
        with ThreadPoolExecutor(options.threads) as pool:
            prepared = list(
                pool.map(lambda _n: new_reader(port, article_path), range(options.readers))
            )
        readers = [reader for reader, _action in prepared]
        vote_path = prepared[0][1]

        unloaded = unloaded_vote_ms(port, vote_path, readers)
        results, elapsed = load(port, vote_path, readers, options.threads, options.seconds)
        results.unloaded_ms = unloaded
        output = harness.manage(env, "shell", "-c", READ_TOTALS)
        totals = json.loads(output.strip().splitlines()[-1])
    exact = report(options, readers, results, elapsed, totals)
    return 0 if exact and not results.errors else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--readers", type=int, default=800)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", action="store_true", help="use a scratch PostgreSQL database")
    options = parser.parse_args()

    database_url = POSTGRES_SERVER.rsplit("/", 1)[0] + f"/gazette_bench_reactions_{os.getpid()}"
    with harness.scratch_dir("gazette-bench-reactions-") as var_dir:
        extra = {
            "DJANGO_SETTINGS_MODULE": "gazette.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "GAZETTE_RATES": '{"vote": {"reader": "100000000/3600", "ip": "100000000/3600"}}',
        }
        if options.postgres:
            extra["DATABASE_URL"] = database_url
        try:
            if options.postgres:
                harness.scratch_postgres(database_url, create=True, admin_url=POSTGRES_SERVER)
            return measure(options, harness.scratch_env(var_dir, extra), var_dir)
        finally:
            if options.postgres:
                harness.scratch_postgres(database_url, create=False, admin_url=POSTGRES_SERVER)


if __name__ == "__main__":
    sys.exit(main())
