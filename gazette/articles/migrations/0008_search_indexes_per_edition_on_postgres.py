# On PostgreSQL, a GIN index per edition instead of one for all, so that a search reads only
# its edition's matches (as SQLite's FTS5 table per edition does), and the entries of each
# edition in order of position, so that the newest of them are found without a sort.
# Nothing changes on SQLite.

from django.db import migrations

EDITIONS = ("en", "ru", "kk", "uz", "uz-cyrl", "kk-latn")


def _name(code):
    return code.replace("-", "_")


POSTGRES_CREATE = [
    *(
        f"CREATE INDEX articles_search_document_{_name(code)} ON articles_searchentry "
        f"USING gin (document) WHERE edition = '{code}'"
        for code in EDITIONS
    ),
    "CREATE INDEX articles_search_edition_position ON articles_searchentry (edition, position)",
    "DROP INDEX IF EXISTS articles_search_document",
]
POSTGRES_DROP = [
    "CREATE INDEX articles_search_document ON articles_searchentry USING gin (document)",
    "DROP INDEX IF EXISTS articles_search_edition_position",
    *(f"DROP INDEX IF EXISTS articles_search_document_{_name(code)}" for code in EDITIONS),
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_tag_names_reads")]

    operations = [migrations.RunPython(_run(POSTGRES_CREATE), _run(POSTGRES_DROP))]
