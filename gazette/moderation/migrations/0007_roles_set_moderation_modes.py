"""Editors and administrators set the moderation mode of sections and articles."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from gazette.moderation.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0006_moderation_modes")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
