"""How fast the newsroom dashboard answers for a year of a big archive, in process.

Run: .venv/bin/python bench/dashboard.py --scale 0.05      # a twentieth, to try it first
     .venv/bin/python bench/dashboard.py                   # 20,000 articles, 2M votes, 1M comments
     BENCH_DATABASE_URL=postgres://gazette:gazette@127.0.0.1:5432/gazette_bench_dashboard \\
         .venv/bin/python bench/dashboard.py               # PostgreSQL too (a scratch database)

Builds a scratch database (SQLite in a temporary folder; the PostgreSQL database named by
BENCH_DATABASE_URL is dropped and created), migrates it and writes, in bulk and in the raw
tables' own columns, a year of a site: 20,000 articles (times --scale) in 8 sections by 60
authors, each with its poll (Yes / No), tallies that match its votes and a thread whose count
matches its published comments; 2,000,000 votes and 1,000,000 comments in all, most in the first
days after publication, some held, removed (citing a clause) or reported. Then it builds the
rollups (`services.refresh_figures(full=True)`, timed), times an incremental refresh after a few
new votes and the overviews the refresh command then computes and keeps, times a year's
overview computed with nothing kept (the worst case: a period or language nobody opened since
the refresh), and times the dashboard through Django's test client as an editor: the year's
overview, one edition's, a CSV download of every article and an article's panel (p50 and p99
over BENCH_REQUESTS requests each). It prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta

import harness

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
ARTICLES, VOTES, COMMENTS = 20_000, 2_000_000, 1_000_000
SECTIONS, AUTHORS = 8, 60
EDITIONS = {"en": 0.5, "ru": 0.3, "kk": 0.1, "uz": 0.1}
BATCH = 20_000
NOW = datetime.now(UTC).replace(microsecond=0)


def _insert(model, rows: list[dict]) -> None:
    """Rows into `model`'s table with executemany: every concrete column, defaults filled in."""
    from django.db import connection  # noqa: PLC0415

    if not rows:
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key or field.attname in rows[0]
    ]
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - our own tables and columns
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    defaults = {field.attname: field.get_default() for field in fields}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                statement,
                [
                    [
                        field.get_db_prep_save(
                            row.get(field.attname, defaults[field.attname]), connection
                        )
                        for field in fields
                    ]
                    for row in rows[start : start + BATCH]
                ],
            )


