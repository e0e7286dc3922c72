"""Every new site starts with a real, published Comment Policy in three languages."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from gazette.moderation.services.default_policy import create_default_policy

    PolicyVersion = apps.get_model("moderation", "PolicyVersion")
    if PolicyVersion.objects.exists():
        return
    models = {
        name: apps.get_model("moderation", name)
        for name in ("PolicyVersion", "PolicyVersionTranslation", "Clause", "ClauseTranslation")
    }
    create_default_policy(models, timezone.now())


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_roles")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
