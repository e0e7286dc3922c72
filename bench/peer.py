"""Gazette against its peer, Isso, in one sitting: `make bench-peer`.

    .venv/bin/python bench/peer.py
    BENCH_DURATION=10 .venv/bin/python bench/peer.py            # shorter runs
    BENCH_DATABASE_URL=postgres://gazette:gazette@127.0.0.1:5432/gazette_bench_peer \\
        .venv/bin/python bench/peer.py                          # Gazette on PostgreSQL

The peer is measured by the shared script ../shared/bench/run_peer_bench.sh (BENCH_PEER_SCRIPT
to point elsewhere), which installs, seeds, measures and stops Isso 0.14 under gunicorn with 2
workers; Gazette is the production server (gunicorn, 2 workers) on a scratch install seeded in
the same load shape (../shared/bench/README.md: ~30% replies, 80-700 characters, 300 authors),
plus the demo content, behind nothing and behind the shipped nginx configuration
(deploy/nginx/). The two take turns, BENCH_ROUNDS (2) times, so that both meet the same machine;
each run notes the one-minute load average at its start. Every Gazette request sends
`Accept-Encoding: gzip`, as browsers do (Isso does not compress). At the end it prints one
table (each case, Isso's figure, Gazette's, their ratio per round, the load averages) and the
resident memory of each Gazette worker, and stops everything it started.

With BENCH_MIXED_MINUTES=N it then loads Gazette for N minutes with a mix of every case above
(readers without cookies on every page and comment page, returning and signed-in readers, a
few pages never seen before) and prints each worker's resident memory again.

Knobs: BENCH_DURATION (20), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2),
BENCH_ROUNDS (2), BENCH_MIXED_MINUTES (0), BENCH_DATABASE_URL (empty: SQLite),
BENCH_PEER_SCRIPT, BENCH_KEEP=1.
"""

from __future__ import annotations

import functools
import gzip
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import harness

sys.path.insert(0, str(harness.ROOT / "deploy" / "nginx"))
from scratch import ScratchNginx

SECRET = "bench-only-secret-key-" + "p" * 40
PEER_SCRIPT = Path(
    os.environ.get("BENCH_PEER_SCRIPT", "")
    or harness.ROOT.parent / "shared" / "bench" / "run_peer_bench.sh"
)
# Where the peer script works (its own default).
PEER_WORK = Path(os.environ.get("BENCH_PEER_WORK", "/tmp/isso-bench"))  # noqa: S108
GZIP = {"Accept-Encoding": "gzip"}

# Comments in the standard load shape, written in bulk into a thread: `fill(thread, count,
# tag)`. bench/api.py seeds its pages with it too.
SEED_SHAPE = r"""
import random
from datetime import timedelta
from django.db.models import Max
from django.utils import timezone
from gazette.comments.models import Comment, Thread
from gazette.core.text import COMMENT, render_markdown

rng = random.Random(20261202)
WORDS = ("court appeal evidence witness ruling judge prosecutor defence sentence law region "
         "statement hearing case report minister police trial verdict public rights").split()
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

def fill(thread, count, tag):
    start = timezone.now() - timedelta(hours=24)
    first = (Comment.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    made, batch = [], []
    for number in range(count):
        body, name = text(), rng.choice(names)
        comment = Comment(
            pk=first + number, thread=thread, author_name=name, body=body,
            body_html=str(render_markdown(body, COMMENT)).strip(),
            email=f"{name.replace(' ', '').lower()}@example.org" if rng.random() < 0.7 else "",
            policy_version="1", fingerprint=f"seed{tag}{number}",
            created_at=start + timedelta(seconds=number), like_count=rng.randrange(0, 20))
        if made and rng.random() < 0.3:
            parent = rng.choice(made)
            comment.in_reply_to_id, comment.in_reply_to_name = parent.pk, parent.author_name
            if parent.depth >= 3:
                comment.parent_id, comment.depth = parent.parent_id, parent.depth
            else:
                comment.parent_id, comment.depth = parent.pk, parent.depth + 1
            comment.root_id = parent.root_id or parent.pk
        made.append(comment)
        batch.append(comment)
        if len(batch) == 1000:
            Comment.objects.bulk_create(batch)
            batch = []
    Comment.objects.bulk_create(batch)
    Thread.objects.filter(pk=thread.pk).update(comment_count=count)
"""

