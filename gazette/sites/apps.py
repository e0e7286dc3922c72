from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "gazette.sites"
    label = "gazette_sites"
    verbose_name = _("Sites")

    def ready(self) -> None:
        # Models are ready only now.
        from gazette.sites import queries  # noqa: PLC0415

        queries.connect_signals()
