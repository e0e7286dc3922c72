# On PostgreSQL, an entry's headline, body and document are stored out of line (TOAST) from
# 128 bytes instead of about 2 kB, so the entries' own pages hold little more than their
# position and article: a search reads the position of every match of a common word from a few
# pages instead of one page per two entries. Rewriting the body moves the existing entries
# out of line; this takes a moment per thousand entries. Nothing changes on SQLite.

from django.db import migrations

TABLE = "articles_searchentry"


def out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")
        schema_editor.execute(f"UPDATE {TABLE} SET body = body || ''")


def in_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_search_indexes_per_edition_on_postgres")]

    operations = [migrations.RunPython(out_of_line, in_line)]