# Articles with threads of 200, 2,000 and 20,000 comments.
SEED = (
    SEED_SHAPE
    + r"""
from gazette.articles.models import Article, Author, Byline, Section
from gazette.comments import services

section = Section.objects.create(slug="courts", name="Courts")
author = Author.objects.create(name="Desk Reporter", slug="desk")

def article(slug, count):
    art = Article.objects.create(
        headline=f"Appeal hearing with {count} comments", slug=slug, section=section,
        body="ASTANA -- The appeal opened on Monday.", status="published",
        published_at=timezone.now() - timedelta(hours=30), dateline="Astana")
    Byline.objects.create(article=art, author=author)
    fill(services.thread_for_article(art), count, slug)
    print("page", count, art.get_absolute_url())

article("thread-200", 200)
article("thread-2000", 2000)
article("thread-20000", 20000)
"""
)

# The demo content's pages, and a signed-in reader's session.
PAGES = r"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from gazette.accounts.models import User
from gazette.articles.models import Article, Author, Section, Tag
demo = (Article.objects.published().filter(language="en", tags__isnull=False)
        .order_by("-published_at").first())
print("page front /en/")
print("page demo", demo.get_absolute_url())
print("page section", demo.section.get_absolute_url())
print("page author", demo.bylines.first().author.get_absolute_url())
print("page tag", demo.tags.first().get_absolute_url())
user = User.objects.create_user(username="bench@example.org", email="bench@example.org",
                                password="bench-only", display_name="Bench Reader")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("session", session.session_key)
"""


@dataclass(frozen=True)
class Case:
    label: str
    path: str
    via: str  # "django", "nginx" or "file"
    peer: str  # the Isso test it is compared with: list200, list2000, or "" (see target)
    target: str
    cookie: str = ""
    origin: str = ""  # sent as a browser on another site's page would


@dataclass(frozen=True)
class Figures:
    rps: float
    p50: float
    p99: float
    unloaded: float
    size: int
    errors: int
    load: float


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def seeded(env: dict[str, str]) -> tuple[dict[str, str], str]:
    paths: dict[str, str] = {}
    session = ""
    for script in (SEED, PAGES):
        for line in harness.manage(env, "shell", "--command", script, timeout=900).splitlines():
            words = line.split()
            if words[:1] == ["page"]:
                paths[words[1]] = words[2]
            elif words[:1] == ["session"]:
                session = words[1]
    return paths, session


def cases(paths: dict[str, str], session: str) -> list[Case]:
    thread = paths["200"]
    listed = [("front page", "front"), ("section page", "section"), ("author page", "author")]
    listed += [("tag page", "tag"), ("demo article", "demo")]
    found = [
        Case("article + 200-comment thread", thread, "django", "list200", ">= 50x, p99 < 100 ms"),
        Case("2,000-comment story, first page", paths["2000"], "django", "list2000", ">= 500x"),
        Case(
            "20,000-comment story, first page",
            paths["20000"],
            "django",
            "list2000",
            "p99 <= 1.5x the 200-comment page's",
        ),
    ]
    found += [Case(label, paths[key], "django", "list200", ">= 100x") for label, key in listed]
    for label, key in [*listed, ("article + 200-comment thread", "200")]:
        found.append(Case(f"{label}, nginx", paths[key], "nginx", "", ">= 50% of the file"))
        found.append(Case(f"{label}, same bytes from a file", paths[key], "file", "", ""))
    found.append(
        Case(
            "article + 200-comment thread, signed in",
            thread,
            "django",
            "list200",
            ">= 20x",
            cookie=f"sessionid={session}",
        )
    )
    return found


def measure(case: Case, port: int, knobs: harness.LoadKnobs) -> Figures:
    headers = dict(GZIP)
    if case.cookie:
        headers["Cookie"] = case.cookie
    if case.origin:
        headers["Origin"] = case.origin
    fetch = functools.partial(harness.request, port, "GET", case.path, headers=headers)
    unloaded, response = harness.unloaded_ms(fetch, warmups=5)
    load = load_average()
    loaded = harness.run_wrk(port, case.path, knobs, headers)
    return Figures(
        loaded.requests_per_second,
        loaded.p50_ms,
        loaded.p99_ms,
        unloaded,
        len(response.body),
        loaded.errors,
        load,
    )


def copy_as_files(nginx_port: int, found: list[Case], folder: Path) -> dict[str, str]:
    """Each nginx case's answer, byte for byte, as a file nginx can serve (the upper bound)."""
    files: dict[str, str] = {}
    for number, case in enumerate(case for case in found if case.via == "nginx"):
        body = harness.request(nginx_port, "GET", case.path, headers=GZIP).body
        name = f"page-{number}.html.gz"
        (folder / name).write_bytes(body)
        gzip.decompress(body)  # it must be the compressed page
        files[case.path] = f"/bench-files/{name}"
    return files


