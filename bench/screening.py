"""How long screening takes per comment, with 10,000 terms on the list.

Run: .venv/bin/python bench/screening.py   (no database, no network; prints figures)

Measures the pure part of screening (normalisation, all terms at once with Aho-Corasick, shape
checks, the site classifier and the English offensive-language model) over 2,000 generated
comments in English, Russian and Kazakh of 80-700 characters, some disguised.
"""

# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable

import harness

sys.path.insert(0, str(harness.ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

import django

django.setup()

from gazette.moderation.models import ModerationSettings  # noqa: E402
from gazette.moderation.screening import profanity  # noqa: E402
from gazette.moderation.screening.assessment import assess  # noqa: E402
from gazette.moderation.screening.classifier import SiteModel, ngrams  # noqa: E402
from gazette.moderation.screening.house import house_models  # noqa: E402
from gazette.moderation.screening.normalise import normalise  # noqa: E402
from gazette.moderation.screening.rules import Rules  # noqa: E402
from gazette.moderation.screening.termmatch import Matcher, Scope, Term, TermAction, TermMode  # noqa: E402

TERMS = 10_000
COMMENTS = 2_000
SYLLABLES = {
    "en": ["ka", "ro", "ten", "mis", "dal", "ver", "sho", "pri", "gan", "lu", "tor", "bex"],
    "ru": ["ка", "ро", "тен", "мис", "дал", "вер", "шо", "при", "ган", "лу", "тор", "бех"],
    "kk": ["қа", "рө", "тең", "мыс", "дал", "вер", "шұ", "пі", "ған", "лү", "тор", "бәх"],
}
SENTENCES = {
    "en": [
        "The court adjourned the hearing until Monday after the defence asked for more time.",
        "I think the prosecutor should publish the evidence before the verdict.",
        "Thank you for a careful report; the figures for 2024 are worrying.",
        "My neighbour was a witness and says the account in this article is accurate.",
        "Will the city council answer the questions raised by residents?",
    ],
    "ru": [
        "Суд отложил заседание до понедельника по просьбе защиты.",
        "Думаю, прокуратура должна опубликовать доказательства до приговора.",
        "Спасибо за подробный материал, цифры за 2024 год тревожат.",
        "Мой сосед был свидетелем и говорит, что в статье всё точно.",
        "Ответит ли городской совет на вопросы жителей?",
    ],
    "kk": [
        "Сот қорғау тарапының өтініші бойынша отырысты дүйсенбіге қалдырды.",
        "Менің ойымша, прокуратура дәлелдерді үкімге дейін жариялауы керек.",
        "Мұқият материал үшін рахмет, 2024 жылғы көрсеткіштер алаңдатады.",
        "Көршім куәгер болған, мақалада бәрі дұрыс жазылған дейді.",
        "Қалалық кеңес тұрғындардың сұрақтарына жауап бере ме?",
    ],
}


def make_terms(rnd: random.Random) -> list[Term]:
    terms: list[Term] = []
    seen = set()
    while len(terms) < TERMS:
        language = rnd.choice(list(SYLLABLES))
        phrase = "".join(rnd.choice(SYLLABLES[language]) for _ in range(rnd.randint(2, 4)))
        if phrase in seen:
            continue
        seen.add(phrase)
        terms.append(
            Term(
                phrase,
                rnd.choice([TermAction.BLOCK, TermAction.SUSPECT]),
                rnd.choice(list(TermMode)),
                rnd.choice([Scope.ANY, Scope.ANY, Scope.LATIN, Scope.CYRILLIC]),
            )
        )
    return terms


def make_comments(rnd: random.Random, terms: list[Term]) -> list[str]:
    comments = []
    for _ in range(COMMENTS):
        language = rnd.choice(list(SENTENCES))
        target = rnd.randint(80, 700)
        text = ""
        while len(text) < target:
            text += rnd.choice(SENTENCES[language]) + " "
        if rnd.random() < 0.1:  # one comment in ten carries a listed term, some disguised
            term = rnd.choice(terms).phrase
            if rnd.random() < 0.5:
                term = " ".join(term)
            text += term.replace("о", "o").replace("а", "a")
        comments.append(text[:700])
    return comments


def site_model(rnd: random.Random) -> SiteModel:
    """A model with the shape of a trained one: 40,000 n-grams with idf and weight."""
    grams = {gram for texts in SENTENCES.values() for text in texts for gram in ngrams(text)}
    while len(grams) < 40_000:
        grams.add("".join(rnd.choice("abcdefghijklmnopqrstuvwxyzабвгдеқәң ") for _ in range(4)))
    features = {gram: (rnd.uniform(1, 5), rnd.uniform(-2, 2)) for gram in grams}
    return SiteModel(features=features, intercept=-1.0)


def timed(function: Callable[[str], object], comments: list[str]) -> list[float]:
    """Microseconds per comment."""
    return [ms * 1000 for ms in harness.time_each(function, comments)]


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:<44} median {statistics.median(times):7.0f} µs   "
        f"mean {statistics.mean(times):7.0f} µs   p99 {harness.percentile(times, 0.99):7.0f} µs"
    )


def main() -> None:
    rnd = random.Random(2026)
    terms = make_terms(rnd)
    start = time.perf_counter()
    matcher = Matcher(terms)
    build = time.perf_counter() - start
    comments = make_comments(rnd, terms)
    average = statistics.mean(len(text) for text in comments)
    print(
        f"{len(matcher)} terms compiled in {build * 1000:.0f} ms; {len(comments)} comments, "
        f"{average:.0f} characters on average"
    )
    profanity.load_model()
    model = site_model(rnd)
    settings = ModerationSettings(profanity_threshold=0.9, classifier_threshold=0.85)
    terms_only = Rules(
        matcher=matcher,
        term_list_version="bench",
        settings=ModerationSettings(
            profanity_threshold=0, classifier_threshold=0, house_models=False
        ),
        classifier=None,
        house=(),
    )
    everything = Rules(
        matcher=matcher,
        term_list_version="bench",
        settings=settings,
        classifier=model,
        house=house_models(),
    )
    for _ in range(2):  # warm-up: caches of the normaliser
        timed(lambda text: assess(text, everything), comments[:200])
    report("normalise", timed(normalise, comments))
    report("normalise + 10,000 terms", timed(matcher.find, comments))
    report("terms + links + capitals", timed(lambda text: assess(text, terms_only), comments))
    report("+ house, site and English models", timed(lambda t: assess(t, everything), comments))
    hits = sum(1 for text in comments if matcher.find(text))
    print(f"{hits} of {len(comments)} comments matched a term")


if __name__ == "__main__":
    main()
