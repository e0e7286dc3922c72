from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "gazette.reactions"
    verbose_name = _("Reader reactions")

    def ready(self) -> None:
        # Models are ready only now.
        from gazette.reactions import caching, checks  # noqa: F401, PLC0415 - checks registers the start-up check

        caching.connect_signals()
