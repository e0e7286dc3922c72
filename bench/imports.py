"""Importing a Disqus export: Gazette's `import_comments` against Isso's own importer, on the
same generated file, in the same sitting.

    .venv/bin/python bench/imports.py
    BENCH_IMPORT_COMMENTS=20000 .venv/bin/python bench/imports.py    # a quicker pass

The file is written under a temporary folder in the load shape of ../shared/bench/README.md:
threads of 200 and 2,000 comments, about 30% replies, texts of 80-700 characters with some
markup, 300 authors, about 70% with an e-mail address. Each run imports it into a fresh SQLite
database: Gazette's through `manage.py import_comments --format disqus` (after `migrate`), Isso's
through `isso -c isso.cfg import` (Isso 0.14 from PyPI, installed into a temporary virtual
environment, or the one ../shared/bench/run_peer_bench.sh left in /tmp/isso-bench, when
present). The two take turns BENCH_ROUNDS (2) times; each run notes the one-minute load average
at its start. Figures: comments per second (the file's comments over the command's wall time)
and peak resident memory of the importing process (getrusage of a wrapper's children, so
`migrate` does not count). Knobs: BENCH_IMPORT_COMMENTS (100000), BENCH_ROUNDS (2),
BENCH_ISSO_VENV, BENCH_KEEP=1.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import harness

COMMENTS = int(os.environ.get("BENCH_IMPORT_COMMENTS", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
PEER_REQUIREMENTS = harness.ROOT.parent / "shared" / "bench" / "peer-requirements.txt"
SHARED_VENV = Path("/tmp/isso-bench/venv")  # noqa: S108 - where the peer script keeps Isso
WORDS = [
    "court", "ruling", "appeal", "evidence", "verdict", "judge", "witness", "hearing",
    "prosecutor", "defence", "sentence", "region", "council", "budget", "report", "police",
    "statement", "law", "reform", "journalist", "source",
]  # fmt: skip
# Runs one command and prints its children's peak resident memory (kilobytes on Linux).
PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(done.returncode)\n"
)


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 100))]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = "<em>" + rng.choice(WORDS) + "</em>"
    if rng.random() < 0.1:
        words.append('<a href="https://example.org/report">the report</a>')
    return "<p>" + " ".join(words)[:700] + "</p>"


def _post(
    rng: random.Random, post_id: int, thread_id: int, parent: int | None, at: datetime
) -> str:
    author = rng.randrange(300)
    email = f"<email>reader{author}@example.org</email>" if rng.random() < 0.7 else "<email/>"
    parent_element = f'<parent dsq:id="{parent}"/>' if parent else ""
    return (
        f'<post dsq:id="{post_id}"><id/><message><![CDATA[{_text(rng)}]]></message>'
        f"<createdAt>{at:%Y-%m-%dT%H:%M:%SZ}</createdAt><isDeleted>false</isDeleted>"
        f"<isSpam>false</isSpam><author>{email}<name>Reader {author}</name>"
        f"<isAnonymous>false</isAnonymous></author><ipAddress>10.0.{author % 250}.1</ipAddress>"
        f'<thread dsq:id="{thread_id}"/>{parent_element}</post>\n'
    )


def write_disqus_file(path: Path, total: int) -> None:
    """Threads of 2,000 and of 200 comments until `total`, about 30% of them replies; written
    as it goes, so memory stays small whatever the total."""
    rng = random.Random(14)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
            'xmlns:dsq="http://disqus.com/disqus-internals">\n'
        )
        post_id, thread_id, written = 1, 1, 0
        while written < total:
            size = min(2000 if thread_id % 2 else 200, total - written)
            out.write(
                f'<thread dsq:id="{thread_id}"><id/><link>https://old.example/{thread_id}/story/'
                f"</link><title>{escape(f'Story {thread_id}')}</title><isClosed>false</isClosed>"
                "<isDeleted>false</isDeleted></thread>\n"
            )
            first = post_id
            for number in range(size):
                parent = rng.randrange(first, post_id) if number and rng.random() < 0.3 else None
                at = start + timedelta(days=thread_id, seconds=number * 37)
                out.write(_post(rng, post_id, thread_id, parent, at))
                post_id += 1
            written += size
            thread_id += 1
        out.write("</disqus>\n")


@dataclass(frozen=True)
class Run:
    who: str
    seconds: float
    peak_mb: float
    load: float


def measured(command: list[str], *, env: dict[str, str], cwd: Path) -> tuple[float, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return seconds, int(done.stdout.split()[-1]) / 1024


def run_gazette(folder: Path, export: Path) -> Run:
    load = os.getloadavg()[0]
    env = harness.scratch_env(folder, {"DATABASE_URL": f"sqlite:///{folder / 'gazette.sqlite3'}"})
    harness.manage(env, "migrate", "--noinput", "--verbosity", "0")
    command = [str(harness.BIN / "python"), "manage.py", "import_comments"]
    seconds, peak = measured(
        [*command, "--format", "disqus", str(export)], env=env, cwd=harness.ROOT
    )
    return Run("Gazette", seconds, peak, load)


def isso_venv(folder: Path) -> Path:
    given = os.environ.get("BENCH_ISSO_VENV")
    for venv in (Path(given) if given else None, SHARED_VENV):
        if venv is not None and (venv / "bin" / "isso").exists():
            return venv
    venv = folder / "isso-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "-r", str(PEER_REQUIREMENTS)],
        check=True,
        timeout=900,
    )
    return venv


def run_isso(folder: Path, export: Path, venv: Path) -> Run:
    load = os.getloadavg()[0]
    config = folder / "isso.cfg"
    config.write_text(
        f"[general]\ndbpath = {folder / 'isso.db'}\nhost = https://old.example/\n"
        "[server]\nlisten = http://127.0.0.1:0/\n"
    )
    seconds, peak = measured(
        [
            str(venv / "bin" / "isso"),
            "-c",
            str(config),
            "import",
            "--type",
            "disqus",
            "--empty-id",
            str(export),
        ],
        env=dict(os.environ),
        cwd=folder,
    )
    return Run("Isso", seconds, peak, load)


def main() -> None:
    keep = os.environ.get("BENCH_KEEP") == "1"
    with harness.scratch_dir("gazette-bench-imports-", keep=keep) as folder:
        export = folder / "disqus.xml"
        write_disqus_file(export, COMMENTS)
        print(f"{COMMENTS} comments, {export.stat().st_size / 1e6:.1f} MB of Disqus XML")
        venv = isso_venv(folder)
        runs: list[Run] = []
        for round_number in range(ROUNDS):
            for who in ("gazette", "isso"):
                scratch = folder / f"{who}-{round_number}"
                scratch.mkdir()
                if who == "gazette":
                    runs.append(run_gazette(scratch, export))
                else:
                    runs.append(run_isso(scratch, export, venv))
                last = runs[-1]
                print(
                    f"round {round_number + 1} {last.who:8} {COMMENTS / last.seconds:9.0f} "
                    f"comments/s  {last.seconds:7.1f} s  peak {last.peak_mb:6.1f} MB  "
                    f"load {last.load:.2f}"
                )
        for round_number in range(ROUNDS):
            ours, theirs = runs[2 * round_number], runs[2 * round_number + 1]
            print(
                f"round {round_number + 1}: Gazette {theirs.seconds / ours.seconds:.1f}x Isso's "
                "rate"
            )


if __name__ == "__main__":
    main()
