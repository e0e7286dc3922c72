"""The moderation app's models, one module per concern."""

from gazette.moderation.models.announcements import PolicyAnnouncement
from gazette.moderation.models.audit import AuditEntry, AuditLogIsAppendOnly
from gazette.moderation.models.cases import Appeal, Decision, Notice, Report
from gazette.moderation.models.clauses import (
    Clause,
    ClauseTranslation,
    DsaCategory,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.models.holds import ScreeningHold, TermListVersion
from gazette.moderation.models.modes import ModeChoice, ModerationMode, PresetChoice
from gazette.moderation.models.reporting import ReporterMessage, ReportingRestriction
from gazette.moderation.models.sanctions import Sanction
from gazette.moderation.models.screening import (
    ClassifierModel,
    ModerationSettings,
    RecentText,
    RecentTextHash,
    ScreeningTerm,
)

__all__ = [
    "Appeal",
    "AuditEntry",
    "AuditLogIsAppendOnly",
    "ClassifierModel",
    "Clause",
    "ClauseTranslation",
    "Decision",
    "DsaCategory",
    "ModeChoice",
    "ModerationMode",
    "ModerationSettings",
    "Notice",
    "PolicyAnnouncement",
    "PolicyVersion",
    "PolicyVersionTranslation",
    "PresetChoice",
    "RecentText",
    "RecentTextHash",
    "Report",
    "ReporterMessage",
    "ReportingRestriction",
    "Sanction",
    "ScreeningHold",
    "ScreeningTerm",
    "TermListVersion",
]
