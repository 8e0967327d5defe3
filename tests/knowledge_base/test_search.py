"""One search over pages, services, study visits' lessons and protocols, in the reader's language.

No result, snippet or count tells a reader what they may not see: the leak matrix is
reader × kind of content, each content carrying a word of its own.
"""

import re
from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.text import capfirst

from wagtail.models import Locale, PageViewRestriction

from accounts.factories import UserFactory
from knowledge_base.factories import (
    GuidePageFactory,
    LocalServiceFactory,
    StudyVisitPageFactory,
    TopicFactory,
)
from knowledge_base.models import StudyVisitInternalPart
from meetings.factories import MeetingProtocolFactory, ProgrammeCycleFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from partners.factories import InstitutionFactory, MembershipFactory

from .conftest import published, translated

pytestmark = pytest.mark.django_db

# One word for each kind of content, found nowhere else.
WORDS = {
    "public guide": "zlatorog",
    "draft guide": "kurent",
    "members' guide": "pehtranka",
    "editors' guide": "povodni",
    "visit's lesson": "kresnica",
    "protocol of the cycle": "lectovo",
    "service": "potica",
}
LESSON = "visit's lesson"
READERS = ["visitor", "signed in, no institution", "staff of the cycle", "staff elsewhere", "admin"]
# What each reader finds, by kind of content.
FINDS = {
    "visitor": {"public guide", "service"},
    "signed in, no institution": {"public guide", "members' guide", "service"},
    "staff of the cycle": {
        "public guide",
        "members' guide",
        "visit's lesson",
        "protocol of the cycle",
        "service",
    },
    "staff elsewhere": {"public guide", "members' guide", "visit's lesson", "service"},
    "admin": set(WORDS) - {"draft guide"},
}


@pytest.fixture
def world(guide_indexes, visit_indexes, directories):
    def guide(title, word, **fields):
        return GuidePageFactory(
            parent=guide_indexes["sl"],
            title=title,
            introduction=f"Vodnik o besedi {word}.",
            **fields,
        )

    published(guide("Javni vodnik", WORDS["public guide"]))
    # Written, never published: only its draft's revision has the word.
    guide("Osnutek vodnika", WORDS["draft guide"], live=False).save_revision()
    members = published(guide("Vodnik za člane", WORDS["members' guide"]))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    editors = published(guide("Vodnik za urednike", WORDS["editors' guide"]))
    restriction = PageViewRestriction.objects.create(
        page=editors, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])

    visit = StudyVisitPageFactory(parent=visit_indexes["sl"], title="Obisk v Ormožu")
    visit.internal_parts = [
        StudyVisitInternalPart(
            lessons_learned=f"Spoznali smo {WORDS[LESSON]}.",
            locale=Locale.get_default(),
        )
    ]
    published(visit)

    cycle_institution, elsewhere = InstitutionFactory(), InstitutionFactory()
    cycle = ProgrammeCycleFactory(provider=cycle_institution)
    MeetingProtocolFactory(cycle=cycle, decisions=f"Sklep o {WORDS['protocol of the cycle']}.")
    LocalServiceFactory(name="Društvo", description_sl=f"Delavnice {WORDS['service']}.")

    staff_of_cycle = UserFactory(totp=True)
    MembershipFactory(user=staff_of_cycle, institution=cycle_institution)
    staff_elsewhere = UserFactory(totp=True)
    MembershipFactory(user=staff_elsewhere, institution=elsewhere)
    return {
        "visitor": None,
        "signed in, no institution": UserFactory(totp=True),
        "staff of the cycle": staff_of_cycle,
        "staff elsewhere": staff_elsewhere,
        "admin": UserFactory(totp=True, is_superuser=True),
    }


