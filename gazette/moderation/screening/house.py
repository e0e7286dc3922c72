"""The classifiers Gazette ships, one per harmful class, working on day one in every language.

Each class has one character n-gram model (classifier.SiteModel) per language-script our
readers write in, and a multilingual one trained on all of them, for text written in none that
has a model of its own. `manage.py train_house_models` trains them on the labelled comments in
`training/` (English, Russian, Kazakh and Uzbek in both their scripts) and chooses each model's
threshold on the tuning part of the evaluation corpus (tests/moderation/screening/corpus). A
model of one language-script learns that language's words and suffixes without the others'
crowding its features, which is where the multilingual model missed most. The trained numbers
live in `house/`, one JSON file per class: no pickle, no download, milliseconds per comment on
a CPU. The site's own model, learnt from its moderators' decisions, runs beside them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gazette.moderation.screening.classifier import Score, SiteModel
from gazette.moderation.screening.languages import language_of
from gazette.moderation.screening.normalise import Normalised

MODEL_DIR = Path(__file__).parent / "house"
# The harmful classes of the training corpus, and the Comment Policy clause each enforces.
CLAUSES = {"incitement": "violence", "abuse": "attacks", "spam": "spam"}
# The key of the model trained on every language-script at once.
MULTILINGUAL = "multilingual"
# The classes whose multilingual model judges every text after its language-script's own: spam
# is much the same in every language (brands, links, numbers), and on the tuning part that model
# caught spam the others missed; for incitement and abuse it caught nothing more and held a
# clean comment.
SECOND_OPINION = frozenset({"spam"})


@dataclass(frozen=True)
class ScriptModel:
    """One class's model for one language-script (or MULTILINGUAL), with its threshold."""

    key: str
    threshold: float
    model: SiteModel


@dataclass(frozen=True)
class HouseModel:
    label: str  # the harmful class: incitement, abuse or spam
    clause_key: str
    version: str  # the first characters of the model file's hash
    models: dict[str, ScriptModel]  # by language-script (languages.py), and MULTILINGUAL

    def model_for(self, written: str) -> ScriptModel:
        return self.models.get(written) or self.models[MULTILINGUAL]

    def models_for(self, written: str) -> list[ScriptModel]:
        """The models that judge a text in `written`: its language-script's own, then, for the
        classes in SECOND_OPINION, the multilingual one."""
        own = self.model_for(written)
        if self.label not in SECOND_OPINION:
            return [own]
        return list(dict.fromkeys((own, self.models[MULTILINGUAL])))

    def score(self, text: str, form: Normalised | None = None) -> Score:
        return self.model_for(language_of(text)).model.score(text, form)


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
                version=hashlib.sha256(raw).hexdigest()[:10],
                models={
                    key: ScriptModel(key, float(part["threshold"]), SiteModel.from_data(part))
                    for key, part in data["models"].items()
                },
            )
        )
    return tuple(models)
