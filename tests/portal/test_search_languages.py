"""Search finds Slovenian and Croatian as people type them: without diacritics, inflected.

Runs on SQLite, and on PostgreSQL with ``DATABASE_URL=postgres://…``: both must
find the same pages (docs/search.md).
"""

from itertools import count

import pytest

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.search.backends import get_search_backend

from portal.factories import StandardPageFactory
from portal.models import StandardPage
from portal.search_backend import ranking
from portal.search_terms import (
    MAX_QUERY_CHARACTERS,
    MAX_QUERY_WORDS,
    clean_search_query,
)
from portal.selectors import search_pages

pytestmark = pytest.mark.django_db

# (what a person types, what the page says)
FOUND = [
    # no diacritics typed
    ("cezmejno", "Čezmejno partnerstvo"),
    ("zaposljavanje", "Poticanje zapošljavanja mladih"),
    ("socialno delo", "Center za socialno delo Kranj"),
    ("dakovo", "Radionica u Đakovu"),
    ("djakovo", "Radionica u Đakovu"),
    ("medzimurje", "Sastanak partnera iz Medžimurja"),
    ("medimurje", "Županija Međimurje"),
    # diacritics typed
    ("čezmejno", "Čezmejno partnerstvo"),
    ("Đakovo", "Radionica u Đakovu"),
    ("ŽUPANIJA", "Sjedište županije"),
    # inflected forms, Slovenian
    ("aktivacija", "Program za socialno aktivacijo"),
    ("aktivacija", "Načrt aktivacije udeležencev"),
    ("delavnica", "Vabljeni na delavnice"),
    ("delavnica", "Po delavnico v Maribor"),
    ("zaposlitev", "Pot do zaposlitve"),
    ("partnerstvo", "Sporazum partnerstva"),
    ("sestanek", "Zapisnik sestanka"),
    ("center", "Direktor centra"),
    ("udeleženec", "Seznam udeležencev"),
    ("socialen", "Socialna vključenost"),
    ("skrb", "Dolgotrajna oskrba in skrbi svojcev"),
    # inflected forms, Croatian
    ("sastanak", "Zapisnik sastanka"),
    ("sastanak", "Zaključci sastanaka i sastanci timova"),
    ("županija", "Sjedište županije"),
    ("posao", "Traženje posla"),
    ("socijalna skrb", "Zavod za socijalnu skrb"),
    ("radionica", "Prijave za radionice"),
    ("aktivacija", "Plan aktivacije sudionika"),
    # an inflected form typed, the page says the nominative
    ("sastanka", "Dnevni red: sastanak"),
    ("zaposlitve", "Zaposlitev za nedoločen čas"),
    ("delavnice", "Delavnica za mentorje"),
]

# (what a person types, what the page says, why it must not be found)
NOT_FOUND = [
    ("akt", "Socialna aktivacija", "a word of three letters is matched whole"),
    ("aktivacija", "Aktivnost meseca", "aktivacij- is not aktivn-"),
    ("partnerstvo", "Partner projekta", "partnerstv- does not begin partner"),
    ("zaposlitev", "Zaposleni v centru", "zaposlit- is not zaposl-en"),
    ("skrb", "Dolgotrajna oskrba", "only the beginning of a word is matched"),
    ("sastanak", "Stanovanje za mlade", "no stem in common"),
    ("socialno delo", "Socialno podjetje", "every word must be found"),
    ("dakovo", "Daruvar", "a different town"),
]


_SLUGS = count()


def _page(home_pages, text, title="Stran"):
    return StandardPageFactory(
        parent=home_pages["sl"], title=title, slug=f"stran-{next(_SLUGS)}", introduction=text
    )


def _found(query, *, user=None):
    cleaned = clean_search_query(query)
    with translation.override("sl"):
        return list(search_pages(user=user or AnonymousUser(), query=cleaned.text))


