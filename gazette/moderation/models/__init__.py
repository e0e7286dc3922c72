"""The moderation app's models, one module per concern."""

from gazette.moderation.models.clauses import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.models.sanctions import Sanction
from gazette.moderation.models.screening import (
    ClassifierModel,
    ModerationSettings,
    RecentText,
    RecentTextHash,
    ScreeningTerm,
)

__all__ = [
    "ClassifierModel",
    "Clause",
    "ClauseTranslation",
    "ModerationSettings",
    "PolicyVersion",
    "PolicyVersionTranslation",
    "RecentText",
    "RecentTextHash",
    "Sanction",
    "ScreeningTerm",
]
