"""The moderation app in the Django admin: the Comment Policy, screening rules, the audit log."""

from gazette.moderation.admin import (  # noqa: F401 - registers them
    appeals,
    modes,
    policy,
    records,
    reporting,
    screening,
)
