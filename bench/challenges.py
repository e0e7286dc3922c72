"""Server time per challenge issued and per verification, and client solve time per difficulty.

    .venv/bin/python bench/challenges.py [--iterations 500] [--http] [--browser]

In process (always), on a scratch SQLite database in a temporary folder:
  - issuing: the signing alone, and the whole GET /challenges/new/ through Django's middleware
    (rate-limit count, activity read, signing, JSON);
  - verifying: the proof check alone, and a whole HumanCheckForm.is_valid() (proof check,
    activity counts, the single-use insert), with solutions prepared beforehand;
  - solving: the altcha library's Python solver at each difficulty level (a bot's floor, not a
    browser).
--http: the same endpoint served by gunicorn (2 workers) on a free 127.0.0.1 port.
--browser: the vendored widget solving challenges of each level in headless Chromium (from
  127.0.0.1 only); every payload it produces is then checked by our own verifier.
Loops are bounded by --iterations and per-level time budgets; everything stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import harness

sys.path.insert(0, str(harness.ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="gazette-bench-challenges-"))
(SCRATCH / "static").mkdir()  # STATIC_ROOT: nothing is collected, but WhiteNoise looks
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "gazette.settings",
        "GAZETTE_VAR_DIR": str(SCRATCH),
        "DATABASE_URL": f"sqlite:///{SCRATCH / 'bench.sqlite3'}",
        "CACHE_URL": "",
        "REDIS_URL": "",
        "SECRET_KEY": "bench-" + "x" * 50,
        "GAZETTE_TRUSTED_PROXIES": "1",
    }
)

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from altcha.v1 import Challenge, Payload, Solution, solve_challenge  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, RequestFactory, override_settings  # noqa: E402

from gazette.challenges import proof  # noqa: E402
from gazette.challenges.conf import ChallengeSettings, challenge_settings  # noqa: E402
from gazette.challenges.forms import HumanCheckForm  # noqa: E402
from gazette.challenges.widgets import make_stamp  # noqa: E402

# Measure the accepting path: no threshold is reached, no rate limit refuses.
BENCH_CONFIG = {
    "RATES": {"challenge": {"reader": "1000000000/600", "ip": "1000000000/600"}},
    "THRESHOLDS": {
        "ip_submissions": [10**9],
        "ip_failures": [10**9],
        "site_submissions": [10**9],
        "site_failures": [10**9],
    },
}


def timed(label: str, count: int, action: Callable[[int], object]) -> None:
    samples = harness.time_each(action, range(count))
    print(
        f"  {label:<42} {statistics.mean(samples):7.3f} ms mean"
        f"  {harness.percentile(samples, 0.50):7.3f} p50"
        f"  {harness.percentile(samples, 0.95):7.3f} p95  (n={count})"
    )


def solved(challenge: Challenge) -> Solution:
    solution = solve_challenge(challenge)
    if solution is None:
        raise RuntimeError("the solver found no solution")
    return solution


def payload_for(challenge: dict[str, Any]) -> str:
    parsed = Challenge(
        challenge["algorithm"],
        challenge["challenge"],
        challenge["maxNumber"],
        challenge["salt"],
        challenge["signature"],
    )
    solution = solved(parsed)
    return Payload(
        parsed.algorithm, parsed.challenge, solution.number, parsed.salt, parsed.signature
    ).to_base64()


def in_process(iterations: int) -> None:
    config = challenge_settings()
    level0 = config.max_number(0)
    print(f"In process (Python {sys.version.split()[0]}, SQLite, database cache):")
    timed(
        "issue: sign a challenge",
        iterations,
        lambda _: proof.issue_challenge(max_number=level0, scope="form", config=config),
    )
    client = Client()
    timed(
        "issue: GET /challenges/new/ (whole request)",
        iterations,
        lambda i: client.get(
            "/challenges/new/?for=form", HTTP_X_FORWARDED_FOR=f"10.1.{i // 250}.{i % 250}"
        ),
    )

    payloads = [
        payload_for(proof.issue_challenge(max_number=level0, scope="form", config=config))
        for _ in range(iterations)
    ]
    timed(
        "verify: proof check only",
        iterations,
        lambda i: proof.check_solution(payloads[i], scope="form", config=config),
    )
    fresh = [
        payload_for(proof.issue_challenge(max_number=level0, scope="form", config=config))
        for _ in range(iterations)
    ]
    factory = RequestFactory()
    stamp = make_stamp()

    def validate(i: int) -> None:
        data = {"altcha": fresh[i], "rendered_at": stamp}
        request = factory.post("/", data, HTTP_X_FORWARDED_FOR=f"10.2.{i // 250}.{i % 250}")
        form = HumanCheckForm(data, request=request)
        if not form.is_valid():
            raise RuntimeError(form.errors.as_text())

    timed("verify: whole form check (is_valid)", iterations, validate)


def python_solver(levels: tuple[int, ...], budget: float) -> None:
    config = challenge_settings()
    print("Solving with the altcha library's Python solver (one core):")
    for level, max_number in enumerate(levels):
        times: list[float] = []
        tried = 0
        deadline = time.monotonic() + budget
        while len(times) < 3 or (time.monotonic() < deadline and len(times) < 50):
            challenge = Challenge(
                **_challenge_args(
                    proof.issue_challenge(max_number=max_number, scope="form", config=config)
                )
            )
            start = time.perf_counter()
            solution = solved(challenge)
            times.append(time.perf_counter() - start)
            tried += solution.number + 1
        rate = tried / sum(times)
        print(
            f"  level {level} (max {max_number:>9,}): {statistics.mean(times) * 1000:8.1f} ms"
            f" mean, {max(times) * 1000:8.1f} max over {len(times)}; {rate / 1e6:.2f} M hashes/s"
        )


def _challenge_args(challenge: dict[str, Any]) -> dict[str, Any]:
    return {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "max_number": challenge["maxNumber"],
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }


def over_http(iterations: int) -> None:
    env = {**os.environ, "GAZETTE_ENV": "local", "DEBUG": "false"}
    with harness.Server(env, workers=2, log_path=SCRATCH / "gunicorn.log") as server:
        server.wait_until_ready("/challenges/new/?for=form")
        print(f"Over HTTP (gunicorn, 2 workers, {harness.HOST}:{server.port}):")
        connection = http.client.HTTPConnection(harness.HOST, server.port, timeout=10)

        def fetch(i: int) -> None:
            # Behind one trusted proxy each request names its reader's address, so the
            # per-address issuing limit is not what is measured.
            connection.request(
                "GET",
                "/challenges/new/?for=form",
                headers={"X-Forwarded-For": f"10.3.{i // 250}.{i % 250}"},
            )
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"GET /challenges/new/ answered {response.status}")

        timed("issue: GET /challenges/new/ (sequential)", iterations, fetch)
        connection.close()


BROWSER_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/altcha.js"></script></head><body>
<script id="runs" type="application/json">%(runs)s</script>
<script type="module">
const runs = JSON.parse(document.getElementById("runs").textContent);
const results = [];
for (const run of runs) {
  const form = document.createElement("form");
  const widget = document.createElement("altcha-widget");
  widget.setAttribute("challengejson", JSON.stringify(run.challenge));
  widget.setAttribute("workers", String(run.workers));
  widget.setAttribute("hidefooter", "");
  form.appendChild(widget);
  document.body.appendChild(form);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const done = new Promise((resolve) => widget.addEventListener("statechange", (event) => {
    if (["verified", "error"].includes(event.detail.state)) resolve(event.detail);
  }));
  const start = performance.now();
  widget.verify();
  const detail = await done;
  results.push({level: run.level, workers: run.workers, ms: performance.now() - start,
                state: detail.state, payload: detail.payload,
                cores: navigator.hardwareConcurrency});
  form.remove();
}
await fetch("/result", {method: "POST", body: JSON.stringify(results)});
</script></body></html>"""


