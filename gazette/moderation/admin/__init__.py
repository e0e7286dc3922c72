"""The moderation app in the Django admin: the Comment Policy, screening rules, the audit log,
readers' data requests and staff roles."""

from gazette.moderation.admin import (  # noqa: F401 - registers them
    accounts,
    appeals,
    modes,
    policy,
    records,
    reporting,
    screening,
)