@pytest.mark.parametrize(("query", "text"), FOUND)
def test_a_word_typed_finds_the_page_that_says_it_otherwise(home_pages, query, text):
    page = _page(home_pages, text)
    _page(home_pages, "Letno poročilo o financah", title="Poročilo")

    assert [found.pk for found in _found(query)] == [page.pk]


@pytest.mark.parametrize(("query", "text", "why"), NOT_FOUND)
def test_a_near_miss_does_not_find_the_page(home_pages, query, text, why):
    _page(home_pages, text)

    assert _found(query) == [], why


def test_a_phrase_in_quotes_finds_its_words_in_that_order_only(home_pages):
    centre = _page(home_pages, "Center za socialno delo Kranj")
    _page(home_pages, "Delo v socialno ogroženih družinah")

    assert [page.pk for page in _found('"socialno delo"')] == [centre.pk]
    assert len(_found("socialno delo")) == 2


def test_a_phrase_typed_without_diacritics_finds_them(home_pages):
    page = _page(home_pages, "Čezmejno partnerstvo za socialno aktivacijo")

    assert [found.pk for found in _found('"cezmejno partnerstvo"')] == [page.pk]


def test_a_phrase_and_a_word_must_both_be_found(home_pages):
    both = _page(home_pages, "Center za socialno delo Kranj")
    _page(home_pages, "Center za socialno delo Ptuj")

    assert [page.pk for page in _found('"socialno delo" kranj')] == [both.pk]


def test_with_the_operator_or_any_word_will_do(home_pages):
    workshop = _page(home_pages, "Delavnice za mentorje")
    county = _page(home_pages, "Sjedište županije")
    pages = StandardPage.objects.live()

    with translation.override("sl"):
        found = get_search_backend().search("delavnica zupanija", pages, operator="or")
        everything = get_search_backend().search("delavnica zupanija", pages)

    assert {page.pk for page in found} == {workshop.pk, county.pk}
    assert list(everything) == []


def test_the_page_whose_title_matches_comes_first(home_pages):
    mentioned = _page(home_pages, "Letno poročilo omenja tudi delavnice.", title="Poročilo")
    about = _page(home_pages, "Program za mentorje.", title="Delavnice")

    assert [page.pk for page in _found("delavnica")] == [about.pk, mentioned.pk]


def test_a_republished_page_is_found_by_its_new_words(home_pages):
    page = _page(home_pages, "Zapisnik sestanka")
    page.introduction = "Radionica u Đakovu"
    page.save_revision().publish()

    assert [found.pk for found in _found("dakovo")] == [page.pk]
    assert _found("sestanek") == []


def test_update_index_rebuilds_what_search_finds(home_pages):
    page = _page(home_pages, "Radionica u Đakovu")

    call_command("update_index", verbosity=0)

    assert [found.pk for found in _found("dakovo")] == [page.pk]


def test_autocomplete_folds_diacritics_and_completes_the_last_word(home_pages):
    page = _page(home_pages, "Program", title="Radionica u Đakovu")

    with translation.override("sl"):
        found = get_search_backend().autocomplete("radionica da", StandardPage.objects.live())

    assert [found.pk for found in found] == [page.pk]


def test_search_results_count_and_pages_agree(home_pages):
    pages = [_page(home_pages, f"Delavnica številka {number}") for number in range(12)]

    with translation.override("sl"):
        results = search_pages(user=AnonymousUser(), query="delavnica")
        first, rest = list(results[:10]), list(results[10:])

    assert results.count() == 12
    assert {page.pk for page in first + rest} == {page.pk for page in pages}
    assert len(first) == 10


def test_many_results_are_read_through_the_search_in_the_same_order(home_pages, monkeypatch):
    for number in range(5):
        _page(home_pages, f"Delavnica številka {number}")

    with translation.override("sl"):
        by_keys = [page.pk for page in search_pages(user=AnonymousUser(), query="delavnica")]
        monkeypatch.setattr(ranking, "MAX_PKS_READ_BY_LIST", 2)
        by_search = [page.pk for page in search_pages(user=AnonymousUser(), query="delavnica")]

    assert len(by_keys) == 5
    assert by_search == by_keys