def in_browser(levels: tuple[int, ...], repeats: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Browser: chromium is not installed; skipped.")
        return
    config = challenge_settings()
    runs = [
        {
            "level": level,
            "workers": workers,
            "challenge": proof.issue_challenge(max_number=max_number, scope="form", config=config),
        }
        for level, max_number in enumerate(levels)
        for workers in (1, 2)
        for _ in range(repeats)
    ]
    page = BROWSER_PAGE % {"runs": json.dumps(runs).replace("</", "<\\/")}
    script = (harness.ROOT / "gazette/challenges/static/challenges/vendor/altcha.js").read_bytes()
    received: list[list[dict[str, Any]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = (
                (script, "text/javascript")
                if self.path == "/altcha.js"
                else (page.encode(), "text/html; charset=utf-8")
            )
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((harness.HOST, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="gazette-bench-chromium-")
    browser = subprocess.Popen(
        [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"http://{harness.HOST}:{server.server_port}/",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 600
        while not received and time.monotonic() < deadline and browser.poll() is None:
            time.sleep(0.5)
    finally:
        browser.terminate()
        browser.wait(timeout=10)
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    if not received:
        print("Browser: no result within the time limit.")
        return
    _report_browser(received[0], levels, config)


def _report_browser(
    results: list[dict[str, Any]], levels: tuple[int, ...], config: ChallengeSettings
) -> None:
    cores = results[0]["cores"] if results else "?"
    print(f"Widget in headless Chromium (navigator.hardwareConcurrency={cores}):")
    accepted = 0
    for level, max_number in enumerate(levels):
        for workers in (1, 2):
            runs = [r for r in results if r["level"] == level and r["workers"] == workers]
            times = [r["ms"] for r in runs if r["state"] == "verified"]
            if times:
                print(
                    f"  level {level} (max {max_number:>9,}), {workers} worker(s): "
                    f"{statistics.mean(times):8.1f} ms mean, {max(times):8.1f} max "
                    f"over {len(times)}"
                )
    for run in results:
        if run["state"] == "verified":
            proof.check_solution(run["payload"], scope="form", config=config)
            accepted += 1
    print(f"  our verifier accepted {accepted} of {len(results)} widget payloads")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--http", action="store_true")
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--repeats", type=int, default=5, help="widget runs per level")
    parser.add_argument("--solve-budget", type=float, default=3.0, help="seconds per level")
    options = parser.parse_args()
    iterations = max(1, min(options.iterations, 5000))
    try:
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        with override_settings(
            GAZETTE_CHALLENGES={
                **getattr(settings, "GAZETTE_CHALLENGES", {}),
                **BENCH_CONFIG,
            }
        ):
            levels = challenge_settings().levels
            in_process(iterations)
            python_solver(levels, options.solve_budget)
            if options.http:
                over_http(iterations)
            if options.browser:
                in_browser(levels, max(1, min(options.repeats, 20)))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
