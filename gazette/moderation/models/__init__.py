"""The moderation app's models, one module per concern."""

from gazette.moderation.models.announcements import PolicyAnnouncement
from gazette.moderation.models.appeals import (
    Appeal,
    AppealNotice,
    AppealRightSuspension,
    ReviewerLanguage,
    ScreeningRefusal,
)
from gazette.moderation.models.audit import AuditEntry, AuditLogIsAppendOnly
from gazette.moderation.models.authority import AuthorityRequest
from gazette.moderation.models.cases import Decision, Notice, Report
from gazette.moderation.models.claims import CLAIM_LIFETIME, QueueClaim
from gazette.moderation.models.clauses import (
    Clause,
    ClauseTranslation,
    DsaCategory,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.models.flaggers import TrustedFlagger
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
from gazette.moderation.models.statements import SubmittedStatement

__all__ = [
    "CLAIM_LIFETIME",
    "Appeal",
    "AppealNotice",
    "AppealRightSuspension",
    "AuditEntry",
    "AuditLogIsAppendOnly",
    "AuthorityRequest",
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
    "QueueClaim",
    "RecentText",
    "RecentTextHash",
    "Report",
    "ReporterMessage",
    "ReportingRestriction",
    "ReviewerLanguage",
    "Sanction",
    "ScreeningHold",
    "ScreeningRefusal",
    "ScreeningTerm",
    "SubmittedStatement",
    "TermListVersion",
    "TrustedFlagger",
]
