"""What the portal's SQLite and PostgreSQL backends share: the query's terms and the ranking."""

from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.search.query import MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from portal.search_terms import MAX_QUERY_WORDS, query_words, word_matches

# A page of results is read by primary key; past this many, through the search itself,
# to stay far below the databases' limits on query parameters.
MAX_PKS_READ_BY_LIST = 500


def prepared(query):
    """``query`` with the words of each part folded, at most MAX_QUERY_WORDS words in all.

    Parts left without a word are dropped; a query of nothing but punctuation
    matches nothing.
    """
    # A one-item list: the words left to take, shared by every part of the query.
    found = _prepared(query, [MAX_QUERY_WORDS])
    return MATCH_NONE if found is None else found


def _prepared(query, budget):
    if isinstance(query, PlainText | Phrase):
        words = query_words(query.query_string)[: budget[0]]
        budget[0] -= len(words)
        if not words:
            return None
        if isinstance(query, Phrase):
            return Phrase(" ".join(words))
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        parts = [p for p in (_prepared(sub, budget) for sub in query.subqueries) if p is not None]
        if not parts:
            return None
        return type(query)(parts) if len(parts) > 1 else parts[0]
    if isinstance(query, Not | Boost):
        inner = _prepared(query.subquery, budget)
        if inner is None:
            return None
        return Not(inner) if isinstance(query, Not) else Boost(inner, query.boost)
    return query


def term_groups(query, *, last_is_prefix):
    """The prepared ``PlainText``'s words, each as its ``WordMatch``es, and whether any will do."""
    words = query.query_string.split()
    groups = [
        word_matches(word, prefix=last_is_prefix and number == len(words) - 1)
        for number, word in enumerate(words)
    ]
    return groups, query.operator.lower() == "or"


class OneMatchPassCompiler:
    """Prepares the query's terms, and ranks the matches from one scoring query.

    A database's compiler gives ``scored_entries(config)``: the index entries
    of the searched model that match the query, annotated with ``matched_id``
    (the object's primary key as text) and ``score`` (higher is better); or
    ``None`` for a query that Wagtail's own code runs (``MatchAll``, ``Not``,
    ``Fuzzy``, ``fields=``, or no ordering by relevance).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = prepared(self.query)
        self._rankings = {}

    def _matched_ids(self):
        """The searched queryset's primary keys as text, as the index entries name them."""
        return self.queryset.values(matched_id=Cast("pk", CharField(max_length=50)))

    def _visible(self, entries):
        """The entries of objects in the searched queryset.

        A queryset of every object of its model (the directory's services) needs no
        such filter; leaving it out also keeps SQLite from running the full-text match
        once for each object the filter lists (1.5 s for 800 services).
        """
        if not self.queryset.query.where:
            return entries
        return entries.filter(matched_id__in=self._matched_ids())

    def content_types(self):
        return get_descendants_content_types_pks(self.queryset.model)

    def ranking(self, config):
        """``(object ids best first, their scores)``, or ``None`` where Wagtail's code ranks.

        Computed once per search: the count and the page of results share it.
        """
        if config not in self._rankings:
            entries = self.scored_entries(config) if self.order_by_relevance else None
            if entries is None:
                self._rankings[config] = None
            else:
                scores = dict(self._visible(entries).values_list("matched_id", "score"))
                # Equal scores keep Wagtail's order, the newest object first.
                ranked = sorted(scores, key=self.queryset.model._meta.pk.to_python, reverse=True)
                ranked.sort(key=scores.__getitem__, reverse=True)
                self._rankings[config] = (ranked, scores)
        return self._rankings[config]

    def ranked_objects(self, config, start, stop, score_field=None):
        """The objects ranked ``start`` to ``stop``, each with its score as ``score_field``."""
        ranked, scores = self.ranking(config)
        chosen = ranked[start:stop]
        if len(chosen) <= MAX_PKS_READ_BY_LIST:
            to_python = self.queryset.model._meta.pk.to_python
            objects = self.queryset.filter(pk__in=[to_python(pk) for pk in chosen])
        else:
            objects = self.queryset.alias(matched_id=Cast("pk", CharField(max_length=50))).filter(
                matched_id__in=self.scored_entries(config).values("matched_id")
            )
        position = {pk: number for number, pk in enumerate(chosen)}
        found = [obj for obj in objects if str(obj.pk) in position]
        found.sort(key=lambda obj: position[str(obj.pk)])
        if score_field is not None:
            for obj in found:
                setattr(obj, score_field, scores[str(obj.pk)])
        return found


class RankedResults:
    """Search results counted and read from the compiler's ranking, where it has one."""

    def _ranking(self):
        return self.query_compiler.ranking(self.query_compiler.get_config(self.backend))

    def _do_search(self):
        if self._ranking() is None:
            return super()._do_search()
        return self.query_compiler.ranked_objects(
            self.query_compiler.get_config(self.backend),
            self.start,
            self.stop,
            score_field=self._score_field,
        )

    def _do_count(self):
        ranking = self._ranking()
        return super()._do_count() if ranking is None else len(ranking[0])
