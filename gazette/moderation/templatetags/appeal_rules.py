"""The appeal procedure's figures for templates, from their one definition in policy.py."""

from __future__ import annotations

from django import template

from gazette.moderation import policy

register = template.Library()


@register.simple_tag
def appeal_rules() -> dict[str, int]:
    return {
        "window_days": policy.APPEAL_WINDOW_DAYS,
        "target_days": policy.APPEAL_TARGET_DAYS,
        "unfounded_limit": policy.UNFOUNDED_APPEALS_LIMIT,
        "unfounded_period_days": policy.UNFOUNDED_APPEALS_PERIOD_DAYS,
        "suspension_days": policy.APPEAL_RIGHT_SUSPENSION_DAYS,
    }
