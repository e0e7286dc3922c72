"""The moderation app's models, one module per concern."""

from gazette.moderation.models.clauses import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)

__all__ = [
    "Clause",
    "ClauseTranslation",
    "PolicyVersion",
    "PolicyVersionTranslation",
]
