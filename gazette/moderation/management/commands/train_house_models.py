"""Train the shipped house models from the training comments and choose their thresholds on the
tuning part of the evaluation corpus. Run after changing the training data; commit the result.

    manage.py train_house_models
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gazette.core.progress import Progress
from gazette.moderation.screening import classifier, corpus, house
from gazette.moderation.screening.assessment import MODEL_MIN_WORDS
from gazette.moderation.screening.corpus import Example
from gazette.moderation.screening.normalise import clean_form

# The share of clean comments a model may hold, in any one language-script, on the tuning part.
FALSE_HOLD_BUDGET = 0.01
LOWEST_THRESHOLD = 0.7
MAX_FEATURES = 30_000
# As for the site model; weaker (lower) values held more clean Russian comments on the tuning part.
REGULARISATION = 10.0


class Command(BaseCommand):
    help = "Train the shipped incitement, abuse and spam models and choose their thresholds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Train and report the figures, but leave the shipped models as they are.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        training = list(corpus.examples(corpus.TRAINING_DIR))
        tuning = list(corpus.examples(corpus.EVALUATION_DIR, split="tune"))
        house.MODEL_DIR.mkdir(exist_ok=True)
        progress = Progress(self.stderr, "Models trained", total=len(house.CLAUSES))
        for label in house.CLAUSES:
            trained = classifier.train(
                [example.text for example in training],
                [example.label == label for example in training],
                max_features=MAX_FEATURES,
                regularisation=REGULARISATION,
            )
            model = classifier.SiteModel.from_data(trained.data)
            thresholds = choose_thresholds(model, tuning)
            threshold = max(thresholds.values(), default=LOWEST_THRESHOLD)
            data = {
                "label": label,
                "threshold": threshold,
                "thresholds": thresholds,
                **trained.data,
            }
            if not options["dry_run"]:
                house.model_path(label).write_text(
                    json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8",
                )
            progress.step()
            self.stdout.write(
                f"{label}: {trained.examples} examples, {trained.removed} positive, "
                f"cross-validated accuracy {trained.accuracy:.3f}, thresholds {thresholds}"
            )
        progress.done()
        house.house_models.cache_clear()


def choose_thresholds(model: classifier.SiteModel, tuning: list[Example]) -> dict[str, float]:
    """Per language-script, the lowest threshold at which the model holds at most
    FALSE_HOLD_BUDGET of the clean tuning comments (never below LOWEST_THRESHOLD)."""
    clean: dict[str, list[float]] = {}
    for example in tuning:
        # Screening does not ask the models about shorter texts (assessment.MODEL_MIN_WORDS).
        if not example.is_harmful and len(clean_form(example.text).split()) >= MODEL_MIN_WORDS:
            clean.setdefault(example.written, []).append(model.score(example.text).probability)
    thresholds = {}
    for written, scores in clean.items():
        allowed = int(len(scores) * FALSE_HOLD_BUDGET)
        ranked = sorted(scores, reverse=True)
        # Just above the score of the first clean comment beyond the budget.
        threshold = ranked[allowed] + 0.01 if len(ranked) > allowed else LOWEST_THRESHOLD
        thresholds[written] = round(min(max(threshold, LOWEST_THRESHOLD), 0.99), 2)
    return thresholds