def test_the_score_of_each_result_is_given_best_first(home_pages):
    _page(home_pages, "Letno poročilo omenja tudi delavnice.", title="Poročilo")
    _page(home_pages, "Program za mentorje.", title="Delavnice")

    with translation.override("sl"):
        results = search_pages(user=AnonymousUser(), query="delavnica").annotate_score("score")
        scores = [page.score for page in results]

    assert scores == sorted(scores, reverse=True)
    assert len(scores) == 2


# --- What a person may type --------------------------------------------------------


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "?", '""', "-- // ... ***", "«»"])
def test_punctuation_alone_is_an_empty_query(typed):
    assert clean_search_query(typed).text == ""
    assert clean_search_query(typed).shortened is False


def test_punctuation_between_words_becomes_space():
    cleaned = clean_search_query("socialno-delo: ura 10:00, O'Brien!")

    assert cleaned.text == "socialno delo ura 10 00 O Brien"
    assert cleaned.shortened is False


def test_quotes_of_a_phrase_stay():
    assert clean_search_query('  "socialno   delo"  center ').text == '"socialno delo" center'


def test_a_long_query_keeps_its_first_words_and_says_so():
    cleaned = clean_search_query(" ".join(f"beseda{number}" for number in range(30)))

    assert cleaned.text.split() == [f"beseda{number}" for number in range(MAX_QUERY_WORDS)]
    assert cleaned.shortened is True


def test_a_2000_character_query_is_cut_between_words():
    typed = ("aktivacija " * 200)[:2000]

    cleaned = clean_search_query(typed)

    assert len(cleaned.text) <= MAX_QUERY_CHARACTERS
    assert set(cleaned.text.split()) == {"aktivacija"}
    assert cleaned.shortened is True


def test_a_single_2000_character_word_is_cut_too():
    cleaned = clean_search_query("a" * 2000)

    assert cleaned.text == "a" * MAX_QUERY_CHARACTERS
    assert cleaned.shortened is True


def test_the_message_of_a_shortened_query():
    with translation.override("en"):
        assert str(clean_search_query("a " * 40).message) == (
            "Your search was too long, so only its beginning was searched."
        )
    assert clean_search_query("aktivacija").message is None


@pytest.mark.parametrize(
    "typed", ["!!!", '"', '"""', "a" * 2000, ("čezmejno " * 250)[:2000], "-" * 2000, "AND OR NOT"]
)
def test_the_backend_searches_any_text_without_failing(home_pages, typed):
    _page(home_pages, "Čezmejno partnerstvo")
    pages = StandardPage.objects.live()

    with translation.override("sl"):
        found = get_search_backend().search(typed, pages)
        count, listed = found.count(), list(found[:10])

    assert count == len(listed)


@pytest.mark.parametrize(
    ("typed", "finds"),
    [("!!!", False), ("?!", False), ("cezmejno " * 250, True), ("x" * 2000, False)],
)
def test_the_search_page_answers_any_query(client, home_pages, typed, finds):
    page = _page(home_pages, "Čezmejno partnerstvo")

    with translation.override("sl"):
        response = client.get(reverse("search"), {"q": typed})

    assert response.status_code == 200
    found = [result.pk for result in response.context["search_results"]]
    assert found == ([page.pk] if finds else [])


def test_the_search_page_gives_the_message_of_a_long_query(client, home_pages):
    with translation.override("sl"):
        long = client.get(reverse("search"), {"q": "cezmejno " * 250})
        short = client.get(reverse("search"), {"q": "cezmejno"})

    with translation.override("en"):
        assert str(long.context["search_shortened_message"]).startswith("Your search was too long")
    assert short.context["search_shortened_message"] is None
