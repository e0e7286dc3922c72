from django.db import migrations


def load_new_terms(apps, schema_editor):
    """The Kazakh and Uzbek violence terms added to the shipped lists on 2026-12-07 (calls with
    their suffixes, threats, glorification and recruitment). Terms already there, and terms staff
    changed, are left alone; the term list version changes with the rows."""
    from gazette.moderation.screening.termlists import load_shipped_terms

    load_shipped_terms(apps.get_model("moderation", "ScreeningTerm"))


class Migration(migrations.Migration):

    dependencies = [
        ("moderation", "0030_comments_exported_event"),
    ]

    operations = [migrations.RunPython(load_new_terms, migrations.RunPython.noop)]
