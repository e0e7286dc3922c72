from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "gazette.comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        # Models are ready only now.
        from gazette.comments import caching  # noqa: PLC0415

        caching.connect_signals()
