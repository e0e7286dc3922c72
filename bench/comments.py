"""Comment threads under load, from the production server (gunicorn, 2 workers, 127.0.0.1).

    .venv/bin/python bench/comments.py

Builds a scratch install in a temporary folder (SQLite by default; BENCH_DATABASE_URL=postgres://…
uses a scratch PostgreSQL database it creates and drops), seeds two articles with threads of 200
and 2,000 comments in the standard load shape (/work/shared/bench/README.md: ~30% replies, texts
of 80-700 characters averaging ~350 with some Markdown, 300 authors, ~70% with e-mail), starts
gunicorn and prints, for the article page with each thread (and the second page of the long one):
the unloaded latency (median of 3 after a warm-up), then requests/s, p50 and p99 under wrk
(-t2 -c32 -d20s --timeout 30s --latency), response bytes and errors. Then it measures posting:
real form posts with a solved ALTCHA captcha, screening and rate limits on, each from a different
reader and address (behind one trusted proxy), and prints posts/s and latencies. Everything stays
on 127.0.0.1, is bounded in time and count, and is stopped and removed at the end.

Knobs: BENCH_DURATION (20), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2),
BENCH_POSTS (240; stays under the site-wide captcha threshold), BENCH_POST_CONCURRENCY (8).
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
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
WRK = shutil.which("wrk")
SECRET = "bench-only-secret-key-" + "x" * 40

SEED = r"""
import random
from datetime import timedelta
from django.utils import timezone
from gazette.articles.models import Article, Author, Byline, Section
from gazette.comments import services
from gazette.comments.models import Comment, Thread
from gazette.core.text import COMMENT, render_markdown

rng = random.Random(20261129)
WORDS = ("court appeal evidence witness ruling judge prosecutor defence sentence law region "
         "statement hearing case report minister police trial verdict public rights").split()
section = Section.objects.create(slug="courts", name="Courts")
author = Author.objects.create(name="Desk Reporter", slug="desk")
names = [f"Reader {n}" for n in range(300)]

def text():
    target = max(80, min(700, int(rng.gauss(350, 150))))
    words = []
    while sum(len(w) + 1 for w in words) < target:
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < 0.03: word = f"*{word}*"
        elif roll < 0.05: word = f"`{word}`"
        elif roll < 0.06: word = f"[{word}](https://example.org/{word})"
        words.append(word)
    return " ".join(words).capitalize() + "."

def article(slug, count):
    art = Article.objects.create(
        headline=f"Appeal hearing with {count} comments", slug=slug, section=section,
        body="ASTANA -- The appeal opened on Monday.", status="published",
        published_at=timezone.now() - timedelta(hours=2), dateline="Astana")
    Byline.objects.create(article=art, author=author)
    thread = services.thread_for_article(art)
    start = timezone.now() - timedelta(hours=1)
    made = []
    for number in range(count):
        body = text()
        name = rng.choice(names)
        comment = Comment(
            thread=thread, author_name=name, body=body,
            body_html=str(render_markdown(body, COMMENT)).strip(),
            email=f"{name.replace(' ', '').lower()}@example.org" if rng.random() < 0.7 else "",
            policy_version="1", fingerprint=f"seed{slug}{number}",
            created_at=start + timedelta(seconds=number), like_count=rng.randrange(0, 20))
        if made and rng.random() < 0.3:
            parent = rng.choice(made)
            comment.in_reply_to, comment.in_reply_to_name = parent, parent.author_name
            if parent.depth >= 3:
                comment.parent_id, comment.depth = parent.parent_id, parent.depth
            else:
                comment.parent, comment.depth = parent, parent.depth + 1
            comment.root_id = parent.root_id or parent.pk
        comment.save()
        made.append(comment)
    Thread.objects.filter(pk=thread.pk).update(comment_count=count)
    print(art.get_absolute_url(), art.pk)

article("thread-200", 200)
article("thread-2000", 2000)
article("thread-posting", 0)
"""


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> str:
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


def scratch_env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "GAZETTE_ENV", "DEBUG"}
    }
    env |= {
        "GAZETTE_VAR_DIR": str(var_dir),
        "SECRET_KEY": SECRET,
        "LOG_LEVEL": "ERROR",
        "PYTHONUNBUFFERED": "1",
        # Posts arrive through "our proxy", so each can come from its own address.
        "GAZETTE_TRUSTED_PROXIES": "1",
        "GAZETTE_COMMENT_AUTO_CLOSE_DAYS": "0",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def scratch_postgres(url: str, *, create: bool) -> None:
    import psycopg  # noqa: PLC0415 - only when PostgreSQL is asked for

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


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
                *(str(BIN / "gunicorn"), "gazette.wsgi", "-w", str(workers)),
                *("-b", f"{HOST}:{self.port}", "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, path: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited; see {self.log.name}")
            try:
                if request(self.port, "GET", path)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit("gunicorn did not answer within 30 seconds")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def request(
    port: int, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
) -> tuple[int, bytes, list[str]]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.headers.get_all("Set-Cookie") or []
    finally:
        connection.close()


def unloaded_ms(port: int, path: str) -> tuple[float, int]:
    for _ in range(5):
        request(port, "GET", path)
    timings, size = [], 0
    for _ in range(3):
        started = time.perf_counter()
        _status, body, _cookies = request(port, "GET", path)
        timings.append((time.perf_counter() - started) * 1000)
        size = len(body)
    return statistics.median(timings), size


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(port: int, path: str) -> dict[str, float]:
    duration = os.environ.get("BENCH_DURATION", "20")
    command = [
        WRK or "wrk",
        f"-t{os.environ.get('BENCH_THREADS', '2')}",
        f"-c{os.environ.get('BENCH_CONNECTIONS', '32')}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "--latency",
        f"http://{HOST}:{port}{path}",
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=int(duration) + 60, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": errors + int(non_2xx.group(1) if non_2xx else 0),
    }


# ---------------------------------------------------------------- posting


def solved_forms(env: dict[str, str], count: int) -> list[dict[str, str]]:
    """Captcha, honeypot and timing fields for `count` posts, solved as a browser would."""
    script = r"""
