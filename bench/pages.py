"""Reader pages under load: the front page, a section, an article and a feed, from gunicorn.

    .venv/bin/python bench/pages.py            # or: make bench

Builds a scratch install in a temporary folder (SQLite database, static files, demo content),
starts the production server (gunicorn, 2 workers) on a free port of 127.0.0.1, and for each
page prints the unloaded latency (median of 3 after a warm-up) and then requests/s, p50, p99,
errors and response bytes under a bounded load: wrk (-t2 -c32 -d20s --latency) when
/usr/bin/wrk exists, else a Python load generator of threads and http.client. Then it stops
the server and removes the folder. Everything stays on 127.0.0.1 and stops by itself.

Knobs (environment): BENCH_DURATION seconds per page (20 with wrk, 10 without),
BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2), BENCH_PAGES (comma-separated
names among home, section, article, feed), BENCH_PYTHON_LOAD=1 to use the Python generator
even when wrk is installed.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# defusedxml ships no type information.
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
WRK = Path("/usr/bin/wrk")

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
    duration: int
    connections: int
    threads: int
    workers: int
    pages: list[str]
    use_wrk: bool

    @classmethod
    def from_env(cls) -> Settings:
        use_wrk = WRK.exists() and os.environ.get("BENCH_PYTHON_LOAD", "") != "1"
        pages = os.environ.get("BENCH_PAGES", "home,section,article,feed")
        return cls(
            duration=int(os.environ.get("BENCH_DURATION", "20" if use_wrk else "10")),
            connections=int(os.environ.get("BENCH_CONNECTIONS", "32")),
            threads=int(os.environ.get("BENCH_THREADS", "2")),
            workers=int(os.environ.get("BENCH_WORKERS", "2")),
            pages=[name.strip() for name in pages.split(",") if name.strip()],
            use_wrk=use_wrk,
        )


@dataclass(frozen=True)
class Result:
    page: str
    path: str
    unloaded_ms: float
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    response_bytes: int


# ---------------------------------------------------------------- the scratch install


def manage(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    done = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(var_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "GAZETTE_ENV", "DEBUG"}
    }
    env |= {"GAZETTE_VAR_DIR": str(var_dir), "LOG_LEVEL": "ERROR", "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    if "load_demo_content" in manage(env, "help", "--commands").split():
        manage(env, "load_demo_content", "--if-empty")
        content = "demo content"
    else:
        manage(env, "shell", "--command", FALLBACK_CONTENT)
        content = "20 generated articles in two editions"
    print(f"scratch install in {var_dir} with {content} ({time.monotonic() - started:.0f} s)")
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    """gunicorn started by us; stop() ends exactly that process and its workers."""

    def __init__(self, env: dict[str, str], workers: int, log_path: Path) -> None:
        self.port = free_port()
        self.log = log_path.open("w")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "gazette.wsgi",
                "-w",
                str(workers),
                "-b",
                f"{HOST}:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                status, _body = fetch(self.port, "/en/")
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return
            sys.exit(f"the front page answered {status}; see {self.log.name}")
        sys.exit("gunicorn did not answer within 30 seconds")

    def worker_memory_mb(self) -> list[float]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split() if children.exists() else []:
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            if match:
                sizes.append(int(match.group(1)) / 1024)
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


# ---------------------------------------------------------------- requests


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def pages_to_measure(port: int) -> dict[str, str]:
    """Paths of the front page, the first section, the newest article and the RSS feed."""
    status, feed = fetch(port, "/en/feeds/rss/")
    if status != 200:
        sys.exit(f"the RSS feed answered {status}")
    links = [link.text or "" for link in fromstring(feed).findall("channel/item/link")]
    if not links:
        sys.exit("the English edition has no published article to measure")
    article = urlsplit(links[0]).path
    section = "/".join(article.split("/")[:3]) + "/"
    return {"home": "/en/", "section": section, "article": article, "feed": "/en/feeds/rss/"}


def unloaded_latency_ms(port: int, path: str) -> tuple[float, int]:
    for _ in range(20):
        fetch(port, path)
    timings = []
    size = 0
    for _ in range(3):
        started = time.perf_counter()
        _status, body = fetch(port, path)
        timings.append((time.perf_counter() - started) * 1000)
        size = len(body)
    return statistics.median(timings), size


def _found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        sys.exit(f"wrk printed no {pattern!r}:\n{text}")
    return match.group(1)


def _milliseconds(text: str) -> float:
    value, unit = _found(r"^([\d.]+)(us|ms|s|m)$", text), _found(r"^[\d.]+(us|ms|s|m)$", text)
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def load_with_wrk(port: int, path: str, settings: Settings) -> tuple[float, float, float, int]:
    command = [
        str(WRK),
        f"-t{settings.threads}",
        f"-c{settings.connections}",
        f"-d{settings.duration}s",
        "--timeout",
        "30s",
        "--latency",
        f"http://{HOST}:{port}{path}",
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=settings.duration + 60, check=False
    ).stdout
    rate = float(_found(r"Requests/sec:\s+([\d.]+)", output))
    p50 = _milliseconds(_found(r"\s50%\s+(\S+)", output))
    p99 = _milliseconds(_found(r"\s99%\s+(\S+)", output))
    errors = sum(
        int(count)
        for count in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
        + re.findall(r"Non-2xx or 3xx responses: (\d+)", output)
    )
    return rate, p50, p99, errors


def load_with_python(port: int, path: str, settings: Settings) -> tuple[float, float, float, int]:
    """Keep-alive connections in threads, each looping until the deadline."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + settings.duration

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
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
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(settings.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=settings.duration + 60)
    elapsed = time.monotonic() - started
    if not latencies:
        return 0.0, 0.0, 0.0, errors[0]
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49], cuts[98], errors[0]


