"""How long a search takes among 100,000 articles, in process, on SQLite (and PostgreSQL).

Run: .venv/bin/python bench/search.py
     BENCH_DATABASE_URL=postgres://gazette:gazette@127.0.0.1:5432/gazette_bench_search \\
         .venv/bin/python bench/search.py      # PostgreSQL too (a scratch database)

Builds a scratch database (SQLite in a temporary folder; the PostgreSQL database named by
BENCH_DATABASE_URL is dropped and created), migrates it, writes BENCH_ARTICLES (100,000)
generated articles in bulk in English, Russian, Kazakh and Latin Uzbek (Uzbek also indexed in
Cyrillic), indexes them through `services.index_articles`, then times BENCH_SEARCHES searches
per kind of query through `search.search_articles` (the count, the page of ranked results,
their articles and highlighted passages: what the results page asks the database) and prints
p50 and p99 per kind. Each run is one process per database; nothing is left behind.
"""

# The generated text is Cyrillic as well as Latin.
# ruff: noqa: RUF001

from __future__ import annotations

import os
import random
import sys
import time

import harness

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "200"))
BATCH = 2_000
# Share of the articles per edition.
EDITIONS = {"en": 0.5, "ru": 0.3, "kk": 0.1, "uz": 0.1}
COMMON = {
    "en": [
        "court",
        "appeal",
        "judge",
        "trial",
        "police",
        "city",
        "council",
        "report",
        "minister",
        "law",
        "case",
        "evidence",
    ],
    "ru": [
        "суд",
        "жалоба",
        "судья",
        "процесс",
        "полиция",
        "город",
        "совет",
        "доклад",
        "министр",
        "закон",
        "дело",
    ],
    "kk": [
        "сот",
        "шағым",
        "судья",
        "процесс",
        "полиция",
        "қала",
        "кеңес",
        "баяндама",
        "министр",
        "заң",
        "іс",
    ],
    "uz": [
        "sud",
        "shikoyat",
        "sudya",
        "jarayon",
        "politsiya",
        "shahar",
        "kengash",
        "hisobot",
        "vazir",
        "qonun",
        "ish",
    ],
}
SYLLABLES = {
    "en": ["ka", "ro", "ten", "mis", "dal", "ver", "sho", "pri", "gan", "lu", "tor", "bex"],
    "ru": ["ка", "ро", "тен", "мис", "дал", "вер", "шо", "при", "ган", "лу", "тор", "бех"],
    "kk": ["қа", "рө", "тең", "мыс", "дал", "вер", "шұ", "пі", "ған", "лү", "тор", "бәх"],
    "uz": ["ka", "ro", "ten", "mis", "dal", "ver", "sho", "pri", "gʻan", "lu", "toʻr", "bex"],
}
VOCABULARY = 20_000
BODY_WORDS = 120
# Ranks before the newsroom words: the function words (the, of, and) of real text. With them,
# a newsroom word is in about a fifth of the articles, and a function word in nearly all.
FUNCTION_WORDS = 40


