"""The moderation app in the Django admin: the Comment Policy, screening rules, the audit log."""

from gazette.moderation.admin import modes, policy, records, screening  # noqa: F401 - registers them
