"""The search index folds diacritics: "cezmejno" finds "čezmejno", "dakovo" finds "Đakovo".

Wagtail's database backend keeps its index in wagtailsearch's tables; this
migration changes how the database reads their text (docs/search.md), and is a
no-op on other databases:

- SQLite: the FTS5 table is made again with the unicode61 tokenizer removing
  diacritics explicitly, and its triggers write đ as d (the tokenizer folds
  č, ć, š, ž, but Unicode gives đ no diacritic to remove). The table is filled
  again from the index entries, so nothing needs to be reindexed.
- PostgreSQL: the text-search configuration ``portal_search``, "simple" after
  ``unaccent``, and an index of title and body together. CREATE EXTENSION
  needs, once per database, a superuser or (since PostgreSQL 13, unaccent
  being a trusted extension) a role allowed to create in the database.
  Vectors already in the index were made with the old configuration: run
  ``manage.py update_index`` after this migration.
"""

from django.db import DatabaseError, migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
COLUMNS = ("title", "body", "autocomplete")
# PostgreSQL: the search matches an entry's title and body together (portal.search_backend),
# which Wagtail's indexes of each alone cannot answer; ANALYZE also gathers statistics on
# this expression, without which the planner expects a single match and joins badly.
TEXT_INDEX = "portal_search_title_body_gin"


def _folded(column):
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


def _fts_statements(*, tokenize, fold):
    """The FTS5 table and its writing triggers, as Wagtail makes them or folding đ."""

    def value(column):
        return _folded(column) if fold else column

    new_values = ", ".join(value(f"NEW.{column}") for column in COLUMNS)
    assignments = ", ".join(f"{column}={value(f'NEW.{column}')}" for column in COLUMNS)
    return [
        "DROP TRIGGER IF EXISTS insert_wagtailsearch_indexentry_fts",
        "DROP TRIGGER IF EXISTS update_wagtailsearch_indexentry_fts",
        f"DROP TABLE {FTS_TABLE}",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{tokenize})",
        f"CREATE TRIGGER insert_wagtailsearch_indexentry_fts AFTER INSERT ON {ENTRY_TABLE} "
        f"BEGIN INSERT INTO {FTS_TABLE}(title, body, autocomplete, rowid) "
        f"VALUES ({new_values}, NEW.id); END",
        f"CREATE TRIGGER update_wagtailsearch_indexentry_fts AFTER UPDATE ON {ENTRY_TABLE} "
        f"BEGIN UPDATE {FTS_TABLE} SET {assignments} WHERE rowid=NEW.id; END",
        f"INSERT INTO {FTS_TABLE}(rowid, title, body, autocomplete) "
        f"SELECT id, {', '.join(value(column) for column in COLUMNS)} FROM {ENTRY_TABLE}",
    ]


def _has_fts_table(cursor):
    # Without FTS5, Wagtail made no such table and searches without one.
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
    return cursor.fetchone() is not None


def _create_unaccent(schema_editor, cursor):
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
    if cursor.fetchone() is not None:
        return
    try:
        cursor.execute("CREATE EXTENSION unaccent")
    except DatabaseError as error:
        database = schema_editor.connection.settings_dict["NAME"]
        raise RuntimeError(
            f"PostgreSQL would not create the unaccent extension: {error}\n"
            "The portal's search needs it, once per database. Ask a superuser (or, on "
            "PostgreSQL 13 and later, a role allowed to create in the database) to run\n"
            f'    CREATE EXTENSION unaccent;\nin the database "{database}", then run '
            "manage.py migrate again (docs/search.md)."
        ) from error


def fold(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite" and _has_fts_table(cursor):
            tokenize = ", tokenize='unicode61 remove_diacritics 2'"
            for statement in _fts_statements(tokenize=tokenize, fold=True):
                cursor.execute(statement)
        elif vendor == "postgresql":
            _create_unaccent(schema_editor, cursor)
            cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_search")
            cursor.execute("CREATE TEXT SEARCH CONFIGURATION portal_search (COPY = simple)")
            cursor.execute(
                "ALTER TEXT SEARCH CONFIGURATION portal_search "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} "
                f"ON {ENTRY_TABLE} USING gin ((title || body))"
            )


def unfold(apps, schema_editor):
    """Back to Wagtail's own table; the unaccent extension stays, others may use it."""
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite" and _has_fts_table(cursor):
            for statement in _fts_statements(tokenize="", fold=False):
                cursor.execute(statement)
        elif vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {TEXT_INDEX}")
            cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_search")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(fold, unfold, elidable=False)]
