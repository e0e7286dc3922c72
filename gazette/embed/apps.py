from django.apps import AppConfig


class EmbedConfig(AppConfig):
    name = "gazette.embed"
    verbose_name = "Embedding"
