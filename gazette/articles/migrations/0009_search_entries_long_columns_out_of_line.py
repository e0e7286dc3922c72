# On PostgreSQL, an entry's headline, body and document are stored out of line (TOAST) from
# 128 bytes instead of about 2 kB, so the entries' own pages hold little more than their
# position and article: a search reads the position of every match of a common word from a few
# pages instead of one page per two entries. Rewriting the body moves the existing entries
# out of line; this takes a moment per thousand entries. Nothing changes on SQLite.

from django.db import migrations

OUT_OF_LINE = [
    "ALTER TABLE articles_searchentry SET (toast_tuple_target = 128)",
    "UPDATE articles_searchentry SET body = body || ''",
]
IN_LINE = ["ALTER TABLE articles_searchentry RESET (toast_tuple_target)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_search_indexes_per_edition_on_postgres")]

    operations = [migrations.RunPython(_run(OUT_OF_LINE), _run(IN_LINE))]
