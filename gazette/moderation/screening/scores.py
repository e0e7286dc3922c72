"""What screening's models make of a text that no rule held: every score, not only those over a
threshold, so that the desk can show the riskiest published comments first. Pure, like
assessment.py, and read with the same rules."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from gazette.core.text import visible_text
from gazette.moderation.screening import heuristics, profanity
from gazette.moderation.screening.assessment import MODEL_MIN_WORDS
from gazette.moderation.screening.normalise import normalise
from gazette.moderation.screening.rules import Rules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scores:
    """Each model's score of one text (by the rule name screening records), and its links."""

    models: dict[str, float] = field(default_factory=dict)
    links: int = 0
    disguised_links: int = 0

    @property
    def highest(self) -> float:
        return max(self.models.values(), default=0.0)

    @property
    def has_links(self) -> bool:
        return bool(self.links or self.disguised_links)

    @property
    def shown(self) -> list[tuple[str, float]]:
        """For templates: the scores, highest first."""
        return sorted(self.models.items(), key=lambda pair: -pair[1])


def scores_of(text: str, rules: Rules) -> Scores:
    visible = visible_text(text).strip()
    form = normalise(visible)
    models: dict[str, float] = {}
    if rules.settings.house_models and len(form.clean.split()) >= MODEL_MIN_WORDS:
        for house in rules.house:
            models[f"model:{house.label}"] = house.score(visible, form).probability
    if rules.settings.profanity_threshold > 0:
        try:
            probability = profanity.offensive_probability(visible)
        except profanity.ProfanityModelUnavailable:
            logger.warning("Offensive language model unavailable for the desk", exc_info=True)
        else:
            if probability is not None:
                models["profanity"] = probability
    if rules.classifier is not None:
        models["classifier"] = rules.classifier.score(visible, form).probability
    return Scores(
        models=models,
        links=heuristics.link_count(text),
        disguised_links=len(heuristics.disguised_links(visible)),
    )
