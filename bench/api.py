"""The JSON API against its peer, Isso, in one sitting: thread reads and the counts call.

    .venv/bin/python bench/api.py
    BENCH_DURATION=10 BENCH_ROUNDS=1 .venv/bin/python bench/api.py     # shorter

A scratch install registers a partner site and ten of its pages; two of them carry threads of
200 and 2,000 comments in the standard load shape (../shared/bench/README.md, seeded as
bench/peer.py seeds its articles). The calls are the widget's, with the partner's `Origin`:
- a thread read, `GET /api/v1/threads?site=…&url=…` (the first page of the thread, as Isso's
  `GET /?uri=` is its whole listing), for 200 and 2,000 comments, and the same with the poll
  (`with_poll=true`, the widget's first screen);
- the comment counts of the ten pages in one `GET /api/v1/counts` (Isso: `POST /count` with the
  same ten pages).
Each is measured on gunicorn alone and behind the shipped nginx configuration (deploy/nginx/),
which keeps public answers for GAZETTE_SHARED_PAGE_SECONDS under the calling origin and
language.
Isso is measured by ../shared/bench/run_peer_bench.sh; the two take turns BENCH_ROUNDS (2)
times and each run notes the load average at its start. Targets: thread reads at least 50x
Isso's req/s, the counts call at least 5x.

Knobs: BENCH_DURATION (20), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WORKERS (2),
BENCH_ROUNDS (2), BENCH_KEEP=1.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from urllib.parse import urlencode

import harness
import peer
from scratch import ScratchNginx  # deploy/nginx, on the path peer.py gives

ORIGIN = "https://partner.example.org"
PAGE = ORIGIN + "/news/{n}/"

# The partner site, its ten pages, two of them discussed at length, and a poll answered.
SEED_PAGES = (
    peer.SEED_SHAPE
    + f"ORIGIN = {ORIGIN!r}\nPAGE = {PAGE!r}\n"
    + r"""
from gazette.comments import services
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from gazette.accounts.readers import Reader
from gazette.sites.models import Site

site = Site.objects.create(key="partner", name="Partner", allowed_origins=[ORIGIN])
for n in range(1, 11):
    thread = services.thread_for_page(site=site, url=PAGE.format(n=n))
    if n in (1, 2):
        fill(thread, 200 if n == 1 else 2000, f"page{n}")
    target = PollTarget.for_page(site=thread.site, key=thread.key, article=None)
    for voter in range(20):
        cast_reaction(target=target, reader=Reader(key=f"anon:bench{n}-{voter}"), choice="yes")
print("seeded")
"""
)


def cases() -> list[peer.Case]:
    def thread(n: int, **extra: str) -> str:
        return "/api/v1/threads?" + urlencode({"site": "partner", "url": PAGE.format(n=n), **extra})

    counts = "/api/v1/counts?" + urlencode(
        [("site", "partner"), *(("url", PAGE.format(n=n)) for n in range(1, 11))]
    )
    widget = {"via": "django", "origin": ORIGIN}
    django = [
        peer.Case(
            "thread read, 200 comments", thread(1), peer="list200", target=">= 50x", **widget
        ),
        peer.Case(
            "thread read, 2,000 comments", thread(2), peer="list2000", target=">= 50x", **widget
        ),
        peer.Case(
            "first screen with the poll, 200 comments",
            thread(1, with_poll="true"),
            peer="list200",
            target=">= 50x",
            **widget,
        ),
        peer.Case("counts of 10 pages", counts, peer="count", target=">= 5x", **widget),
    ]
    # The same calls through the shipped nginx configuration, which keeps public answers.
    return django + [replace(case, label=f"{case.label}, nginx", via="nginx") for case in django]


def main() -> None:
    if harness.WRK is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    if not peer.PEER_SCRIPT.exists():
        sys.exit(f"the peer script is missing: {peer.PEER_SCRIPT} (set BENCH_PEER_SCRIPT)")
    knobs = harness.LoadKnobs.from_env()
    with harness.scratch_dir("gazette-bench-api-", keep=bool(os.environ.get("BENCH_KEEP"))) as work:
        env = harness.scratch_env(work, {"SECRET_KEY": peer.SECRET})
        harness.prepare_install(env)
        harness.manage(env, "load_demo_content", "--if-empty")
        harness.manage(env, "shell", "--command", SEED_PAGES, timeout=900)
        found = cases()
        print(f"Gazette's API on SQLite; {knobs.wrk_command()}")
        rounds: list[tuple[dict[str, peer.Figures], float, dict[str, peer.Figures]]] = []
        with (
            harness.Server(env, workers=knobs.workers, log_path=work / "gunicorn.log") as server,
            ScratchNginx(work / "nginx", app_port=server.port, var_dir=work) as nginx,
        ):
            server.wait_until_ready(found[0].path)
            ports = {"django": server.port, "nginx": nginx.http_port}
            for number in range(1, int(os.environ.get("BENCH_ROUNDS", "2")) + 1):
                print(f"round {number}: Isso (load {peer.load_average():.1f})", flush=True)
                isso, isso_load = peer.run_peer(knobs)
                print(f"round {number}: Gazette (load {peer.load_average():.1f})", flush=True)
                mine = {case.label: peer.measure(case, ports[case.via], knobs) for case in found}
                rounds.append((isso, isso_load, mine))
        peer.print_table(rounds, found)


if __name__ == "__main__":
    main()
