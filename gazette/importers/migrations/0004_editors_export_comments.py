"""Editors may download the export of every comment (without readers' personal data, which
needs a permission of its own that no role holds by default)."""

from django.db import migrations

EDITOR = "editor"
CODENAMES = ("export_comments",)


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the group needs them now.
    config = apps.get_app_config("importers")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=EDITOR)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="importers", codename__in=CODENAMES
    )
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("importers", "0003_export_and_gazette_format"),
        ("moderation", "0024_audit_outcomes_of_any_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
