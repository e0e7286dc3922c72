from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "gazette.api"
    verbose_name = _("JSON API")

    def ready(self) -> None:
        # Imported here: the models load first.
        from gazette.api.cors import StreamOrigins  # noqa: PLC0415
        from gazette.api.present import public_comment  # noqa: PLC0415
        from gazette.comments import live as comment_events  # noqa: PLC0415
        from gazette.live import origins  # noqa: PLC0415

        # The live updates carry each comment as this API shows it, for the widget, and serve
        # other sites' pages where this API would answer them.
        comment_events.present_with(public_comment)
        origins.judge_origins_with(StreamOrigins())
