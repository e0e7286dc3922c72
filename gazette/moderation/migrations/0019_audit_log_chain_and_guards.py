"""The audit log: who acted when no person did, a hash chain over every entry, and triggers
that make the database itself refuse to change or delete an entry."""

from django.db import migrations, models


def chain_existing_entries(apps, schema_editor):
    # Before the triggers exist: the one time entries are written to after their insert.
    from gazette.moderation.models.audit import chain_digest

    AuditEntry = apps.get_model("moderation", "AuditEntry")
    previous = ""
    for entry in AuditEntry.objects.order_by("pk").iterator():
        if entry.actor_id is None:
            entry.actor_component = "system" if entry.automatic else "reader"
        entry.previous_hash = previous
        entry.entry_hash = chain_digest(entry, previous)
        AuditEntry.objects.filter(pk=entry.pk).update(
            actor_component=entry.actor_component,
            previous_hash=entry.previous_hash,
            entry_hash=entry.entry_hash,
        )
        previous = entry.entry_hash


def install_guards(apps, schema_editor):
    from gazette.moderation.audit_guards import install_sql

    for statement in install_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def remove_guards(apps, schema_editor):
    from gazette.moderation.audit_guards import remove_sql

    for statement in remove_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0018_comment_policy_in_uzbek")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="actor_component",
            field=models.CharField(blank=True, max_length=80, verbose_name="by component"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="previous_hash",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="previous entry's hash"
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="entry_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="hash"
            ),
        ),
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
        migrations.RunPython(install_guards, remove_guards),
    ]
