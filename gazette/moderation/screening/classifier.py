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
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from gazette.moderation.screening.normalise import Normalised, normalise

NGRAM_RANGE = (2, 5)
# Words of one letter ("a", "I", "и", "в") are left out: they are in every kind of comment, and
# a model trained on insults ("what a clown") learnt " a " as abuse.
MIN_WORD_LENGTH = 2
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
    for word in words_of(clean):
        padded = f" {word} "
        for size in range(low, high + 1):
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def words_of(clean: str) -> list[str]:
    """The words of a clean form that have n-grams of their own."""
    return [word for word in clean.split() if len(word) >= MIN_WORD_LENGTH]


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

    WORD_CACHE_SIZE = 10_000

    def __init__(self, features: Mapping[str, Sequence[float]], intercept: float) -> None:
        hashes = [hash(gram) for gram in features]
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        numbers = list(features.values())
        self._keys = array("q", [hashes[i] for i in order])
        # Read one number at a time while scoring: array.array gives a Python float fastest.
        self._idf = array("d", [float(numbers[i][0]) for i in order])
        self._weight = array("d", [float(numbers[i][1]) for i in order])
        self.intercept = intercept
        # Words recur from comment to comment: the model's n-grams of each are kept, packed
        # (about 450 bytes a word), for the first WORD_CACHE_SIZE words seen.
        self._words: dict[str, array[int]] = {}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SiteModel:
        # Straight from the parsed JSON (n-gram → [idf, weight]): a copy of half a million
        # entries would double what loading takes.
        return cls(features=data["features"], intercept=float(data["intercept"]))

    def _found(self, word: str) -> array[int]:
        """The model's n-grams of `word`, each packed as one number: its place in the arrays,
        and where it starts in the padded word and its length (to name it again)."""
        packed = self._words.get(word)
        if packed is not None:
            return packed
        padded = f" {word} "
        keys, size_of_keys = self._keys, len(self._keys)
        packed = array("q")
        for start, size in _spans(len(padded)):
            wanted = hash(padded[start : start + size])
            place = bisect_left(keys, wanted)
            if place < size_of_keys and keys[place] == wanted:
                packed.append(place << _PLACE_SHIFT | start << _START_SHIFT | size)
        if len(self._words) < self.WORD_CACHE_SIZE:
            self._words[word] = packed
        return packed

    def score(self, text: str, form: Normalised | None = None) -> Score:
        # Keyed by the n-gram's place in the arrays: one place, one n-gram.
        counts: Counter[int] = Counter()
        named: dict[int, tuple[str, int]] = {}
        for word, times in Counter(words_of((form or normalise(text)).clean)).items():
            for packed in self._found(word):
                place = packed >> _PLACE_SHIFT
                counts[place] += times
                named.setdefault(place, (word, packed))
        idf, weight = self._idf, self._weight
        values = {place: (1.0 + math.log(count)) * idf[place] for place, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
        contributions = {place: value / norm * weight[place] for place, value in values.items()}
        logit = self.intercept + sum(contributions.values())
        top = sorted(
            ((place, push) for place, push in contributions.items() if push > 0),
            key=lambda item: -item[1],
        )[:TOP_NGRAMS]
        return Score(_probability(logit), [(_gram(*named[place]), push) for place, push in top])


# A packed n-gram: its place in the arrays, then 16 bits for where it starts in the padded word
# (longer than any comment allows) and 4 for its size.
_PLACE_SHIFT = 20
_START_SHIFT = 4


@cache
def _spans(length: int) -> tuple[tuple[int, int], ...]:
    """Where each n-gram of a padded word of `length` characters starts, and its size."""
    low, high = NGRAM_RANGE
    return tuple(
        (start, size) for size in range(low, high + 1) for start in range(length - size + 1)
    )


def _gram(word: str, packed: int) -> str:
    start = (packed >> _START_SHIFT) & ((1 << (_PLACE_SHIFT - _START_SHIFT)) - 1)
    size = packed & ((1 << _START_SHIFT) - 1)
    return f" {word} "[start : start + size]


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
