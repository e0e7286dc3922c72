"""Editors read the newsroom dashboard (moderation.roles lists the permission)."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from gazette.moderation.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial"), ("moderation", "0030_comments_exported_event")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
