"""Marking in a result's text the words the search matched, as the search matched them.

A word of the text is marked if a word of the query finds it: the same folding
and stems as the search itself (``search_terms.word_matches``), so ``cezmejno``
marks *čezmejno* and ``sastanak`` marks *sastanka*.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .search_terms import fold, query_words, word_matches

_WORD = re.compile(r"[^\W_]+")


def highlighted(text: str, query: str) -> SafeString:
    """``text`` escaped, with each word the ``query`` finds in ``<mark>``."""
    matches = [match for word in query_words(query) for match in word_matches(word)]
    if not text or not matches:
        return escape(text or "")

    def found(word: str) -> bool:
        folded = fold(word)
        return any(
            folded.startswith(match.text) if match.prefix else folded == match.text
            for match in matches
        )

    parts, last = [], 0
    for word in _WORD.finditer(text):
        if found(word.group()):
            parts += [escape(text[last : word.start()]), f"<mark>{escape(word.group())}</mark>"]
            last = word.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above
