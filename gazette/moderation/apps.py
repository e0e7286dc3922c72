from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "gazette.moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        # The one place moderation joins posting: comments/seam.py declares what it needs.
        from gazette.comments import seam  # noqa: PLC0415 - models must be loaded first
        from gazette.moderation.seam import CommentModeration  # noqa: PLC0415

        seam.connect(CommentModeration())