import base64, json, sys
from altcha import solve_challenge_v1
from django.core import signing
from gazette.challenges import proof
from gazette.challenges.conf import challenge_settings
from gazette.core import clock
config = challenge_settings()
for _ in range(int(sys.argv[-1])):
    c = proof.issue_challenge(max_number=config.max_number(0), config=config)
    s = solve_challenge_v1(
        c["challenge"], salt=c["salt"], algorithm=c["algorithm"], max_number=c["maxNumber"]
    )
    payload = {k: c[k] for k in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = s.number
    shown = clock.now().timestamp() - 20
    print(json.dumps({
        "altcha": base64.b64encode(json.dumps(payload).encode()).decode(),
        "homepage": "",
        "rendered_at": signing.dumps(shown, salt="gazette.challenges.rendered-at"),
    }))
"""
    done = subprocess.run(
        [str(BIN / "python"), "-c", f"import django; django.setup()\n{script}", str(count)],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "gazette.settings"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    import json  # noqa: PLC0415

    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def csrf_pair(port: int, page: str) -> tuple[str, str]:
    _status, body, cookies = request(port, "GET", page)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()  # type: ignore[union-attr]
    cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    return cookie, token


def post_load(
    port: int, page: str, article_pk: int, forms: list[dict[str, str]]
) -> dict[str, float]:
    concurrency = int(os.environ.get("BENCH_POST_CONCURRENCY", "8"))
    cookie, token = csrf_pair(port, page)
    path = f"/en/comments/article/{article_pk}/post/"
    timings: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    queue = list(enumerate(forms))

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                number, fields = queue.pop()
            body = urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Bench reader {number}",
                    "email": f"bench{number}@example.org" if number % 10 < 7 else "",
                    "body": f"Comment number {number} on the *appeal*, with some words " * 5,
                    "accept_policy": "on",
                    **fields,
                }
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Referer": f"http://{HOST}:{port}{page}",
                # Only a header: each post claims its own client address behind "our proxy".
                "X-Forwarded-For": f"10.0.{number // 256 % 256}.{number % 256}",
            }
            started = time.perf_counter()
            status, _body, _cookies = request(port, "POST", path, body, headers)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    total = time.perf_counter() - started
    timings.sort()
    return {
        "posts": len(timings),
        "rps": len(timings) / total,
        "p50": timings[len(timings) // 2],
        "p99": timings[min(len(timings) - 1, int(len(timings) * 0.99))],
        "redirected": statuses.get(302, 0),
        "other": sum(n for s, n in statuses.items() if s != 302),
    }


def main() -> None:
    if not WRK:
        sys.exit("wrk is needed: apt-get install -y wrk")
    database_url = os.environ.get("BENCH_DATABASE_URL", "")
    work = Path(tempfile.mkdtemp(prefix="gazette-bench-comments-"))
    server = None
    try:
        if database_url:
            scratch_postgres(database_url, create=True)
        env = scratch_env(work, database_url)
        started = time.monotonic()
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        output = manage(env, "shell", "--command", SEED)
        seeded = [
            word for line in output.splitlines() if line.startswith("/") for word in line.split()
        ]
        pages = {"200": seeded[0], "2000": seeded[2]}
        posting_page, posting_pk = seeded[4], int(seeded[5])
        posts = int(os.environ.get("BENCH_POSTS", "240"))
        forms = solved_forms(env, posts)
        database = "PostgreSQL" if database_url else "SQLite"
        print(f"scratch install on {database}, seeded in {time.monotonic() - started:.0f} s")

        server = Server(env, int(os.environ.get("BENCH_WORKERS", "2")), work / "gunicorn.log")
        server.wait_until_ready(pages["200"])
        cases = [
            ("article + 200-comment thread", pages["200"]),
            ("article + 2,000-comment thread", pages["2000"]),
            ("2,000-comment thread, page 2", pages["2000"] + "?cpage=2"),
            ("2,000-comment thread, most liked", pages["2000"] + "?csort=liked"),
        ]
        header = ("case", "unloaded", "bytes", "req/s", "p50", "p99", "errors")
        print("\n{:36} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}".format(*header))
        for label, path in cases:
            latency, size = unloaded_ms(server.port, path)
            loaded = wrk(server.port, path)
            print(
                f"{label:36} {latency:7.1f}ms {size:8d} {loaded['rps']:8.1f} "
                f"{loaded['p50']:6.1f}ms {loaded['p99']:6.1f}ms {int(loaded['errors']):7d}"
            )
        result = post_load(server.port, posting_page, posting_pk, forms)
        print(
            f"\nposting ({int(result['posts'])} comments, captcha + screening + rate limits on): "
            f"{result['rps']:.1f} posts/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, "
            f"{int(result['redirected'])} published (302), {int(result['other'])} other"
        )
    finally:
        if server is not None:
            server.stop()
        if database_url:
            scratch_postgres(database_url, create=False)
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
