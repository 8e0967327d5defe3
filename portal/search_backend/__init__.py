"""Wagtail's database search backend, finding Slovenian and Croatian as people type them.

``WAGTAILSEARCH_BACKENDS`` names this package; ``SearchBackend`` gives Wagtail's
own backend for the database in use (Wagtail makes the choice), in the
portal's version on SQLite with FTS5 and on PostgreSQL. Both change it in the
same two ways (docs/search.md):

- **The terms** (``ranking.prepared`` and each database's module): every word
  of a ``PlainText`` becomes a group of prefix terms, its stems with diacritics
  folded (``portal.search_terms``); a ``Phrase`` keeps its words, folded. The
  text in the index is folded by the database itself
  (``portal/migrations/0004_search_folding.py``).
- **The ranking** (``ranking.py``): Wagtail scores the matches in a subquery run
  once per candidate row, which on SQLite repeats the full-text search for
  each, and on PostgreSQL joins every page to every index entry. Here the
  matching index entries are scored in one query, among the objects of the
  searched queryset, and ranked in Python; only the page of results asked for
  is then read.
"""

from importlib import import_module

from wagtail.search.backends import database

# Wagtail's backend classes that the portal has a version of, by class name: the
# modules are imported only for their database (each needs its own index models).
_PORTAL_VERSIONS = {
    "SQLiteSearchBackend": "portal.search_backend.sqlite",
    "PostgresSearchBackend": "portal.search_backend.postgres",
}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """Wagtail's backend for the database in use, or the portal's version of it."""
    wagtails = database.SearchBackend(params)
    module = _PORTAL_VERSIONS.get(type(wagtails).__name__)
    if module is None:
        return wagtails
    return import_module(module).SearchBackend(params)
