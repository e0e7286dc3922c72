# No index of search entries leads with the edition any more. With one, PostgreSQL's planner
# read all of an edition's entries and tested each document (stored out of line since 0009,
# so each test reads it from the TOAST table) instead of asking the edition's GIN index: a
# common Cyrillic Uzbek word cost 60-70 ms instead of 15. The newest matches are now found
# through the index of positions, which every edition shares. Nothing else read either index.

from django.db import migrations

POSITION_INDEX = "articles_search_edition_position"


def _drop_position_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {POSITION_INDEX}")


def _create_position_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {POSITION_INDEX} ON articles_searchentry (edition, position)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_search_entries_long_columns_out_of_line"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="searchentry",
            name="articles_se_edition_4f7d9d_idx",
        ),
        migrations.RunPython(_drop_position_index, _create_position_index),
    ]
