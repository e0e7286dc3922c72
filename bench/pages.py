"""Reader pages under load: the front page, a section, an article and a feed, from gunicorn.

    .venv/bin/python bench/pages.py            # make bench runs it with the others

Builds a scratch install in a temporary folder (SQLite database, static files, demo content),
starts the production server (gunicorn, 2 workers) on a free port of 127.0.0.1, and for each
page prints the unloaded latency (median of 3 after a warm-up) and then requests/s, p50, p99,
errors and response bytes under a bounded load: wrk (-t2 -c32 -d20s --latency) when
wrk is installed, else a Python load generator of threads and http.client. Then it stops
the server and removes the folder. Everything stays on 127.0.0.1 and stops by itself.

Knobs (environment): BENCH_DURATION seconds per page (20 with wrk, 10 without),
BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2), BENCH_PAGES (comma-separated
names among home, section, article, feed), BENCH_PYTHON_LOAD=1 to use the Python generator
even when wrk is installed.
"""

from __future__ import annotations

import functools
import http.client
import os
import re
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import harness

# defusedxml ships no type information.
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

# Used when the demo content command is not there: about twenty articles in two editions.
FALLBACK_CONTENT = """
from datetime import timedelta
from django.utils import timezone
from gazette.articles.models import Article, Author, Byline, Section, SectionName
body = "\\n\\n".join(
    ['"We expect a fair hearing," the defence lawyer told Gazette.'] * 3
    + ["Prosecutors registered 120 cases in 2023, 134 in 2024 and 151 in 2025."] * 4
)
authors = [Author.objects.create(name=f"Reporter {n}", slug=f"reporter-{n}") for n in range(4)]
sections = [
    ("crime-justice", "Crime & Justice", "Преступность и право"),
    ("security", "Security", "Безопасность"),
]
for position, (slug, name, ru) in enumerate(sections):
    section = Section.objects.create(slug=slug, name=name, position=position)
    SectionName.objects.create(section=section, language="ru", name=ru)
    for n in range(10):
        original = None
        for language in ("en", "ru"):
            article = Article.objects.create(
                headline=f"Court hears appeal number {n} in {name}",
                slug=f"{slug}-appeal-{n}", section=section, language=language,
                original=original, dateline="Astana", body=body,
                standfirst="The appeal turns on how the evidence was gathered.",
                status="published", published_at=timezone.now() - timedelta(hours=n),
            )
            original = original or article
            Byline.objects.create(article=article, author=authors[n % 4], position=0)
"""


@dataclass(frozen=True)
class Settings:
    knobs: harness.LoadKnobs
    pages: list[str]
    use_wrk: bool

    @classmethod
    def from_env(cls) -> Settings:
        use_wrk = harness.WRK is not None and os.environ.get("BENCH_PYTHON_LOAD", "") != "1"
        pages = os.environ.get("BENCH_PAGES", "home,section,article,feed")
        return cls(
            knobs=harness.LoadKnobs.from_env(default_duration=20 if use_wrk else 10),
            pages=[name.strip() for name in pages.split(",") if name.strip()],
            use_wrk=use_wrk,
        )


@dataclass(frozen=True)
class Result:
    page: str
    path: str
    unloaded_ms: float
    load: harness.Load
    response_bytes: int


# ---------------------------------------------------------------- the scratch install


def prepare(var_dir: Path) -> dict[str, str]:
    env = harness.scratch_env(var_dir)
    started = time.monotonic()
    harness.prepare_install(env)
    if "load_demo_content" in harness.manage(env, "help", "--commands").split():
        harness.manage(env, "load_demo_content", "--if-empty")
        content = "demo content"
    else:
        harness.manage(env, "shell", "--command", FALLBACK_CONTENT)
        content = "20 generated articles in two editions"
    print(f"scratch install in {var_dir} with {content} ({time.monotonic() - started:.0f} s)")
    return env


def worker_memory_mb(server: harness.Server) -> list[float]:
    """Resident memory of each gunicorn worker (the children of the process we started)."""
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children")
    sizes = []
    for child in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{child}/status").read_text()
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


