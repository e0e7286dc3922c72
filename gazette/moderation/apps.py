from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "gazette.moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        # The places moderation joins posting and accounts: their seams declare what they need.
        from gazette.accounts import names as account_names  # noqa: PLC0415
        from gazette.comments import seam  # noqa: PLC0415 - models must be loaded first
        from gazette.moderation import names  # noqa: PLC0415
        from gazette.moderation.seam import CommentModeration  # noqa: PLC0415

        seam.connect(CommentModeration())
        # Infrastructure, not a rule: SQLite drops a table's triggers when a migration rebuilds
        # it, so the audit log's guards are put back after every migrate.
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from gazette.moderation import checks  # noqa: F401, PLC0415 - registers the start-up check
        from gazette.moderation.audit_guards import reinstall_after_migrate  # noqa: PLC0415

        post_migrate.connect(reinstall_after_migrate, sender=self)
        # Display names chosen at sign-up go through the same look-alike folding.
        account_names.connect(names.refusal_of)