def _search(client, user, **params):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get("/sl/search/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_finds_what_they_may_see_and_nothing_else(client, world, reader):
    for kind, word in WORDS.items():
        html = _search(client, world[reader], q=word)
        # Each word is in one record only: any result at all is that record.
        found = bool(re.search(r'id="[\w-]+-results-title"', html))

        assert found is (kind in FINDS[reader]), f"{reader} searching for the {kind}"
        if kind not in FINDS[reader]:
            # Not even a count gives it away.
            with translation.override("sl"):
                assert (
                    translation.gettext("Nothing was found for “%(query)s”.") % {"query": word}
                    in html
                )


def test_a_query_without_diacritics_finds_and_marks_the_word_with_them(client, guide_indexes):
    published(
        GuidePageFactory(
            parent=guide_indexes["sl"],
            title="Čezmejno sodelovanje",
            introduction="Kako poteka zaposlovanje na čezmejnem območju.",
        )
    )

    html = client.get("/sl/search/", {"q": "cezmejno"}).content.decode()

    assert "<mark>Čezmejno</mark> sodelovanje" in html
    assert "na <mark>čezmejnem</mark> območju" in html


def test_each_result_says_what_it_is(client, guide_indexes, visit_indexes, home_pages):
    published(GuidePageFactory(parent=guide_indexes["sl"], title="Vodnik o delavnici"))
    published(StudyVisitPageFactory(parent=visit_indexes["sl"], title="Obisk delavnice"))
    index = published(NewsIndexPageFactory(parent=home_pages["sl"]))
    published(NewsPageFactory(parent=index, title="Novica o delavnici"))

    html = client.get("/sl/search/", {"q": "delavnica"}).content.decode()

    kinds = re.findall(r'class="search-results__kind">([^<]+)<', html)
    with translation.override("sl"):
        expected = {
            capfirst(translation.gettext(k)) for k in ("practice guide", "study visit", "news item")
        }
    assert set(kinds) == expected


@pytest.mark.parametrize(
    ("kind", "titles"),
    [
        ("", {"Vodnik o delavnici", "Obisk delavnice", "Novica o delavnici"}),
        ("guides", {"Vodnik o delavnici"}),
        ("study-visits", {"Obisk delavnice"}),
        ("news", {"Novica o delavnici"}),
        ("pages", set()),
    ],
)
def test_the_search_narrows_to_one_kind_of_page(
    client, guide_indexes, visit_indexes, home_pages, kind, titles
):
    published(GuidePageFactory(parent=guide_indexes["sl"], title="Vodnik o delavnici"))
    published(StudyVisitPageFactory(parent=visit_indexes["sl"], title="Obisk delavnice"))
    index = published(NewsIndexPageFactory(parent=home_pages["sl"]))
    published(NewsPageFactory(parent=index, title="Novica o delavnici"))
    LocalServiceFactory(name="Delavnica Ptuj")

    html = client.get("/sl/search/", {"q": "delavnica", "type": kind}).content.decode()

    found = {re.sub(r"</?mark>", "", t) for t in re.findall(r"<h3><a [^>]+>(.+?)</a></h3>", html)}
    assert found == titles
    assert ("Delavnica Ptuj" in re.sub(r"</?mark>", "", html)) is (kind == "")


def test_the_search_narrows_to_one_area(client, directories, guide_indexes):
    LocalServiceFactory(name="Delavnica Ptuj")
    published(GuidePageFactory(parent=guide_indexes["sl"], title="Vodnik o delavnici"))

    html = client.get("/sl/search/", {"q": "delavnica", "type": "services"}).content.decode()

    assert "<mark>Delavnica</mark> Ptuj" in html and "Vodnik o" not in html


def test_a_topic_narrows_the_search_to_the_guides_about_it(client, guide_indexes):
    intake = TopicFactory(slug="intake-s")
    about = GuidePageFactory(parent=guide_indexes["sl"], title="Vključitev na delavnici")
    about.topics.set([intake])
    published(about)
    published(GuidePageFactory(parent=guide_indexes["sl"], title="Izhod z delavnice"))

    html = client.get("/sl/search/", {"q": "delavnica", "topic": "intake-s"}).content.decode()

    assert "Vključitev na" in html and "Izhod z" not in html


def test_an_unknown_kind_or_topic_is_a_message_and_the_words_are_searched(client, guide_indexes):
    published(GuidePageFactory(parent=guide_indexes["sl"], title="Vodnik o delavnici"))

    response = client.get("/sl/search/", {"q": "delavnica", "type": "tajno", "topic": "x"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vodnik o <mark>delavnici</mark>" in html
    with translation.override("sl"):
        assert (
            translation.gettext(
                "This address asks for a value the search does not know; choose again."
            )
            in html
        )


def test_the_search_finds_pages_of_the_readers_language(client, guide_indexes):
    guide = published(GuidePageFactory(parent=guide_indexes["sl"], title="Vodnik o sestanku"))
    translated(guide, "hr", title="Vodič o sastanku", introduction="Kako voditi sastanak.")

    croatian = client.get("/hr/search/", {"q": "sastanak"}).content.decode()
    slovenian = client.get("/sl/search/", {"q": "sestanek"}).content.decode()

    assert "Vodič o <mark>sastanku</mark>" in croatian and "Vodnik o" not in croatian
    assert "Vodnik o <mark>sestanku</mark>" in slovenian and "Vodič" not in slovenian


@pytest.mark.parametrize("typed", ["x" * 2000, "!!! ??? ,,, ---", "a " * 1000])
def test_long_or_punctuation_only_queries_are_answered(client, guide_indexes, typed):
    response = client.get("/sl/search/", {"q": typed})

    assert response.status_code == 200


def test_the_filters_are_kept_on_the_next_page_of_results(client, guide_indexes):
    for n in range(12):
        published(GuidePageFactory(parent=guide_indexes["sl"], title=f"Delavnica {n}"))

    html = client.get("/sl/search/", {"q": "delavnica", "type": "guides"}).content.decode()

    assert "?q=delavnica&amp;type=guides&amp;page=2" in html
    second = client.get("/sl/search/", {"q": "delavnica", "type": "guides", "page": 2})
    assert len(re.findall(r"<h3><a ", second.content.decode())) == 2


def test_the_search_costs_the_same_queries_however_many_pages_match(client, guide_indexes):
    from .conftest import queries_of

    for n in range(2):
        published(GuidePageFactory(parent=guide_indexes["sl"], title=f"Delavnica {n}"))
    few = queries_of(client, "/sl/search/", {"q": "delavnica"})
    for n in range(2, 9):
        published(GuidePageFactory(parent=guide_indexes["sl"], title=f"Delavnica {n}"))

    assert queries_of(client, "/sl/search/", {"q": "delavnica"}) == few


def test_a_visit_dated_in_the_past_is_found_by_its_public_summary(client, visit_indexes):
    published(
        StudyVisitPageFactory(
            parent=visit_indexes["sl"],
            title="Delegacija na Ptuju",
            starts_on=date(2019, 9, 11),
            introduction="Delegacija je spoznala socialno aktivacijo.",
        )
    )

    html = client.get("/sl/search/", {"q": "aktivacija"}).content.decode()

    assert "socialno <mark>aktivacijo</mark>" in html