# ---------------------------------------------------------------- requests


def pages_to_measure(port: int) -> dict[str, str]:
    """Paths of the front page, the first section, the newest article and the RSS feed."""
    status, feed, _cookies = harness.request(port, "GET", "/en/feeds/rss/")
    if status != 200:
        sys.exit(f"the RSS feed answered {status}")
    links = [link.text or "" for link in fromstring(feed).findall("channel/item/link")]
    if not links:
        sys.exit("the English edition has no published article to measure")
    article = urlsplit(links[0]).path
    section = "/".join(article.split("/")[:3]) + "/"
    return {"home": "/en/", "section": section, "article": article, "feed": "/en/feeds/rss/"}


def load_with_python(port: int, path: str, knobs: harness.LoadKnobs) -> harness.Load:
    """Keep-alive connections in threads, each looping until the deadline."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + knobs.duration

    def worker() -> None:
        connection = http.client.HTTPConnection(harness.HOST, port, timeout=30)
        mine: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(harness.HOST, port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(knobs.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=knobs.duration + 60)
    elapsed = time.monotonic() - started
    if not latencies:
        return harness.Load(0.0, 0.0, 0.0, errors[0])
    return harness.Load(
        requests_per_second=len(latencies) / elapsed,
        p50_ms=harness.percentile(latencies, 0.50),
        p99_ms=harness.percentile(latencies, 0.99),
        errors=errors[0],
    )


# ---------------------------------------------------------------- report


def measure(server: harness.Server, settings: Settings) -> list[Result]:
    paths = pages_to_measure(server.port)
    load = harness.run_wrk if settings.use_wrk else load_with_python
    results = []
    for page in settings.pages:
        path = paths[page]
        fetch = functools.partial(harness.request, server.port, "GET", path)
        unloaded, response = harness.unloaded_ms(fetch, warmups=20)
        figures = load(server.port, path, settings.knobs)
        results.append(Result(page, path, unloaded, figures, len(response.body)))
        print(
            f"  {page:8} {figures.requests_per_second:8.0f} req/s"
            f"  p50 {figures.p50_ms:7.1f} ms  p99 {figures.p99_ms:7.1f} ms"
        )
    return results


def report(results: list[Result], settings: Settings, memory: list[float]) -> None:
    knobs = settings.knobs
    tool = (
        knobs.wrk_command()
        if settings.use_wrk
        else f"Python threads, {knobs.connections} connections, {knobs.duration} s"
    )
    print()
    print(f"gunicorn, {knobs.workers} workers, SQLite; load: {tool}")
    print()
    print("| page | path | unloaded | req/s | p50 | p99 | errors | bytes |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for item in results:
        print(
            f"| {item.page} | `{item.path}` | {item.unloaded_ms:.1f} ms"
            f" | {item.load.requests_per_second:,.0f} | {item.load.p50_ms:.1f} ms"
            f" | {item.load.p99_ms:.1f} ms | {item.load.errors} | {item.response_bytes:,} |"
        )
    if memory:
        sizes = ", ".join(f"{size:.0f}" for size in memory)
        print(f"\nresident memory per worker after the run: {sizes} MB")


def main() -> None:
    settings = Settings.from_env()
    unknown = set(settings.pages) - {"home", "section", "article", "feed"}
    if unknown:
        sys.exit(f"unknown pages in BENCH_PAGES: {', '.join(sorted(unknown))}")
    with harness.scratch_dir("gazette-bench-") as var_dir:
        env = prepare(var_dir)
        log = var_dir / "gunicorn.log"
        with harness.Server(env, workers=settings.knobs.workers, log_path=log) as server:
            server.wait_until_ready("/en/")
            print(f"gunicorn on http://{harness.HOST}:{server.port}/ (pid {server.process.pid})")
            results = measure(server, settings)
            memory = worker_memory_mb(server)
        report(results, settings, memory)


if __name__ == "__main__":
    main()
