# Search entries, their FTS5 tables and triggers on SQLite (their GIN index on PostgreSQL),
# names of tags per edition, and daily read counts.

import django.contrib.postgres.search
import django.db.models.deletion
import gazette.core.editions
from django.db import migrations, models

# One FTS5 table per edition, so that a search reads only its edition's matches. English is
# stemmed (porter); FTS5 has no stemmer for Russian, Kazakh or Uzbek.
EDITIONS = ("en", "ru", "kk", "uz", "uz-cyrl", "kk-latn")
STEMMED = "porter unicode61 remove_diacritics 2"
WORDS = "unicode61 remove_diacritics 2"
TOKENIZERS = {
    f"articles_search_{code.replace('-', '_')}": STEMMED if code == "en" else WORDS
    for code in EDITIONS
}


def _sqlite_statements():
    statements = []
    for table, tokenizer in TOKENIZERS.items():
        statements.append(
            f"CREATE VIRTUAL TABLE {table} USING fts5(headline, standfirst, body, "
            f"content='articles_searchentry', content_rowid='position', tokenize='{tokenizer}')"
        )
        # `rank`: bm25 with a word in the headline worth ten in the body, in the standfirst four.
        statements.append(
            f"INSERT INTO {table}({table}, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')"
        )
    which = {
        f"articles_search_{code.replace('-', '_')}": f"= '{code}'" for code in EDITIONS
    }

    def insert(table, row):
        return (
            f"INSERT INTO {table}(rowid, headline, standfirst, body) "
            f"SELECT {row}.position, {row}.headline, {row}.standfirst, {row}.body "
            f"WHERE {row}.edition {which[table]};"
        )

    def remove(table, row):
        return (
            f"INSERT INTO {table}({table}, rowid, headline, standfirst, body) "
            f"SELECT 'delete', {row}.position, {row}.headline, {row}.standfirst, {row}.body "
            f"WHERE {row}.edition {which[table]};"
        )

    tables = list(TOKENIZERS)
    statements += [
        "CREATE TRIGGER articles_search_inserted AFTER INSERT ON articles_searchentry BEGIN "
        + " ".join(insert(table, "new") for table in tables)
        + " END",
        "CREATE TRIGGER articles_search_deleted AFTER DELETE ON articles_searchentry BEGIN "
        + " ".join(remove(table, "old") for table in tables)
        + " END",
        "CREATE TRIGGER articles_search_updated AFTER UPDATE OF edition, position, headline, "
        "standfirst, body ON articles_searchentry BEGIN "
        + " ".join(remove(table, "old") for table in tables)
        + " ".join(insert(table, "new") for table in tables)
        + " END",
    ]
    return statements


SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_search_inserted",
    "DROP TRIGGER IF EXISTS articles_search_deleted",
    "DROP TRIGGER IF EXISTS articles_search_updated",
    *(f"DROP TABLE IF EXISTS {table}" for table in TOKENIZERS),
]
POSTGRES_CREATE = [
    "CREATE INDEX articles_search_document ON articles_searchentry USING gin (document)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS articles_search_document"]
POSTGRES_DOCUMENTS = """
UPDATE articles_searchentry SET document =
    setweight(to_tsvector(cfg, headline), 'A')
    || setweight(to_tsvector(cfg, standfirst), 'B')
    || setweight(to_tsvector(cfg, body), 'C')
FROM (SELECT id AS entry_id, CASE edition WHEN 'en' THEN 'english'::regconfig
      WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END AS cfg
      FROM articles_searchentry) AS configs
WHERE id = configs.entry_id
"""


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def index_existing_articles(apps, schema_editor):
    # The entries of articles written before search existed, as services.index_articles
    # writes them (its plain-text rule and the editions written from another's script).
    from gazette.articles.search_text import entry_position, plain_text, without_markers
    from gazette.core import editions

    Article = apps.get_model("articles", "Article")
    SearchEntry = apps.get_model("articles", "SearchEntry")
    entries = []
    for article in Article.objects.iterator():
        texts = {
            "headline": without_markers(article.headline),
            "standfirst": without_markers(article.standfirst),
            "body": plain_text(article.body),
        }
        versions = {article.language: texts}
        for code in editions.codes():
            derivation = editions.derivation(code)
            if derivation is not None and derivation.source == article.language:
                versions[code] = {name: derivation.convert(text) for name, text in texts.items()}
        for code, version in versions.items():
            position = entry_position(article.published_at, article.pk, code)
            entries.append(
                SearchEntry(article_id=article.pk, edition=code, position=position, **version)
            )
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOCUMENTS)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_house_style_of_datelines_captions_credits'),
    ]

    operations = [
        migrations.AlterField(
            model_name='tag',
            name='name',
            field=models.CharField(help_text='The name in English.', max_length=60, verbose_name='name'),
        ),
        migrations.CreateModel(
            name='DailyReads',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('reads', models.PositiveIntegerField(default=0)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_reads', to='articles.article')),
            ],
            options={
                'indexes': [models.Index(fields=['day', 'article'], name='articles_da_day_20c153_idx')],
                'constraints': [models.UniqueConstraint(fields=('article', 'day'), name='one_read_count_per_day')],
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('edition', models.CharField(max_length=8)),
                ('position', models.BigIntegerField(unique=True)),
                ('headline', models.TextField()),
                ('standfirst', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('document', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to='articles.article')),
            ],
            options={
                'indexes': [models.Index(fields=['edition', 'article'], name='articles_se_edition_4f7d9d_idx')],
                'constraints': [models.UniqueConstraint(fields=('article', 'edition'), name='one_entry_per_edition')],
            },
        ),
        migrations.CreateModel(
            name='TagName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=gazette.core.editions.choices, default='en', max_length=8, verbose_name='language')),
                ('name', models.CharField(max_length=60, verbose_name='name')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='articles.tag')),
            ],
            options={
                'verbose_name': 'tag name',
                'verbose_name_plural': 'tag names',
                'constraints': [models.UniqueConstraint(fields=('tag', 'language'), name='one_tag_name_per_language')],
            },
        ),
        # Vendor-specific: FTS5 on SQLite, the GIN index on PostgreSQL; nothing elsewhere.
        migrations.RunPython(
            _run({"sqlite": _sqlite_statements(), "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
        migrations.RunPython(index_existing_articles, migrations.RunPython.noop),
    ]