def vocabulary(language: str, rnd: random.Random) -> list[str]:
    """Function words, then newsroom words, then made-up words: drawn by rank (Zipf), as the
    words of real text are."""
    words: list[str] = []
    while len(words) < FUNCTION_WORDS:
        word = "".join(rnd.choice(SYLLABLES[language]) for _ in range(rnd.randint(1, 2)))
        if word not in words and word not in COMMON[language]:
            words.append(word)
    words += COMMON[language]
    seen = set(words)
    while len(words) < VOCABULARY:
        word = "".join(rnd.choice(SYLLABLES[language]) for _ in range(rnd.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_weights() -> list[float]:
    return [1 / rank for rank in range(1, VOCABULARY + 1)]


def build(rnd: random.Random) -> dict[str, list[str]]:
    """Write the articles and their search entries; returns each edition's vocabulary."""
    from django.utils import timezone  # noqa: PLC0415 - Django is set up by now

    from gazette.articles.models import Article, Section  # noqa: PLC0415
    from gazette.articles.services import index_articles  # noqa: PLC0415

    section = Section.objects.create(slug="news", name="News")
    words = {language: vocabulary(language, rnd) for language in EDITIONS}
    weights = zipf_weights()
    now = timezone.now()
    made = 0
    started = time.perf_counter()
    for language, share in EDITIONS.items():
        count = int(ARTICLES * share)
        for start in range(0, count, BATCH):
            batch = []
            for number in range(start, min(count, start + BATCH)):
                text = rnd.choices(words[language], weights, k=BODY_WORDS + 14)
                # One in ten is a draft or a schedule: search must pass over them.
                status = Article.Status.DRAFT if number % 10 == 0 else Article.Status.PUBLISHED
                batch.append(
                    Article(
                        headline=" ".join(text[:8]).capitalize(),
                        slug=f"{language}-{number}",
                        standfirst=" ".join(text[8:14]).capitalize() + ".",
                        section=section,
                        body=" ".join(text[14:]) + ".",
                        language=language,
                        status=status,
                        published_at=now - timezone.timedelta(minutes=number),
                    )
                )
            index_articles(articles=Article.objects.bulk_create(batch))
            made += len(batch)
    print(f"  built {made} articles and their entries in {time.perf_counter() - started:.0f} s")
    return words


def queries_of(words: dict[str, list[str]], rnd: random.Random) -> dict[str, list[tuple]]:
    """Kinds of query: (edition, text, sort) each."""
    editions = list(EDITIONS)
    kinds: dict[str, list[tuple]] = {
        "a function word (worst)": [],
        "one common word": [],
        "two common words": [],
        "a rare word": [],
        "common word, newest first": [],
        "Cyrillic Uzbek, one word": [],
    }
    for _ in range(SEARCHES):
        language = rnd.choice(editions)
        common = words[language][FUNCTION_WORDS : FUNCTION_WORDS + 12]
        kinds["a function word (worst)"].append((language, words[language][0], "relevance"))
        kinds["one common word"].append((language, rnd.choice(common), "relevance"))
        kinds["two common words"].append((language, " ".join(rnd.sample(common, 2)), "relevance"))
        kinds["a rare word"].append((language, rnd.choice(words[language][5000:]), "relevance"))
        kinds["common word, newest first"].append((language, rnd.choice(common), "date"))
        kinds["Cyrillic Uzbek, one word"].append(("uz-cyrl", rnd.choice(COMMON["ru"][:1]), "date"))
    return kinds


def measure(words: dict[str, list[str]], rnd: random.Random) -> None:
    from gazette.articles.search import search_articles  # noqa: PLC0415

    def run(item: tuple) -> None:
        edition, text, sort = item
        results = search_articles(edition, text, sort)
        if results.page is not None:
            list(results.page.object_list)

    for kind, items in queries_of(words, rnd).items():
        harness.time_each(run, items[:10])  # warm the caches of the database
        timings = harness.time_each(run, items)
        p50, p99 = harness.percentile(timings, 0.5), harness.percentile(timings, 0.99)
        slowest, (edition, text, sort) = max(zip(timings, items, strict=True))
        print(
            f"  {kind:<28} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   ({len(items)} searches; "
            f"slowest {slowest:.1f} ms: {text!r} in {edition}, {sort})"
        )


def run_one(database_url: str) -> None:
    """In a child process: set up Django on `database_url`, build, measure."""
    sys.path.insert(0, str(harness.ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    import django  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415

    django.setup()
    call_command("migrate", verbosity=0)
    rnd = random.Random(16)
    words = build(rnd)
    from django.db import connection  # noqa: PLC0415

    if connection.vendor == "postgresql":
        # As autovacuum would soon after a load: plans made without statistics are not the
        # plans a running install uses.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    measure(words, rnd)


def main() -> int:
    return harness.run_on_each_database(
        __file__,
        "search.sqlite3",
        f"{{name}}: {ARTICLES} articles, {SEARCHES} searches per kind",
        [],
        timeout=3600,
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--run":
        run_one(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
