from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "gazette.reactions"
    verbose_name = _("Reader reactions")

    def ready(self) -> None:
        from gazette.reactions import checks  # noqa: F401, PLC0415 - registers the start-up check
