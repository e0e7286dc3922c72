"""English offensive language, scored with alt-profanity-check's model in plain Python.

alt-profanity-check ships a scikit-learn model (a TF-IDF vectoriser and a calibrated linear
SVM). Loading scikit-learn costs seconds and some 80 MB per process, too much for every web
worker, so the model's numbers are exported once per install, from the installed package and
without any download, to a JSON file in the var/ folder; web workers then score with a dot
product. `export_model` is what scikit-learn is needed for; a worker that finds no export makes
it (once). Only text written mostly in Latin letters is scored: the model knows only English.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings

LATIN_SHARE = 0.6
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_lock = threading.Lock()
_loaded: dict[str, ProfanityModel] = {}


class ProfanityModelUnavailable(Exception):  # noqa: N818 - named for the state it reports
    """The model could not be loaded or exported; screening holds rather than guesses."""


@dataclass(frozen=True)
class ProfanityModel:
    """Word → (idf, weight in each calibrated fold); per fold an intercept and a sigmoid."""

    words: dict[str, list[float]]
    intercepts: list[float]
    sigmoid_a: list[float]
    sigmoid_b: list[float]

    def probability(self, text: str) -> float:
        counts: dict[str, int] = {}
        for token in _TOKEN.findall(text.lower()):
            if token in self.words:
                counts[token] = counts.get(token, 0) + 1
        folds = len(self.intercepts)
        scores = list(self.intercepts)
        if counts:
            weights = {token: count * self.words[token][0] for token, count in counts.items()}
            norm = math.sqrt(sum(value * value for value in weights.values()))
            for token, value in weights.items():
                row = self.words[token]
                for fold in range(folds):
                    scores[fold] += value / norm * row[fold + 1]
        total = 0.0
        for fold, score in enumerate(scores):
            total += 1.0 / (1.0 + math.exp(self.sigmoid_a[fold] * score + self.sigmoid_b[fold]))
        return total / folds


# The installed package does not change under a running process; reading its metadata on every
# comment cost about a millisecond.
@cache
def _package_version() -> str:
    return metadata.version("alt-profanity-check")


def model_version() -> str:
    """The version of the English model in use (its package's), named with every hold."""
    try:
        return _package_version()
    except metadata.PackageNotFoundError:
        return ""


def export_path() -> Path:
    return Path(settings.VAR_DIR) / f"profanity-model-{_package_version()}.json"


def export_model(path: Path | None = None) -> Path:
    """Write the installed package's model as plain numbers (needs scikit-learn, once)."""
    from profanity_check import (  # noqa: PLC0415 - slow, rare
        profanity_check as package,
    )

    vectorizer: Any = package.vectorizer
    model: Any = package.model
    folds = model.calibrated_classifiers_
    idf = vectorizer.idf_
    words = {
        word: [float(idf[index])] + [float(fold.estimator.coef_[0][index]) for fold in folds]
        for word, index in vectorizer.vocabulary_.items()
    }
    data = {
        "words": words,
        "intercepts": [float(fold.estimator.intercept_[0]) for fold in folds],
        "sigmoid_a": [float(fold.calibrators[0].a_) for fold in folds],
        "sigmoid_b": [float(fold.calibrators[0].b_) for fold in folds],
    }
    target = path or export_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and moved into place, so a worker never reads half a file.
    with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, suffix=".tmp") as out:
        json.dump(data, out)
    Path(out.name).replace(target)
    os.chmod(target, 0o644)  # noqa: PTH101 - NamedTemporaryFile creates files private
    return target


def load_model() -> ProfanityModel:
    """The exported model, exported first if this install has none yet."""
    path = export_path()
    key = str(path)
    with _lock:
        if key not in _loaded:
            try:
                if not path.exists():
                    export_model(path)
                data = json.loads(path.read_text())
                _loaded[key] = ProfanityModel(
                    words=data["words"],
                    intercepts=data["intercepts"],
                    sigmoid_a=data["sigmoid_a"],
                    sigmoid_b=data["sigmoid_b"],
                )
            except Exception as exc:
                raise ProfanityModelUnavailable(str(exc)) from exc
        return _loaded[key]


def is_mostly_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return False
    latin = sum(1 for char in letters if "a" <= char.lower() <= "z")
    return latin / len(letters) >= LATIN_SHARE


def offensive_probability(text: str) -> float | None:
    """The probability that English text is offensive; None for text in other languages.

    Raises ProfanityModelUnavailable if the model cannot be loaded.
    """
    if not is_mostly_latin(text):
        return None
    return load_model().probability(text)
