"""How well screening enforces the Comment Policy out of the box, per language-script and class.

Run: .venv/bin/python bench/screening_quality.py [--split held_out|tune|all]

Screens every comment of the evaluation corpus (tests/moderation/screening/corpus) with what a
fresh install has: the shipped term lists, the shipped house models, the English
offensive-language model and the default settings (no site model yet, no history). Prints, per
language-script: false holds of clean comments, and for each harmful class the share published
(recall's complement), recall and precision; then the time per comment. No database, no network.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter, defaultdict

import harness

sys.path.insert(0, str(harness.ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

import django

django.setup()

from gazette.moderation import policy  # noqa: E402
from gazette.moderation.models import ModerationSettings  # noqa: E402
from gazette.moderation.screening import corpus, profanity, termlists  # noqa: E402
from gazette.moderation.screening.assessment import assess  # noqa: E402
from gazette.moderation.screening.house import house_models  # noqa: E402
from gazette.moderation.screening.rules import Rules  # noqa: E402
from gazette.moderation.screening.termmatch import Matcher, Term  # noqa: E402

# Which harmful class a finding's clause speaks for, to judge precision per class.
CLASS_OF_CLAUSE = {"violence": "incitement", "hate": "abuse", "attacks": "abuse", "spam": "spam"}
TARGETS = {"false holds": 0.02, "incitement": 0.05, "abuse": 0.10, "spam": 0.02}


def fresh_install_rules() -> Rules:
    terms = [
        Term(term.phrase, term.action, term.mode, term.scope, term.clause_key)
        for term in termlists.shipped_terms()
    ]
    profanity.load_model()
    return Rules(
        matcher=Matcher(terms),
        term_list_version="shipped",
        settings=ModerationSettings(),
        classifier=None,
        house=house_models(),
    )


def predicted_class(findings: list[policy.Finding]) -> str:
    for finding in findings:
        if finding.clause_key in CLASS_OF_CLAUSE:
            return CLASS_OF_CLAUSE[finding.clause_key]
    return "unknown"


class Tally:
    """Counts per language-script: by label, held by label, predicted and right per class."""

    def __init__(self) -> None:
        self.totals: dict[str, Counter[str]] = defaultdict(Counter)
        self.held: dict[str, Counter[str]] = defaultdict(Counter)
        self.predicted: dict[str, Counter[str]] = defaultdict(Counter)
        self.correct: dict[str, Counter[str]] = defaultdict(Counter)
        self.misses: list[str] = []
        self.times: list[float] = []

    def add(self, example: corpus.Example, rules: Rules) -> None:
        started = time.perf_counter()
        findings = assess(example.text, rules)
        action = policy.screening_action(findings)
        self.times.append((time.perf_counter() - started) * 1000)
        self.totals[example.written][example.label] += 1
        if action == policy.PUBLISH:
            if example.is_harmful:
                self.misses.append(
                    f"  published {example.id} ({example.label}): {example.text[:90]}"
                )
            return
        self.held[example.written][example.label] += 1
        guess = predicted_class(findings)
        self.predicted[example.written][guess] += 1
        self.correct[example.written][guess] += int(guess == example.label)
        if example.label == "clean":
            self.misses.append(f"  held {example.id}: {findings[0].message[:110]}")

    def print_table(self) -> None:
        header = f"{'written':8} {'clean held':>14}"
        for label in corpus.HARMFUL:
            header += f" | {label + ' published':>21} {'recall':>14} {'precision':>14}"
        print(header)
        for written in corpus.WRITTEN:
            if self.totals[written]:
                print(self.row(written))

    def row(self, written: str) -> str:
        totals, held = self.totals[written], self.held[written]
        row = f"{written:8} {share(held['clean'], totals['clean']):>14}"
        for label in corpus.HARMFUL:
            total, caught = totals[label], held[label]
            precision = share(self.correct[written][label], self.predicted[written][label])
            row += (
                f" | {share(total - caught, total):>21} {share(caught, total):>14} {precision:>14}"
            )
        return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="held_out", choices=["held_out", "tune", "all"])
    split = parser.parse_args().split
    rules = fresh_install_rules()
    chosen = list(corpus.examples(corpus.EVALUATION_DIR, None if split == "all" else split))
    tally = Tally()
    for example in chosen:
        tally.add(example, rules)
    print(f"Screening quality on the {split} part ({len(chosen)} comments), fresh install")
    tally.print_table()
    print(
        f"targets: false holds ≤ {TARGETS['false holds']:.0%}, published: incitement ≤ 5%, "
        "abuse ≤ 10%, spam ≤ 2%"
    )
    times = tally.times
    print(
        f"time per comment: median {statistics.median(times):.2f} ms, "
        f"p99 {harness.percentile(times, 0.99):.2f} ms, max {max(times):.2f} ms"
    )
    if os.environ.get("BENCH_SHOW_MISSES"):
        print("\n".join(tally.misses))


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "—"


if __name__ == "__main__":
    main()
