"""Votes keep their reader under the one reader key ("user:7", "anon:…") instead of the poll's
own short form ("u:7", "a:…"), so every app names a reader the same way."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

RENAMES = (("u:", "user:"), ("a:", "anon:"))


def _rename(apps, schema_editor, renames):
    vote = apps.get_model("reactions", "Vote")
    for old, new in renames:
        vote.objects.filter(reader_key__startswith=old).update(
            reader_key=Concat(Value(new), Substr("reader_key", len(old) + 1))
        )


def forwards(apps, schema_editor):
    _rename(apps, schema_editor, RENAMES)


def backwards(apps, schema_editor):
    _rename(apps, schema_editor, [(new, old) for old, new in RENAMES])


class Migration(migrations.Migration):
    dependencies = [("reactions", "0002_default_reaction_set")]

    operations = [migrations.RunPython(forwards, backwards)]
