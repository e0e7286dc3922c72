from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gazette.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from gazette.core import checks  # noqa: F401, PLC0415 - registers the start-up checks