def _spread(total: int, parts: int, rnd: random.Random) -> list[int]:
    """`total` split over `parts` by a heavy-tailed draw (a few articles draw most readers)."""
    weights = [rnd.paretovariate(1.6) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [int(weight * scale) for weight in weights]
    for index in range(total - sum(counts)):
        counts[index % parts] += 1
    return counts


def _moment(published: datetime, rnd: random.Random) -> datetime:
    """A reader's moment: most within two days of publication, a few weeks later, never ahead."""
    later = published + timedelta(hours=min(24 * 40, rnd.expovariate(1 / 30)))
    return min(later, NOW - timedelta(minutes=rnd.randint(1, 600)))


def _articles(count: int, rnd: random.Random) -> list[dict]:
    from gazette.articles.models import Article, Author, Byline, Section  # noqa: PLC0415

    sections = Section.objects.bulk_create(
        Section(slug=f"section-{n}", name=f"Section {n}", position=n) for n in range(SECTIONS)
    )
    authors = Author.objects.bulk_create(
        Author(name=f"Author {n}", slug=f"author-{n}") for n in range(AUTHORS)
    )
    languages = rnd.choices(list(EDITIONS), weights=list(EDITIONS.values()), k=count)
    published = [NOW - timedelta(seconds=rnd.randint(3600, 365 * 86400)) for _ in range(count)]
    articles = [
        {
            "id": n + 1,
            # Written when published and not touched since, as an archive's articles are (the
            # refresh would otherwise take every article for one changed a moment ago).
            "created_at": published[n],
            "updated_at": published[n],
            "headline": f"Court hears appeal in case number {n}",
            "slug": f"court-hears-appeal-{n}",
            "section_id": sections[n % SECTIONS].pk,
            "body": "The appeal opened on Monday.",
            "language": languages[n],
            "status": Article.Status.PUBLISHED,
            "published_at": published[n],
        }
        for n in range(count)
    ]
    _insert(Article, articles)
    Byline.objects.bulk_create(
        (Byline(article_id=row["id"], author_id=rnd.choice(authors).pk) for row in articles),
        batch_size=5000,
    )
    return articles


def _votes(articles: list[dict], total: int, rnd: random.Random) -> None:
    """A poll per article, its votes, and tallies equal to them."""
    from gazette.reactions.models import Poll, ReactionSet, Tally, Vote  # noqa: PLC0415

    reaction_set = ReactionSet.objects.get(is_default=True)
    yes, no = (reaction_set.choices.get(code=code).pk for code in ("yes", "no"))
    _insert(
        Poll,
        [
            {
                "id": row["id"],
                "site": "main",
                "key": f"article:{row['id']}",
                "article_id": row["id"],
                "reaction_set_id": reaction_set.pk,
                "created_at": row["published_at"],
            }
            for row in articles
        ],
    )
    votes, tallies = [], []
    for row, count in zip(articles, _spread(total, len(articles), rnd), strict=True):
        answers = {yes: 0, no: 0}
        liking = rnd.betavariate(5, 2)
        for index in range(count):
            choice = yes if rnd.random() < liking else no
            answers[choice] += 1
            moment = _moment(row["published_at"], rnd)
            votes.append(
                {
                    "poll_id": row["id"],
                    "choice_id": choice,
                    "reader_key": f"anon:{row['id']}-{index}",
                    "created_at": moment,
                    "updated_at": moment,
                }
            )
        tallies += [{"poll_id": row["id"], "choice_id": c, "count": n} for c, n in answers.items()]
        if len(votes) >= BATCH * 5:
            _insert(Vote, votes)
            votes = []
    _insert(Vote, votes)
    _insert(Tally, tallies)


def _state(rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.92:
        return "published"
    return "pending" if roll < 0.95 else "removed" if roll < 0.98 else "deleted"


class _Discussion:
    """Threads, comments, removals and reports as they are generated, written in batches."""

    def __init__(self, rnd: random.Random) -> None:
        from gazette.moderation.models import Clause  # noqa: PLC0415

        self.rnd = rnd
        self.clauses = list(Clause.objects.filter(version__number=1).values_list("pk", flat=True))
        self.last_id = 0
        self.comments: list[dict] = []
        self.threads: list[dict] = []
        self.decisions: list = []
        self.reports: list[dict] = []
        self.removed = self.reported = 0

    def article(self, row: dict, count: int) -> None:
        published, first = 0, None
        for _ in range(count):
            self.last_id += 1
            state = _state(self.rnd)
            published += state == "published"
            reply_to = first if first is not None and self.rnd.random() < 0.3 else None
            moment = _moment(row["published_at"], self.rnd)
            self.comments.append(
                {
                    "id": self.last_id,
                    "thread_id": row["id"],
                    "parent_id": reply_to,
                    "root_id": reply_to,
                    "depth": 0 if reply_to is None else 1,
                    "author_key": f"anon:c{self.rnd.randrange(count * 2 + 1)}",
                    "author_name": "Reader",
                    "body": "A comment.",
                    "body_html": "<p>A comment.</p>",
                    "state": state,
                    "policy_version": "1",
                    "language": row["language"],
                    "fingerprint": str(self.last_id),
                    "like_count": int(self.rnd.paretovariate(2)) - 1,
                    "created_at": moment,
                }
            )
            if first is None and state == "published":
                first = self.last_id
            self._moderation(state, moment)
        self.threads.append(
            {
                "id": row["id"],
                "site": "main",
                "key": f"article:{row['id']}",
                "article_id": row["id"],
                "title": row["headline"],
                "comment_count": published,
                "version": count,
                "created_at": row["published_at"],
            }
        )
        if len(self.comments) >= BATCH * 5:
            self.flush()

    def _moderation(self, state: str, moment: datetime) -> None:
        from gazette.moderation.models import Decision  # noqa: PLC0415

        if state == "removed":
            self.removed += 1
            self.decisions.append(
                Decision(
                    comment_id=self.last_id,
                    action="remove",
                    from_state="published",
                    to_state="removed",
                    clause_id=self.rnd.choice(self.clauses),
                    automatic=True,
                    created_at=moment + timedelta(hours=1),
                )
            )
        if self.rnd.random() < 0.02:
            self.reported += 1
            self.reports.append(
                {
                    "comment_id": self.last_id,
                    "clause_id": self.rnd.choice(self.clauses),
                    "reporter_key": f"anon:r{self.last_id}",
                    "created_at": moment + timedelta(minutes=30),
                }
            )

    def flush(self) -> None:
        from gazette.comments.models import Comment, Thread  # noqa: PLC0415
        from gazette.moderation.models import Decision, Report  # noqa: PLC0415

        _insert(Thread, self.threads)
        _insert(Comment, self.comments)
        Decision.objects.bulk_create(self.decisions, batch_size=5000)
        _insert(Report, self.reports)
        self.threads, self.comments, self.decisions, self.reports = [], [], [], []


def build(scale: float, rnd: random.Random) -> None:
    from django.contrib.auth.models import Group  # noqa: PLC0415
    from django.db import transaction  # noqa: PLC0415

    from gazette.accounts.models import User  # noqa: PLC0415

    articles_n = max(20, int(ARTICLES * scale))
    votes_n, comments_n = int(VOTES * scale), int(COMMENTS * scale)
    started = time.perf_counter()
    with transaction.atomic():
        articles = _articles(articles_n, rnd)
        _votes(articles, votes_n, rnd)
        discussion = _Discussion(rnd)
        for row, count in zip(articles, _spread(comments_n, articles_n, rnd), strict=True):
            discussion.article(row, count)
        discussion.flush()
        editor = User.objects.create_user("bench-editor", "editor@example.org", is_staff=True)
        editor.groups.add(Group.objects.get(name="editor"))
    print(
        f"  generated {articles_n} articles, {votes_n} votes, {comments_n} comments "
        f"({discussion.removed} removed, {discussion.reported} reported) "
        f"in {time.perf_counter() - started:.0f} s"
    )


def refresh() -> None:
    from gazette.accounts.readers import Reader  # noqa: PLC0415
    from gazette.articles.models import Article  # noqa: PLC0415
    from gazette.newsroom.models import DailyArticleStats  # noqa: PLC0415
    from gazette.newsroom.services import refresh_figures  # noqa: PLC0415
    from gazette.reactions.services import cast_reaction  # noqa: PLC0415
    from gazette.reactions.targets import PollTarget  # noqa: PLC0415

    started = time.perf_counter()
    refresh_figures(full=True)
    rows = DailyArticleStats.objects.count()
    print(f"  full refresh: {time.perf_counter() - started:.1f} s, {rows} daily rows")
    for article in Article.objects.order_by("?")[:20]:
        cast_reaction(
            target=PollTarget.for_article(article),
            reader=Reader.anonymous("bench-new"),
            choice="yes",
        )
    started = time.perf_counter()
    run = refresh_figures()
    took = (time.perf_counter() - started) * 1000
    print(f"  refresh after 20 new votes: {took:.0f} ms ({run.articles} articles recomputed)")


def measure() -> None:
    from django.conf import settings  # noqa: PLC0415
    from django.test import override_settings  # noqa: PLC0415
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    setup_test_environment()
    # In process, without collectstatic: the plain storage (as the tests use) names static files.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        _measure_pages()


def _measure_pages() -> None:
    from django.test import Client  # noqa: PLC0415

    from gazette.accounts.models import User  # noqa: PLC0415
    from gazette.articles.models import Article  # noqa: PLC0415

    client = Client()
    client.force_login(User.objects.get(username="bench-editor"))
    busiest = Article.objects.order_by("pk").first()
    pages = {
        "overview, a year, every edition": "/en/newsroom/?period=365",
        "overview, a year, English": "/en/newsroom/?period=365&edition=en",
        "overview, 30 days": "/en/newsroom/?period=30",
        "overview, a year, sorted by votes": "/en/newsroom/?period=365&sort=-votes",
        "CSV of every article, a year": "/en/newsroom/?period=365&table=articles&format=csv",
        "an article's panel": f"/en/newsroom/articles/{busiest.pk}/",
    }

    def get(path: str) -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    from django.core.cache import cache  # noqa: PLC0415

    from gazette.newsroom import policy, queries  # noqa: PLC0415

    started = time.perf_counter()
    warmed = queries.warm_overviews(NOW.date())
    took = time.perf_counter() - started
    print(f"  computing the {warmed} overviews kept after each refresh: {took:.1f} s")
    year = policy.last_days(365, NOW.date())

    def compute(_item: object) -> None:
        cache.clear()  # as for the first editor after a refresh, had it not computed the page
        queries.overview(year, "", language="en", sort="-comments")

    harness.time_each(compute, range(3))
    timings = harness.time_each(compute, range(REQUESTS))
    p50, p99 = harness.percentile(timings, 0.5), harness.percentile(timings, 0.99)
    print(f"  {'a year computed, nothing kept':<34} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms")
    queries.warm_overviews(NOW.date())
    for name, path in pages.items():
        harness.time_each(get, [path] * 3)
        timings = harness.time_each(get, [path] * REQUESTS)
        p50, p99 = harness.percentile(timings, 0.5), harness.percentile(timings, 0.99)
        print(f"  {name:<34} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   ({REQUESTS} requests)")


def run_one(database_url: str, scale: float) -> None:
    """In a child process: set up Django on `database_url`, build, refresh, measure."""
    sys.path.insert(0, str(harness.ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    import django  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    build(scale, random.Random(19))
    from django.db import connection  # noqa: PLC0415

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    refresh()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    measure()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full archive")
    scale = parser.parse_args().scale
    return harness.run_on_each_database(
        __file__, "dashboard.sqlite3", f"{{name}}: scale {scale}", [str(scale)], timeout=7200
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--run":
        run_one(sys.argv[2], float(sys.argv[3]))
        sys.exit(0)
    sys.exit(main())
