"""Senior moderators read the record of appeals; administrators edit reviewers' languages."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from gazette.moderation.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0012_appeals_of_every_decision")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
