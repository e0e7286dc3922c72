"""The moderation app in the Django admin: the Comment Policy, screening rules, the audit log,
readers' data requests."""

from gazette.moderation.admin import (  # noqa: F401 - registers them
    appeals,
    data_rights,
    modes,
    policy,
    records,
    reporting,
    screening,
)
