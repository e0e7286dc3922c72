from django.db import migrations


def create_roles(apps, schema_editor):
    from gazette.moderation.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("articles", "0001_initial"),
        ("comments", "0001_initial"),
        ("moderation", "0003_cases_and_audit_log"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
