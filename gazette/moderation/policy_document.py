"""The Comment Policy as data: one version, in one edition's language, with its clauses (keyed
by the id that stays the same across versions), their examples either side of the line, their
DSA categories, the account of the machinery and the actions taken without a notice. The JSON
twin of the policy page; its shape is `schemas/comment-policy.schema.json`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from gazette.core.http import absolute_url
from gazette.moderation.machinery import Machinery
from gazette.moderation.models import Clause, PolicyVersion
from gazette.moderation.silent_actions import SILENT_ACTIONS

FORMAT = "gazette-comment-policy/1"


def _clause(clause: Clause, version: PolicyVersion, language: str) -> dict[str, Any]:
    return {
        "id": clause.key,
        "number": clause.number,
        "title": clause.title_in(language),
        "text": clause.text_in(language),
        "allowed_examples": clause.allowed_in(language),
        "not_allowed_examples": clause.examples_in(language),
        "version": version.number,
        "url": absolute_url(clause.get_absolute_url()),
        "dsa_category": clause.dsa_category,
        "dsa_keywords": list(clause.dsa_keywords),
        "immediate": clause.immediate,
    }


def _machinery(machinery: Machinery) -> dict[str, Any]:
    return {
        "automation": {
            "rules": [
                {
                    "code": rule.code,
                    "name": rule.name,
                    "does": rule.does,
                    "may_refuse": rule.refuses,
                }
                for rule in machinery.screening
            ],
            "decides_alone": "hold",
            "refuses_only": [rule.code for rule in machinery.refusing],
        },
        "appeals": {
            "window_days": machinery.appeal_days,
            "target_days": machinery.appeal_target_days,
            "decided_by": _(
                "A senior moderator who took no part in the decision and did not report the "
                "comment."
            ),
        },
        "sanctions": {
            "ladder": [
                {"strike": number, "sanction": kind, "days": days}
                for number, (kind, days) in enumerate(machinery.ladder, start=1)
            ],
            "strike_period_days": machinery.strike_period_days,
            "warning_first": True,
            "immediate_clauses": machinery.immediate_clauses,
        },
        "misuse": {
            "warning_after_unfounded": machinery.misuse_warning_after,
            "loss_of_right_days": machinery.misuse_suspension_days,
            "counted_over_days": machinery.misuse_window_days,
            "dismissed_reports_per_unfounded": machinery.misuse_dismissed_per_unfounded,
        },
    }


def policy_document(
    version: PolicyVersion, language: str, machinery: Machinery, history: list[PolicyVersion]
) -> dict[str, Any]:
    """The JSON of `version` (its clauses and translations prefetched)."""
    assert version.published_at is not None  # noqa: S101 - only published versions are served
    return {
        "format": FORMAT,
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "language": language,
        "url": absolute_url(version.get_absolute_url()),
        "summary": version.summary_in(language),
        "preamble": version.preamble_in(language),
        "versions": [
            {
                "number": item.number,
                "published_at": item.published_at.isoformat() if item.published_at else None,
                "url": absolute_url(item.get_absolute_url()),
            }
            for item in history
        ],
        "clauses": {
            clause.key: _clause(clause, version, language) for clause in version.clauses.all()
        },
        "machinery": _machinery(machinery),
        "silent_actions": [
            {
                "id": item.key,
                "action": item.action,
                "basis": item.basis,
                "description": str(item.description),
            }
            for item in SILENT_ACTIONS
        ],
    }
