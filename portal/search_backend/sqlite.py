"""The portal's version of Wagtail's SQLite (FTS5) search backend: see the package's docstring."""

from django.db.models import F, FloatField, Func, IntegerField, Value

from wagtail.search.backends.database.sqlite import sqlite
from wagtail.search.backends.database.sqlite.query import (
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from wagtail.search.models import SQLiteFTSIndexEntry
from wagtail.search.query import MatchAll, Not, Phrase, PlainText

from .ranking import OneMatchPassCompiler, RankedResults, term_groups

# A match in the title counts this many times one in the body. Wagtail's own SQLite score
# multiplies the whole bm25() by the title's shortness instead, which put pages with a
# title of one short word (the news index) above the pages about what was searched.
TITLE_WEIGHT = 5.0


class _WeightedBM25(Func):
    """FTS5's bm25() with the columns' weights, in the table's order: autocomplete, body, title."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 1.0, 1.0, {TITLE_WEIGHT})", []


class _NotByIndex(Func):
    """``+column``: SQLite then uses no index of the column for the condition on it.

    A condition on the entries' content type that an index could serve makes
    SQLite loop over the entries of that type and run the full-text match once
    for each (1.5 s for 800 local services); without it the match runs once
    and its rows are checked (16 ms).
    """

    template = "+%(expressions)s"
    output_field = IntegerField()


class _FTS5Terms:
    """A ``PlainText`` as FTS5 terms: ``("aktivacij"*) AND ("sastanak"* OR "sastank"* …)``.

    Each group is bracketed: FTS5's AND binds more tightly than its OR.
    """

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            groups, any_will_do = term_groups(query, last_is_prefix=self.LAST_TERM_IS_PREFIX)
            # The words are letters and digits only (portal.search_terms): quotes are enough.
            terms = (
                " OR ".join(f'"{m.text}"*' if m.prefix else f'"{m.text}"' for m in group)
                for group in groups
            )
            expression = (" OR " if any_will_do else " AND ").join(f"({t})" for t in terms)
            return SearchQueryExpression(Value(f"({expression})"))
        if isinstance(query, Phrase):
            return SearchQueryExpression(Value(f'"{query.query_string}"'))
        return super().build_search_query_content(query, config=config)

    def scored_entries(self, config):
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .alias(searched_type=_NotByIndex(F("index_entry__content_type_id")))
            .filter(searched_type__in=self.content_types())
            # bm25() is lower for a better match.
            .annotate(matched_id=F("index_entry__object_id"), score=_WeightedBM25() * -1)
        )


class SQLiteSearchQueryCompiler(_FTS5Terms, OneMatchPassCompiler, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(
    _FTS5Terms, OneMatchPassCompiler, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class SQLiteSearchResults(RankedResults, sqlite.SQLiteSearchResults):
    pass


class SearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults
