"""What the benchmark scripts share: a scratch install, gunicorn on 127.0.0.1, requests, wrk.

The scripts run as files (`.venv/bin/python bench/pages.py`), so they import this module as
`harness`. It imports nothing of Gazette or Django: a script that configures Django in process
can import it first. Everything here talks to 127.0.0.1 only, every wait has a deadline, and
what is started here is stopped here: `Server.stop()` ends the process group it created and
nothing else.
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
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, TypeVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
WRK = shutil.which("wrk")

# Settings a scratch install must not inherit from the shell that runs the benchmark.
_NOT_INHERITED = frozenset({"DATABASE_URL", "CACHE_URL", "REDIS_URL", "GAZETTE_ENV", "DEBUG"})

T = TypeVar("T")


# ---------------------------------------------------------------- the scratch install


def free_port() -> int:
    """A TCP port of 127.0.0.1 that was free a moment ago (the OS picked it)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def scratch_dir(prefix: str, *, keep: bool = False) -> Iterator[Path]:
    """A new empty temporary folder, removed on the way out unless `keep` (then its path is
    printed)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        if keep:
            print(f"kept {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def scratch_env(var_dir: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a scratch install in `var_dir`.

    The database, cache, environment kind and DEBUG of the calling shell are dropped (the
    install gets SQLite and the database cache in `var_dir` unless `extra` names a
    DATABASE_URL); logging is quiet (LOG_LEVEL=ERROR) and unbuffered; `extra` is applied last.
    """
    env = {key: value for key, value in os.environ.items() if key not in _NOT_INHERITED}
    env |= {"GAZETTE_VAR_DIR": str(var_dir), "LOG_LEVEL": "ERROR", "PYTHONUNBUFFERED": "1"}
    env |= extra or {}
    return env


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> str:
    """Run `manage.py ARGS` in `env` and return what it printed. Ends the benchmark (SystemExit
    with its output) when the command fails, and kills it after `timeout` seconds."""
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


def prepare_install(env: dict[str, str]) -> None:
    """Bring the install described by `env` to what `make run` serves, without content:
    migrated, with the cache table and collected static files."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def scratch_postgres(url: str, *, create: bool, admin_url: str | None = None) -> None:
    """Drop the PostgreSQL database that `url` names if it exists, then create it empty when
    `create`. Connects as `admin_url`, by default `url` with the database `postgres`."""
    import psycopg  # noqa: PLC0415 - only benchmarks run on PostgreSQL need it
    from psycopg import sql  # noqa: PLC0415

    name = urlsplit(url).path.lstrip("/")
    admin = admin_url or url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        if create:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def run_on_each_database(
    script: str, sqlite_name: str, heading: str, args: list[str], *, timeout: int
) -> int:
    """Run `script --run URL *args` in a process of its own on a scratch SQLite database, then
    on the scratch PostgreSQL database that BENCH_DATABASE_URL names (created, then dropped),
    each under `heading` (`{name}` is the engine). Returns 1 if a run failed, else 0."""
    targets = []
    with scratch_dir(f"gazette-bench-{Path(script).stem}-") as folder:
        targets.append(("SQLite", f"sqlite:///{folder / sqlite_name}"))
        postgres = os.environ.get("BENCH_DATABASE_URL", "")
        if postgres:
            scratch_postgres(postgres, create=True)
            targets.append(("PostgreSQL", postgres))
        failed = False
        for name, url in targets:
            print(heading.format(name=name))
            env = scratch_env(folder, {"DATABASE_URL": url})
            done = subprocess.run(
                [sys.executable, str(Path(script).resolve()), "--run", url, *args],
                env=env,
                check=False,
                timeout=timeout,
            )
            failed = failed or done.returncode != 0
        if postgres:
            scratch_postgres(postgres, create=False)
        else:
            print("PostgreSQL: not measured (set BENCH_DATABASE_URL to a scratch database)")
    return 1 if failed else 0


# ---------------------------------------------------------------- the server


def server_kind() -> str:
    """BENCH_SERVER: "asgi" (the production server, as deploy/bin/gazette-web runs it) or
    "wsgi" (gunicorn's sync workers, for comparison)."""
    kind = os.environ.get("BENCH_SERVER", "asgi")
    if kind not in ("asgi", "wsgi"):
        raise SystemExit("BENCH_SERVER must be asgi or wsgi")
    return kind


class Server:
    """The production server, as deploy/bin/gazette-web runs it (gunicorn managing uvicorn
    workers, `gazette.asgi`; with BENCH_SERVER=wsgi, sync workers and `gazette.wsgi`), on a free
    port of 127.0.0.1.

    It runs in a process group of its own, with its output in `log_path`. Use it as a context
    manager (or call stop()): on the way out the group it started, and only that, is ended.
    """

    def __init__(self, env: dict[str, str], *, workers: int, log_path: Path) -> None:
        self.port = free_port()
        self.log_path = log_path
        self.kind = server_kind()
        app = (
            ["gazette.asgi:application", "--worker-class", "uvicorn_worker.UvicornWorker"]
            if self.kind == "asgi"
            else ["gazette.wsgi"]
        )
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    *(str(BIN / "gunicorn"), *app, "--workers", str(workers)),
                    *("--bind", f"{HOST}:{self.port}", "--log-level", "warning"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def wait_until_ready(self, path: str, timeout: float = 30) -> None:
        """Return once GET `path` answers 200. Ends the benchmark (SystemExit with the end of
        the server's log) if gunicorn exits or `timeout` seconds pass first."""
        deadline = time.monotonic() + timeout
        status: int | None = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail(f"gunicorn exited with {self.process.returncode}")
            try:
                status = request(self.port, "GET", path).status
            except (OSError, http.client.HTTPException):
                status = None
            if status == 200:
                return
            time.sleep(0.2)
        self._fail(f"GET {path} did not answer 200 within {timeout:.0f} s (last: {status})")

    def stop(self) -> None:
        """End the server: SIGTERM to its group (gunicorn stops its workers), SIGKILL to the
        group if it is still there after 20 s. Safe to call twice."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def _fail(self, reason: str) -> None:
        self.stop()
        log = self.log_path.read_text(errors="replace")[-3000:]
        sys.exit(f"{reason}; the end of its log:\n{log}")


# ---------------------------------------------------------------- requests


class Response(NamedTuple):
    status: int
    body: bytes
    set_cookie: list[str]


def form_post_headers(port: int, page: str, number: int, *, network: int) -> dict[str, str]:
    """Headers of a form posted from `page` as a browser sends it (kept pages carry no CSRF
    token; core/csrf.py accepts the browser's own word for where it comes from), each post
    claiming its own client address in 10.`network`.x.y behind "our proxy" (only a header)."""
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{HOST}:{port}",
        "Sec-Fetch-Site": "same-origin",
        "Referer": f"http://{HOST}:{port}{page}",
        "X-Forwarded-For": f"10.{network}.{number // 256 % 256}.{number % 256}",
    }


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """One request to 127.0.0.1:`port` on a fresh connection, closed afterwards; the whole body
    is read. Raises OSError (or http.client.HTTPException) when the server cannot be reached
    or does not answer within 30 s."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        return Response(
            response.status, response.read(), response.headers.get_all("Set-Cookie") or []
        )
    finally:
        connection.close()


# ---------------------------------------------------------------- measuring


def percentile(values: Iterable[float], fraction: float) -> float:
    """The nearest-rank percentile: the value with index int(fraction * n) of the sorted values
    (the largest for fraction 1). Raises ValueError when there are no values."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_each(action: Callable[[T], object], items: Iterable[T]) -> list[float]:
    """Call `action` once per item, in order, and return how long each call took, in ms."""
    timings = []
    for item in items:
        started = time.perf_counter()
        action(item)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def unloaded_ms(send: Callable[[], T], *, warmups: int, runs: int = 3) -> tuple[float, T]:
    """The unloaded latency of `send`: called `warmups` times untimed, then `runs` times one
    after another; returns the median of the timed calls in ms and the last call's result."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    for _ in range(warmups):
        send()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = send()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


@dataclass(frozen=True)
class LoadKnobs:
    """The shape of a wrk run and of the server under it, from the environment:
    BENCH_DURATION seconds, BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2)."""

    duration: int
    connections: int
    threads: int
    workers: int

    @classmethod
    def from_env(cls, *, default_duration: int = 20) -> LoadKnobs:
        """The knobs as set in the environment, each with its default when unset."""
        return cls(
            duration=int(os.environ.get("BENCH_DURATION", str(default_duration))),
            connections=int(os.environ.get("BENCH_CONNECTIONS", "32")),
            threads=int(os.environ.get("BENCH_THREADS", "2")),
            workers=int(os.environ.get("BENCH_WORKERS", "2")),
        )

    def wrk_command(self) -> str:
        """The wrk options, as printed with the figures."""
        return f"wrk -t{self.threads} -c{self.connections} -d{self.duration}s --latency"


@dataclass(frozen=True)
class Load:
    """What a bounded load run measured: rate, latencies in ms, failed requests."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def run_wrk(
    port: int, path: str, knobs: LoadKnobs, headers: Mapping[str, str] | None = None
) -> Load:
    """Load GET `path` on 127.0.0.1:`port` with wrk for `knobs.duration` seconds (killed 60 s
    after that at the latest), sending `headers` with every request. Errors count socket
    errors and non-2xx/3xx answers. Ends the benchmark (SystemExit with wrk's output) when
    wrk is missing or prints no figures."""
    if WRK is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    command = [
        WRK,
        f"-t{knobs.threads}",
        f"-c{knobs.connections}",
        f"-d{knobs.duration}s",
        "--timeout",
        "30s",
        "--latency",
        *(part for name, value in (headers or {}).items() for part in ("-H", f"{name}: {value}")),
        f"http://{HOST}:{port}{path}",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=knobs.duration + 60, check=False
    )
    output = done.stdout + done.stderr
    errors = sum(
        int(count)
        for count in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
        + re.findall(r"Non-2xx or 3xx responses: (\d+)", output)
    )
    return Load(
        requests_per_second=float(_found(r"Requests/sec:\s+([\d.]+)", output)),
        p50_ms=_milliseconds(_found(r"^\s+50%\s+(\S+)", output)),
        p99_ms=_milliseconds(_found(r"^\s+99%\s+(\S+)", output)),
        errors=errors,
    )


def _found(pattern: str, output: str) -> str:
    match = re.search(pattern, output, re.MULTILINE)
    if match is None:
        sys.exit(f"wrk printed no {pattern!r}:\n{output}")
    return match.group(1)


def _milliseconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        sys.exit(f"wrk printed a time that is not one: {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]
