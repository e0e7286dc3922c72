from django.db import migrations


def sync_roles(apps, schema_editor):
    from gazette.moderation.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Administrators carry out readers' data requests (download and erasure) for them."""

    dependencies = [
        ("moderation", "0027_statements_for_the_transparency_database"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
