"""The portal's version of Wagtail's PostgreSQL search backend: see the package's docstring."""

from django.contrib.postgres.search import SearchQuery
from django.db.models import F

from wagtail.search.backends.database.postgres import postgres
from wagtail.search.models import IndexEntry
from wagtail.search.query import Fuzzy, MatchAll, Not, Phrase, PlainText

from .ranking import OneMatchPassCompiler, RankedResults, term_groups

# The text-search configuration of the index and of the queries: "simple" (no stemming,
# no stop words) after unaccent. Created by portal's migration 0004_search_folding.
TEXT_SEARCH_CONFIG = "portal_search"


class _TsqueryTerms:
    """A ``PlainText`` as a tsquery: ``('aktivacij':*) & ('sastanak':* | 'sastank':* …)``."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            groups, any_will_do = term_groups(query, last_is_prefix=self.LAST_TERM_IS_PREFIX)
            # The words are letters and digits only (portal.search_terms): quotes are enough.
            terms = (
                " | ".join(f"'{m.text}':*" if m.prefix else f"'{m.text}'" for m in group)
                for group in groups
            )
            raw = "({})".format((" | " if any_will_do else " & ").join(f"({t})" for t in terms))
            return SearchQuery(f"!{raw}" if invert else raw, search_type="raw", config=config)
        if isinstance(query, Phrase):
            # Wagtail's own Phrase here forgets ``invert``.
            return SearchQuery(
                query.query_string, search_type="phrase", config=config, invert=invert
            )
        return super().build_tsquery_content(query, config=config, invert=invert)

    def entry_vectors(self):
        """The index entry's vectors searched, with their weights, as Wagtail ranks them."""
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def scored_entries(self, config):
        if isinstance(self.query, MatchAll | Not | Fuzzy) or self.fields is not None:
            return None
        vectors = self.entry_vectors()
        searched = vectors[0][0]
        for vector, _weight in vectors[1:]:
            searched = searched._combine(vector, "||", False)
        return (
            IndexEntry.objects.filter(content_type_id__in=self.content_types())
            .annotate(_vector_=searched)
            .filter(_vector_=self.build_tsquery(self.query, config=config))
            .annotate(matched_id=F("object_id"), score=self._build_rank_expression(vectors, config))
        )


class PostgresSearchQueryCompiler(
    _TsqueryTerms, OneMatchPassCompiler, postgres.PostgresSearchQueryCompiler
):
    pass


class PostgresAutocompleteQueryCompiler(
    _TsqueryTerms, OneMatchPassCompiler, postgres.PostgresAutocompleteQueryCompiler
):
    def entry_vectors(self):
        return [(F("autocomplete"), 1.0)]


class PostgresSearchResults(RankedResults, postgres.PostgresSearchResults):
    pass


class SearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    results_class = PostgresSearchResults

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": TEXT_SEARCH_CONFIG, **params})
        # Wagtail indexes and queries autocomplete with "simple": folded like the rest here.
        self.autocomplete_config = self.config
