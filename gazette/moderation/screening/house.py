"""The classifiers Gazette ships, one per harmful class, working on day one in every language.

Each is a character n-gram model (classifier.SiteModel) trained by `manage.py
train_house_models` on the labelled comments in `training/` (English, Russian, Kazakh and Uzbek
in both their scripts), with the threshold at which it holds chosen on the tuning part of the
evaluation corpus (tests/moderation/screening/corpus). The trained numbers live in `house/` as
JSON: no pickle, no download, milliseconds per comment on a CPU. The site's own model, learnt
from its moderators' decisions, runs beside them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gazette.moderation.screening.classifier import Score, SiteModel
from gazette.moderation.screening.normalise import Normalised

MODEL_DIR = Path(__file__).parent / "house"
# The harmful classes of the training corpus, and the Comment Policy clause each enforces.
CLAUSES = {"incitement": "violence", "abuse": "attacks", "spam": "spam"}


@dataclass(frozen=True)
class HouseModel:
    label: str  # the harmful class: incitement, abuse or spam
    clause_key: str
    # The score from which it holds, per language-script (languages.py); `threshold` for text
    # in none of them.
    thresholds: dict[str, float]
    threshold: float
    version: str  # the first characters of the model file's hash
    model: SiteModel

    def score(self, text: str, form: Normalised | None = None) -> Score:
        return self.model.score(text, form)

    def threshold_for(self, written: str) -> float:
        return self.thresholds.get(written, self.threshold)


def model_path(label: str) -> Path:
    return MODEL_DIR / f"{label}.json"


@cache
def house_models() -> tuple[HouseModel, ...]:
    """The shipped models (read once per process). A missing or broken file raises: screening
    then holds the comment, never publishes it unseen."""
    models = []
    for label, clause_key in CLAUSES.items():
        raw = model_path(label).read_bytes()
        data = json.loads(raw)
        models.append(
            HouseModel(
                label=label,
                clause_key=clause_key,
                thresholds={key: float(value) for key, value in data["thresholds"].items()},
                threshold=float(data["threshold"]),
                version=hashlib.sha256(raw).hexdigest()[:10],
                model=SiteModel.from_data(data),
            )
        )
    return tuple(models)
