"""Every site starts with the Yes / No set as its default; pages translate its texts through
the message catalogues (gazette.reactions.defaults)."""

from django.db import migrations

SET_NAME = "Yes / No"
QUESTION = "Do you like this article?"
CHOICES = (("yes", "Yes"), ("no", "No"))


def create_default_set(apps, schema_editor):
    ReactionSet = apps.get_model("reactions", "ReactionSet")
    ReactionChoice = apps.get_model("reactions", "ReactionChoice")
    reaction_set, created = ReactionSet.objects.get_or_create(
        name=SET_NAME,
        defaults={"question": QUESTION, "is_default": not ReactionSet.objects.filter(is_default=True).exists()},
    )
    if created:
        for position, (code, label) in enumerate(CHOICES):
            ReactionChoice.objects.create(
                reaction_set=reaction_set, code=code, label=label, position=position
            )


def remove_default_set(apps, schema_editor):
    ReactionSet = apps.get_model("reactions", "ReactionSet")
    ReactionSet.objects.filter(name=SET_NAME, polls__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("reactions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_default_set, remove_default_set),
    ]
