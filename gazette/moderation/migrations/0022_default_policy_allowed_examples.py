"""The shipped Comment Policy gains allowed examples and DSA categories: filled in on a new
install, published as version 2 where comments were posted under version 1, and left alone
wherever the newsroom has a policy of its own."""

from django.db import migrations
from django.utils import timezone


def upgrade(apps, schema_editor):
    from gazette.moderation.models.audit import chain_digest
    from gazette.moderation.services.default_policy import upgrade_default_policy

    models = {
        name: apps.get_model("moderation", name)
        for name in ("PolicyVersion", "PolicyVersionTranslation", "Clause", "ClauseTranslation")
    }
    now = timezone.now()
    posted = apps.get_model("comments", "Comment").objects.exists()
    version = upgrade_default_policy(models, now, comments_posted=posted)
    if version is None or version.number == 1:
        return
    # Its publication is an audit entry like any other, linked into the chain.
    AuditEntry = apps.get_model("moderation", "AuditEntry")
    previous = AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
    entry = AuditEntry(
        created_at=now,
        event="policy_published",
        actor_component="policy@migration",
        policy_version=version.number,
        note=version.summary,
    )
    entry.previous_hash = previous or ""
    entry.entry_hash = chain_digest(entry, entry.previous_hash)
    entry.save(force_insert=True)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("moderation", "0021_clause_allowed_examples_and_dsa_category"),
    ]

    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