# ---------------------------------------------------------------- report


def measure(server: Server, settings: Settings) -> list[Result]:
    paths = pages_to_measure(server.port)
    load = load_with_wrk if settings.use_wrk else load_with_python
    results = []
    for page in settings.pages:
        path = paths[page]
        unloaded, size = unloaded_latency_ms(server.port, path)
        rate, p50, p99, errors = load(server.port, path, settings)
        results.append(Result(page, path, unloaded, rate, p50, p99, errors, size))
        print(f"  {page:8} {rate:8.0f} req/s  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms")
    return results


def report(results: list[Result], settings: Settings, memory: list[float]) -> None:
    tool = (
        f"wrk -t{settings.threads} -c{settings.connections} -d{settings.duration}s --latency"
        if settings.use_wrk
        else f"Python threads, {settings.connections} connections, {settings.duration} s"
    )
    print()
    print(f"gunicorn, {settings.workers} workers, SQLite; load: {tool}")
    print()
    print("| page | path | unloaded | req/s | p50 | p99 | errors | bytes |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for item in results:
        print(
            f"| {item.page} | `{item.path}` | {item.unloaded_ms:.1f} ms"
            f" | {item.requests_per_second:,.0f} | {item.p50_ms:.1f} ms | {item.p99_ms:.1f} ms"
            f" | {item.errors} | {item.response_bytes:,} |"
        )
    if memory:
        sizes = ", ".join(f"{size:.0f}" for size in memory)
        print(f"\nresident memory per worker after the run: {sizes} MB")


def main() -> None:
    settings = Settings.from_env()
    unknown = set(settings.pages) - {"home", "section", "article", "feed"}
    if unknown:
        sys.exit(f"unknown pages in BENCH_PAGES: {', '.join(sorted(unknown))}")
    var_dir = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    server = None
    try:
        env = prepare(var_dir)
        server = Server(env, settings.workers, var_dir / "gunicorn.log")
        server.wait_until_ready()
        print(f"gunicorn on http://{HOST}:{server.port}/ (pid {server.process.pid})")
        results = measure(server, settings)
        memory = server.worker_memory_mb()
        report(results, settings, memory)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
