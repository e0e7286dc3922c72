"""Comment threads under load, from the production server (gunicorn, 2 workers, 127.0.0.1).

    .venv/bin/python bench/comments.py

Builds a scratch install in a temporary folder (SQLite by default; BENCH_DATABASE_URL=postgres://…
uses a scratch PostgreSQL database it creates and drops), seeds two articles with threads of 200
and 2,000 comments in the standard load shape (../shared/bench/README.md: ~30% replies, texts
of 80-700 characters averaging ~350 with some Markdown, 300 authors, ~70% with e-mail), starts
gunicorn and prints, for the article page with each thread (and the second page of the long one):
the unloaded latency (median of 3 after a warm-up), then requests/s, p50 and p99 under wrk
(-t2 -c32 -d20s --timeout 30s --latency), response bytes and errors. Then it measures posting:
real form posts with a solved ALTCHA captcha, screening and rate limits on, each from a different
reader and address (behind one trusted proxy), and prints posts/s and latencies. Everything stays
on 127.0.0.1, is bounded in time and count, and is stopped and removed at the end.

Knobs: BENCH_DURATION (20), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2),
BENCH_POSTS (240; stays under the site-wide captcha threshold), BENCH_POST_CONCURRENCY (8),
BENCH_POST_WARMUP (8 posts, untimed, two at a time, so each worker has loaded its screening
models before the clock starts), BENCH_READS=0 (posting alone, without the page cases).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import harness

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


def scratch_env(var_dir: Path, database_url: str) -> dict[str, str]:
    extra = {
        "SECRET_KEY": SECRET,
        # Posts arrive through "our proxy", so each can come from its own address.
        "GAZETTE_TRUSTED_PROXIES": "1",
        "GAZETTE_COMMENT_AUTO_CLOSE_DAYS": "0",
    }
    if database_url:
        extra["DATABASE_URL"] = database_url
    return harness.scratch_env(var_dir, extra)


# ---------------------------------------------------------------- posting


def solved_forms(env: dict[str, str], count: int, article_pk: int) -> list[dict[str, str]]:
    """Captcha, honeypot and timing fields for `count` posts under one article, solved as a
    browser would (each challenge fetched for that article's comment form)."""
    script = r"""
import base64, json, sys
from altcha import solve_challenge_v1
from django.core import signing
from gazette.challenges import proof
from gazette.challenges.conf import challenge_settings
from gazette.core import clock
config = challenge_settings()
for _ in range(int(sys.argv[-2])):
    c = proof.issue_challenge(
        max_number=config.max_number(0), scope="comment:" + sys.argv[-1], config=config
    )
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
        [
            str(harness.BIN / "python"),
            "-c",
            f"import django; django.setup()\n{script}",
            str(count),
            str(article_pk),
        ],
        cwd=harness.ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "gazette.settings"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def post_load(
    port: int,
    page: str,
    article_pk: int,
    forms: list[dict[str, str]],
    *,
    concurrency: int = 0,
    first: int = 0,
) -> dict[str, float]:
    concurrency = concurrency or int(os.environ.get("BENCH_POST_CONCURRENCY", "8"))
    path = f"/en/comments/article/{article_pk}/post/"
    timings: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    queue = list(enumerate(forms, start=first))

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                number, fields = queue.pop()
            body = urlencode(
                {
                    "name": f"Bench reader {number}",
                    "email": f"bench{number}@example.org" if number % 10 < 7 else "",
                    "body": f"Comment number {number} on the *appeal*, with some words " * 5,
                    "accept_policy": "on",
                    **fields,
                }
            )
            headers = harness.form_post_headers(port, page, number, network=0)
            started = time.perf_counter()
            status = harness.request(port, "POST", path, body=body, headers=headers).status
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
    return {
        "posts": len(timings),
        "rps": len(timings) / total,
        "p50": harness.percentile(timings, 0.50),
        "p99": harness.percentile(timings, 0.99),
        "redirected": statuses.get(302, 0),
        "other": sum(n for s, n in statuses.items() if s != 302),
    }


def seed(env: dict[str, str]) -> tuple[dict[str, str], str, int]:
    """The seeded threads' article paths, and the posting article's path and primary key."""
    output = harness.manage(env, "shell", "--command", SEED)
    seeded = [word for line in output.splitlines() if line.startswith("/") for word in line.split()]
    return {"200": seeded[0], "2000": seeded[2]}, seeded[4], int(seeded[5])


def measure(work: Path, database_url: str, knobs: harness.LoadKnobs) -> None:
    env = scratch_env(work, database_url)
    started = time.monotonic()
    harness.prepare_install(env)
    pages, posting_page, posting_pk = seed(env)
    warmup = int(os.environ.get("BENCH_POST_WARMUP", "8"))
    forms = solved_forms(env, int(os.environ.get("BENCH_POSTS", "240")) + warmup, posting_pk)
    database = "PostgreSQL" if database_url else "SQLite"
    print(f"scratch install on {database}, seeded in {time.monotonic() - started:.0f} s")

    with harness.Server(env, workers=knobs.workers, log_path=work / "gunicorn.log") as server:
        server.wait_until_ready(pages["200"])
        # BENCH_READS=0 measures posting alone (e.g. beside the peer's posting figure).
        reads = os.environ.get("BENCH_READS", "1") != "0"
        cases = [
            ("article + 200-comment thread", pages["200"]),
            ("article + 2,000-comment thread", pages["2000"]),
            ("2,000-comment thread, page 2", pages["2000"] + "?cpage=2"),
            ("2,000-comment thread, most liked", pages["2000"] + "?csort=liked"),
        ][: None if reads else 0]
        header = ("case", "unloaded", "bytes", "req/s", "p50", "p99", "errors")
        print("\n{:36} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}".format(*header))
        for label, path in cases:
            fetch = functools.partial(harness.request, server.port, "GET", path)
            latency, response = harness.unloaded_ms(fetch, warmups=5)
            loaded = harness.run_wrk(server.port, path, knobs)
            print(
                f"{label:36} {latency:7.1f}ms {len(response.body):8d}"
                f" {loaded.requests_per_second:8.1f} {loaded.p50_ms:6.1f}ms"
                f" {loaded.p99_ms:6.1f}ms {loaded.errors:7d}"
            )
        # A worker's first post loads the screening models (seconds): not part of the rate.
        post_load(server.port, posting_page, posting_pk, forms[:warmup], concurrency=2)
        result = post_load(server.port, posting_page, posting_pk, forms[warmup:], first=warmup)
    print(
        f"\nposting ({int(result['posts'])} comments, captcha + screening + rate limits on): "
        f"{result['rps']:.1f} posts/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, "
        f"{int(result['redirected'])} published (302), {int(result['other'])} other"
    )


def main() -> None:
    if harness.WRK is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    knobs = harness.LoadKnobs.from_env()
    database_url = os.environ.get("BENCH_DATABASE_URL", "")
    keep = bool(os.environ.get("BENCH_KEEP"))
    with harness.scratch_dir("gazette-bench-comments-", keep=keep) as work:
        try:
            if database_url:
                harness.scratch_postgres(database_url, create=True)
            measure(work, database_url, knobs)
        finally:
            if database_url:
                harness.scratch_postgres(database_url, create=False)


if __name__ == "__main__":
    main()
