"""What the portal's search makes of the words people type, in Slovenian and Croatian.

People type without diacritics (``cezmejno`` for *čezmejno*, ``dakovo`` for
*Đakovo*) and in the nominative (``sastanak`` for a page that says
*sastanka*). The index keeps the text as written, folded by the database
(``portal/migrations/0004_search_folding.py``); a query's words are folded
here the same way and each becomes the few stems its inflected forms begin
with, matched as prefixes. The same terms go to SQLite and PostgreSQL, so both
find the same pages. docs/search.md explains the choices.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail.search.utils import parse_query_string

# A query longer than this is cut between words (and the page says so): every word
# becomes several prefix terms, and a person never needs more to find a page.
MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 12
# Shorter words are matched exactly and never stemmed: "akt" must not find "aktivacija".
MIN_STEM_LENGTH = 4

SHORTENED_QUERY_MESSAGE = _("Your search was too long, so only its beginning was searched.")

# Both databases split text into words at anything that is not a letter or a digit
# (FTS5's unicode61 tokenizer, PostgreSQL's parser); the query is split the same way.
_WORD = re.compile(r"[^\W_]+")
# Everything but letters, digits and the double quotes that mark a phrase.
_NOT_QUERY_TEXT = re.compile(r'[^\w"]|_')
# Letters that Unicode does not decompose into a base letter and a diacritic.
_UNDECOMPOSED_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})

# Case and number endings of Slovenian and Croatian nouns and adjectives, after folding,
# tried longest first. One is stripped from a query's word if a stem of at least
# MIN_STEM_LENGTH letters remains: the stem then finds every form that begins with it.
_ENDINGS = tuple(
    sorted(
        {
            # nouns: aktivacij-a/-e/-i/-o/-u/-om/-ama/-ami/-ah/-am, partner-ji/-jev/-ima/-ov
            *("a", "e", "i", "o", "u", "om", "em", "am", "ah", "ih", "im"),
            *("ama", "ami", "ima", "imi", "ov", "ev", "ovi", "evi", "ova", "eva", "ove"),
            *("ovima", "evima"),
            # adjectives: socialn-ega/-emu, socijaln-og/-oga/-omu/-ome
            *("ega", "emu", "og", "oga", "omu", "ome"),
        },
        key=len,
        reverse=True,
    )
)
_VOWELS = frozenset("aeiou")
# A fleeting a (hr) or e (sl) stands before one of these at the end of the nominative:
# sastanak/sastanka, sestanek/sestanka, delavec/delavca, center/centra, socialen/socialna.
_FLEETING_BEFORE = frozenset("kcvnlr")
# k, g and h soften before the i of the plural: sastanak/sastanci, otrok/otroci.
_SOFTENED = {"k": "c", "g": "z", "h": "s"}


@dataclass(frozen=True)
class CleanedQuery:
    """A search as the portal runs it: ``text`` to search for, ``shortened`` if it was cut.

    ``text`` is empty when nothing but punctuation was typed: search nothing then.
    """

    text: str
    shortened: bool

    @property
    def message(self):
        """What the results page tells the person, or ``None``."""
        return SHORTENED_QUERY_MESSAGE if self.shortened else None


def clean_search_query(typed: str) -> CleanedQuery:
    """``typed`` as a query: its words and phrases, at most the first 12 words and 200 characters.

    Punctuation becomes space (the index splits words there too); double quotes
    stay, to mark phrases. A long query is cut between words.
    """
    text = " ".join(_NOT_QUERY_TEXT.sub(" ", unicodedata.normalize("NFC", typed)).split())
    words = list(_WORD.finditer(text))
    if not words:
        return CleanedQuery(text="", shortened=False)
    kept = words[:MAX_QUERY_WORDS]
    while len(kept) > 1 and kept[-1].end() > MAX_QUERY_CHARACTERS:
        kept.pop()
    end = min(kept[-1].end(), MAX_QUERY_CHARACTERS)
    if text[end:].strip(' "'):
        return CleanedQuery(text=text[:end].strip(), shortened=True)
    return CleanedQuery(text=text, shortened=False)


def parse_search_query(text: str):
    """``text`` as Wagtail parses a query: phrases in double quotes, every other word required.

    The text of ``clean_search_query`` has no colons, which Wagtail would take for filters.
    """
    _filters, query = parse_query_string(text, operator="and")
    return query


def fold(text: str) -> str:
    """``text`` in lower case without diacritics, as both databases index it: čćšžđ become ccszd."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def query_words(text: str) -> list[str]:
    """The folded words of ``text``, the first MAX_QUERY_WORDS of them."""
    return _WORD.findall(fold(text))[:MAX_QUERY_WORDS]


@dataclass(frozen=True)
class WordMatch:
    """A form a query word matches: ``text`` exactly, or every word beginning with it."""

    text: str
    prefix: bool


def word_matches(word: str, *, prefix: bool = False) -> tuple[WordMatch, ...]:
    """The forms a folded query ``word`` finds.

    A word shorter than MIN_STEM_LENGTH is matched as it is (as a prefix too if
    ``prefix``, for the last word of an autocomplete). A longer one finds every
    word that begins with its stem, or with its stem with or without a fleeting
    vowel, with a softened last consonant, or with đ written as dj.
    """
    if len(word) < MIN_STEM_LENGTH:
        return (WordMatch(word, prefix=prefix),)
    stems = {_stem(word)}
    if word.endswith("ao"):
        # posao/posla, misao/misli: the l of the other forms turns into o in the nominative.
        stems.add(word[:-2] + "l")
    stems |= {variant for stem in stems for variant in _fleeting_vowel_variants(stem)}
    stems |= {stem[:-1] + _SOFTENED[stem[-1]] for stem in stems if stem[-1] in _SOFTENED}
    stems |= {stem.replace("dj", "d") for stem in stems}
    return tuple(
        WordMatch(stem, prefix=True) for stem in sorted(stems) if len(stem) >= MIN_STEM_LENGTH
    )


def _stem(word: str) -> str:
    if not word.isalpha():
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


def _fleeting_vowel_variants(stem: str) -> set[str]:
    """The stem without its fleeting vowel (sastanak → sastank), or with it (sastank → sastanak)."""
    last = stem[-1]
    if len(stem) < 3 or last not in _FLEETING_BEFORE:
        return set()
    if stem[-2] in "ae" and stem[-3] not in _VOWELS:
        return {stem[:-2] + last}
    if stem[-2] not in _VOWELS:
        return {stem[:-1] + "a" + last, stem[:-1] + "e" + last}
    return set()
