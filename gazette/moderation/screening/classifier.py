"""This site's own text classifier, learnt from its moderators' past decisions.

Character n-grams of each comment's clean form (so that it works for Russian and Kazakh as well
as English, and sees through spacing and invisible characters), weighted by TF-IDF, into a
logistic regression: removed comments are the positive class, approved ones the negative.
Training uses scikit-learn and runs in the background; the result is stored as plain numbers
(n-gram → idf and weight), so scoring a comment in a web worker is a dot product in Python, and
no pickled object is ever loaded from the database.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gazette.moderation.screening.normalise import Normalised, normalise

NGRAM_RANGE = (2, 5)
MAX_FEATURES = 40_000
MIN_EXAMPLES_PER_CLASS = 10
TOP_NGRAMS = 5
# The score from which an example counts as removed, for the cross-validated accuracy.
DECISION = 0.5


def ngrams(text: str) -> list[str]:
    """Character n-grams of each word of the clean form, padded with a space on either side."""
    return clean_ngrams(normalise(text).clean)


def clean_ngrams(clean: str) -> list[str]:
    low, high = NGRAM_RANGE
    grams: list[str] = []
    for word in clean.split():
        padded = f" {word} "
        for size in range(low, high + 1):
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


@dataclass(frozen=True)
class Score:
    probability: float
    top_ngrams: list[tuple[str, float]]  # the n-grams that pushed the score up most


class SiteModel:
    """A trained model as plain numbers: n-gram → (idf, weight), and the intercept.

    Kept in each web worker as three arrays sorted by the n-grams' hashes (24 bytes per
    n-gram), not as a dictionary of strings and pairs of floats (about 190 bytes each): the
    shipped models hold about half a million n-grams, 90 MB a worker as a dictionary. The hash
    is the process's own `hash()` of the n-gram, computed when the model is loaded; two of the
    model's n-grams sharing one (64 bits) is too unlikely to matter.
    """

    WORD_CACHE_SIZE = 50_000

    def __init__(self, features: Mapping[str, Sequence[float]], intercept: float) -> None:
        keys = np.fromiter((hash(gram) for gram in features), dtype=np.int64, count=len(features))
        numbers = np.array(list(features.values()), dtype=np.float64).reshape(-1, 2)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        # Read one number at a time while scoring: array.array gives a Python float fastest.
        self._idf = array("d", numbers[order, 0].tobytes())
        self._weight = array("d", numbers[order, 1].tobytes())
        self.intercept = intercept
        # Words recur from comment to comment: the model's n-grams of each are kept, with their
        # place in the arrays.
        self._words: dict[str, tuple[tuple[str, int], ...]] = {}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SiteModel:
        # Straight from the parsed JSON (n-gram → [idf, weight]): a copy of half a million
        # entries would double what loading takes.
        return cls(features=data["features"], intercept=float(data["intercept"]))

    def _grams_of(self, word: str) -> tuple[tuple[str, int], ...]:
        grams = self._words.get(word)
        if grams is None:
            grams = self._find(clean_ngrams(word))
            if len(self._words) < self.WORD_CACHE_SIZE:
                self._words[word] = grams
        return grams

    def _find(self, grams: list[str]) -> tuple[tuple[str, int], ...]:
        """The model's n-grams among `grams`, each with its place in the arrays."""
        if not grams or not len(self._keys):
            return ()
        wanted = np.fromiter((hash(gram) for gram in grams), dtype=np.int64, count=len(grams))
        places = np.minimum(np.searchsorted(self._keys, wanted), len(self._keys) - 1)
        found = self._keys[places] == wanted
        return tuple(
            (gram, place)
            for gram, place, hit in zip(grams, places.tolist(), found.tolist(), strict=True)
            if hit
        )

    def score(self, text: str, form: Normalised | None = None) -> Score:
        counts: Counter[tuple[str, int]] = Counter()
        for word, times in Counter((form or normalise(text)).clean.split()).items():
            for gram in self._grams_of(word):
                counts[gram] += times
        idf, weight = self._idf, self._weight
        values = {found: (1.0 + math.log(count)) * idf[found[1]] for found, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
        contributions = {found: value / norm * weight[found[1]] for found, value in values.items()}
        logit = self.intercept + sum(contributions.values())
        top = sorted(
            ((gram, push) for (gram, _place), push in contributions.items() if push > 0),
            key=lambda item: -item[1],
        )[:TOP_NGRAMS]
        return Score(_probability(logit), top)


def _probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


@dataclass(frozen=True)
class Trained:
    data: dict[str, Any]
    examples: int
    removed: int
    accuracy: float  # cross-validated, on examples the model had not seen
    # Each example's score by the cross-validation model that had not seen it, in input order.
    unseen_scores: list[float]


class NotEnoughExamples(Exception):  # noqa: N818 - named for the state it reports
    pass


def train(
    texts: Sequence[str],
    removed: Sequence[bool],
    *,
    max_features: int = MAX_FEATURES,
    regularisation: float = 10.0,
) -> Trained:
    """Fit the model to moderators' decisions (True: removed). Needs scikit-learn.

    Raises NotEnoughExamples unless both classes have MIN_EXAMPLES_PER_CLASS examples.
    """
    # Long by design: the slow imports, the pipeline and its cross-validated score belong together.
    # scikit-learn takes seconds to import and has no type stubs: imported here, only to train.
    from sklearn.feature_extraction.text import (  # noqa: PLC0415
        TfidfVectorizer,
    )
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.model_selection import (  # noqa: PLC0415
        StratifiedKFold,
        cross_val_predict,
    )
    from sklearn.pipeline import make_pipeline  # noqa: PLC0415

    positives = sum(1 for label in removed if label)
    negatives = len(removed) - positives
    if min(positives, negatives) < MIN_EXAMPLES_PER_CLASS:
        raise NotEnoughExamples

    def pipeline() -> Any:
        return make_pipeline(
            TfidfVectorizer(
                analyzer=ngrams, sublinear_tf=True, max_features=max_features, norm="l2"
            ),
            LogisticRegression(C=regularisation, class_weight="balanced", max_iter=2000),
        )

    labels = [int(label) for label in removed]
    folds = StratifiedKFold(n_splits=min(5, positives, negatives), shuffle=True, random_state=0)
    unseen = cross_val_predict(pipeline(), list(texts), labels, cv=folds, method="predict_proba")
    unseen_scores = [float(row[1]) for row in unseen]
    accuracy = sum(
        (score >= DECISION) == bool(label)
        for score, label in zip(unseen_scores, labels, strict=True)
    ) / len(labels)
    fitted = pipeline().fit(list(texts), labels)
    vectorizer, regression = fitted.steps[0][1], fitted.steps[1][1]
    weights = regression.coef_[0]
    # Five significant digits are plenty for a score, and keep shipped models small.
    features = {
        gram: [round(float(vectorizer.idf_[index]), 5), round(float(weights[index]), 5)]
        for gram, index in sorted(vectorizer.vocabulary_.items())
    }
    data = {"features": features, "intercept": float(regression.intercept_[0])}
    return Trained(
        data=data,
        examples=len(labels),
        removed=positives,
        accuracy=accuracy,
        unseen_scores=unseen_scores,
    )
