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
        # Display names chosen at sign-up go through the same look-alike folding.
        account_names.connect(names.refusal_of)
