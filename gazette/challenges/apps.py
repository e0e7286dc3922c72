from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "gazette.challenges"
    verbose_name = _("Captcha and rate limits")

    def ready(self) -> None:
        from gazette.challenges import checks  # noqa: F401, PLC0415 - registers the start-up check