def run_peer(knobs: harness.LoadKnobs) -> tuple[dict[str, Figures], float]:
    """One run of the shared peer script (Isso under gunicorn only), read from its results."""
    load = load_average()
    env = {
        **os.environ,
        "BENCH_DURATION": str(knobs.duration),
        "BENCH_CONNS": str(knobs.connections),
        "BENCH_THREADS": str(knobs.threads),
        "BENCH_MODES": "gunicorn",
        "BENCH_WORK": str(PEER_WORK),
    }
    done = subprocess.run(
        ["bash", str(PEER_SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{PEER_SCRIPT} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    found: dict[str, Figures] = {}
    for line in (PEER_WORK / "results" / "rows.tsv").read_text().splitlines():
        label, _test, unloaded, size, pairs = line.split("\t")
        values = dict(pair.split("=", 1) for pair in pairs.split())
        errors = sum(int(values.get(key, 0)) for key in ("err_connect", "err_read", "err_write"))
        found[label.split("/", 1)[-1] if label.startswith("isso") else label] = Figures(
            float(values["rps"]),
            float(values["p50_ms"]),
            float(values["p99_ms"]),
            float(unloaded or 0),
            int(size or 0),
            errors + int(values.get("err_status", 0)) + int(values.get("err_timeout", 0)),
            load,
        )
    return found, load


def ratio(case: Case, mine: Figures, peer: dict[str, Figures], row: dict[str, Figures]) -> str:
    if case.via == "nginx" and not case.peer:
        bound = row.get(case.label.replace(", nginx", ", same bytes from a file"))
        return f"{mine.rps / bound.rps:.0%} of the file" if bound else ""
    if case.label.startswith("20,000"):
        base = row.get("article + 200-comment thread")
        return f"p99 {mine.p99 / base.p99:.2f}x the 200's" if base else ""
    if case.peer in peer and peer[case.peer].rps > 0:
        return f"{mine.rps / peer[case.peer].rps:.0f}x Isso"
    return ""


def print_table(
    rounds: list[tuple[dict[str, Figures], float, dict[str, Figures]]], found: list[Case]
) -> None:
    columns = ["case", "target", "round", "Isso req/s (load)", "Gazette req/s", "p50", "p99"]
    columns += ["bytes", "unloaded", "load", "ratio"]
    print("\n| " + " | ".join(columns) + " |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for case in found:
        for number, (peer, peer_load, mine) in enumerate(rounds, start=1):
            figures = mine[case.label]
            reference = peer.get(case.peer)
            isso = f"{reference.rps:.1f} ({peer_load:.1f})" if reference else ""
            print(
                f"| {case.label} | {case.target} | {number} | {isso} | {figures.rps:,.0f} |"
                f" {figures.p50:.1f} ms | {figures.p99:.1f} ms | {figures.size:,} |"
                f" {figures.unloaded:.1f} ms | {figures.load:.1f} |"
                f" {ratio(case, figures, peer, mine)} |"
            )
    for number, (peer, peer_load, _mine) in enumerate(rounds, start=1):
        line = ", ".join(f"{name} {figures.rps:,.1f} req/s" for name, figures in peer.items())
        print(f"\nIsso, round {number} (load {peer_load:.1f} at its start): {line}")


# wrk takes the paths in turn; one request in eight is a returning reader's (personal page),
# one in eight a signed-in reader's, and one in sixteen an address never asked for before.
MIXED_LUA = """
local paths = {%(paths)s}
local session = "%(session)s"
local counter = 0
request = function()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  local headers = {["Accept-Encoding"] = "gzip"}
  if counter %% 8 == 1 then headers["Cookie"] = "gz_reader=returning" end
  if counter %% 8 == 5 then headers["Cookie"] = "sessionid=" .. session end
  if counter %% 16 == 3 then path = path .. "?cpage=" .. (counter %% 50 + 2) end
  return wrk.format("GET", path, headers)
end
"""


def mixed_load(port: int, found: list[Case], session: str, minutes: float, work: Path) -> None:
    paths = sorted({case.path for case in found if case.via == "django"})
    script = work / "mixed.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(MIXED_LUA % {"paths": quoted, "session": session})
    seconds = int(minutes * 60)
    done = subprocess.run(
        [str(harness.WRK), "-t2", "-c32", f"-d{seconds}s", "-s", str(script),
         f"http://{harness.HOST}:{port}/"],
        capture_output=True, text=True, timeout=seconds + 120, check=False,
    )  # fmt: skip
    rate = next((line for line in done.stdout.splitlines() if "Requests/sec" in line), "")
    print(f"\nmixed load for {minutes:g} minutes: {rate.strip()}")


def worker_memory(server: harness.Server) -> list[int]:
    """Resident memory (MB) of each gunicorn worker of `server`."""
    children = subprocess.run(
        ["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        kilobytes = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")
        )
        sizes.append(kilobytes // 1024)
    return sizes


def bench(work: Path, database_url: str, knobs: harness.LoadKnobs) -> None:
    extra = {"SECRET_KEY": SECRET, "GAZETTE_COMMENT_AUTO_CLOSE_DAYS": "0"}
    if database_url:
        extra["DATABASE_URL"] = database_url
    env = harness.scratch_env(work, extra)
    started = time.monotonic()
    harness.prepare_install(env)
    harness.manage(env, "load_demo_content", "--if-empty")
    paths, session = seeded(env)
    found = cases(paths, session)
    database = "PostgreSQL" if database_url else "SQLite"
    print(
        f"Gazette on {database}, seeded in {time.monotonic() - started:.0f} s;"
        f" {knobs.wrk_command()}"
    )
    files = work / "files"
    files.mkdir()
    rounds: list[tuple[dict[str, Figures], float, dict[str, Figures]]] = []
    loaded_seconds = 0.0
    with harness.Server(env, workers=knobs.workers, log_path=work / "gunicorn.log") as server:
        server.wait_until_ready(paths["front"])
        nginx = ScratchNginx(work / "nginx", app_port=server.port, var_dir=work)
        nginx.add_static("/bench-files/", files)
        with nginx:
            copies = copy_as_files(nginx.http_port, found, files)
            for number in range(1, int(os.environ.get("BENCH_ROUNDS", "2")) + 1):
                print(f"round {number}: Isso (load {load_average():.1f})", flush=True)
                peer, peer_load = run_peer(knobs)
                print(f"round {number}: Gazette (load {load_average():.1f})", flush=True)
                mine: dict[str, Figures] = {}
                for case in found:
                    if case.via == "file":
                        port, target = (
                            nginx.http_port,
                            Case(case.label, copies[case.path], "file", "", ""),
                        )
                    else:
                        port, target = (
                            (nginx.http_port if case.via == "nginx" else server.port),
                            case,
                        )
                    mine[case.label] = measure(target, port, knobs)
                    if case.via == "django":
                        loaded_seconds += knobs.duration
                rounds.append((peer, peer_load, mine))
        memory = worker_memory(server)
        mixed = float(os.environ.get("BENCH_MIXED_MINUTES", "0"))
        if mixed:
            mixed_load(server.port, found, session, mixed, work)
            after = worker_memory(server)
            print(f"resident memory per worker after it: {', '.join(f'{m} MB' for m in after)}")
    if rounds:
        print_table(rounds, found)
    print(
        f"\nResident memory per Gazette worker after the rounds ({loaded_seconds / 60:.1f} minutes)"
        f" on Django (plus the nginx runs): {', '.join(f'{size} MB' for size in memory)}"
    )


def main() -> None:
    if harness.WRK is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    if not PEER_SCRIPT.exists():
        sys.exit(f"the peer script is missing: {PEER_SCRIPT} (set BENCH_PEER_SCRIPT)")
    knobs = harness.LoadKnobs.from_env()
    database_url = os.environ.get("BENCH_DATABASE_URL", "")
    with harness.scratch_dir(
        "gazette-bench-peer-", keep=bool(os.environ.get("BENCH_KEEP"))
    ) as work:
        try:
            if database_url:
                harness.scratch_postgres(database_url, create=True)
            bench(work, database_url, knobs)
        finally:
            if database_url:
                harness.scratch_postgres(database_url, create=False)


if __name__ == "__main__":
    main()
