from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "gazette.articles"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        # Models are ready only now.
        from gazette.articles import caching  # noqa: PLC0415

        caching.connect_signals()
