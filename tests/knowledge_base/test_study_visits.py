"""Study visits: a public summary for everyone; what was learned and agreed, for partners only.

The internal part is absent, not hidden, for everyone else: from the page, the search and the
sitemap; the follow-ups are on the responsible institution's *My work*.
"""

import re
from datetime import date

import pytest

from django.utils import translation

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.factories import UserFactory
from knowledge_base.factories import StudyVisitPageFactory
from knowledge_base.models import StudyVisitFollowUp, StudyVisitInternalPart, StudyVisitPage
from partners.factories import InstitutionFactory, MembershipFactory

from .conftest import add_page_form, page_tests, published, translated

pytestmark = pytest.mark.django_db

LESSON = "Skupni sestanek za izbiro kandidatov bi preizkusili v Osijeku."
FOLLOW_UP = "Delegaciji poslati opis skupnega sestanka."


@pytest.fixture
def hosts():
    return {
        "ptuj": InstitutionFactory(short_name="Urad za delo Ptuj"),
        "osijek": InstitutionFactory(short_name="HZZ Osijek", country="HR"),
    }


@pytest.fixture
def visit(visit_indexes, hosts):
    page = StudyVisitPageFactory(
        parent=visit_indexes["sl"],
        title="Delegacija na Ptuju",
        starts_on=date(2019, 9, 11),
        purpose="Izmenjava izkušenj o trgu dela.",
    )
    page.hosts.set([hosts["ptuj"]])
    page.internal_parts = [
        StudyVisitInternalPart(lessons_learned=LESSON, locale=Locale.get_default())
    ]
    page.follow_ups = [
        StudyVisitFollowUp(
            description=FOLLOW_UP, institution=hosts["ptuj"], due_on=date(2019, 10, 15)
        )
    ]
    return published(page)


def _staff_of(institution):
    user = UserFactory(totp=True)
    MembershipFactory(user=user, institution=institution)
    return user


@pytest.mark.parametrize("reader", ["visitor", "signed in without an institution"])
def test_the_internal_part_is_absent_for_everyone_but_partner_staff(client, visit, reader):
    if reader != "visitor":
        client.force_login(UserFactory(totp=True))

    html = client.get(visit.url).content.decode()

    assert "Delegacija na Ptuju" in html and "Izmenjava izkušenj o trgu dela." in html
    assert LESSON not in html and FOLLOW_UP not in html
    with translation.override("sl"):
        assert translation.gettext("For partner staff") not in html


def test_partner_staff_read_what_was_learned_and_agreed(client, visit, hosts):
    client.force_login(_staff_of(hosts["osijek"]))

    html = client.get(visit.url).content.decode()

    assert LESSON in html and FOLLOW_UP in html
    assert "Urad za delo Ptuj" in html


@pytest.mark.parametrize(
    ("reader", "finds_it"),
    [("visitor", False), ("no institution", False), ("partner staff", True)],
)
def test_the_search_finds_a_visit_by_its_internal_part_only_for_partner_staff(
    client, visit, hosts, reader, finds_it
):
    if reader == "no institution":
        client.force_login(UserFactory(totp=True))
    elif reader == "partner staff":
        client.force_login(_staff_of(hosts["osijek"]))

    html = client.get("/sl/search/", {"q": "Osijeku"}).content.decode()

    assert ("Delegacija na Ptuju" in html) is finds_it
    assert LESSON not in html


def test_the_sitemap_lists_the_visit_and_nothing_of_its_internal_part(client, visit):
    xml = client.get("/sitemap.xml").content.decode()

    assert visit.full_url in xml and "Osijek" not in xml


def test_the_follow_ups_are_on_my_work_of_the_responsible_institution_once(client, visit, hosts):
    translated(visit, "hr", title="Delegacija u Ptuju")
    ptuj_staff, osijek_staff = _staff_of(hosts["ptuj"]), _staff_of(hosts["osijek"])

    client.force_login(ptuj_staff)
    mine = client.get("/sl/meetings/").content.decode()
    client.force_login(osijek_staff)
    theirs = client.get("/sl/meetings/").content.decode()

    assert mine.count(FOLLOW_UP) == 1
    assert FOLLOW_UP not in theirs


def test_a_done_follow_up_leaves_my_work(client, visit, hosts):
    follow_up = StudyVisitFollowUp.objects.get(page=visit)
    follow_up.done_on = date(2019, 10, 10)
    follow_up.save()
    client.force_login(_staff_of(hosts["ptuj"]))

    assert FOLLOW_UP not in client.get("/sl/meetings/").content.decode()


def _titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_visits_are_listed_newest_first_by_year_and_by_country(client, visit_indexes):
    for title, day, country in [
        ("Ptuj 2019", date(2019, 9, 11), "SI"),
        ("Osijek 2020", date(2020, 5, 4), "HR"),
        ("Ormož 2020", date(2020, 1, 31), "SI"),
    ]:
        published(
            StudyVisitPageFactory(
                parent=visit_indexes["sl"], title=title, starts_on=day, country=country
            )
        )
    url = visit_indexes["sl"].url

    assert _titles(client.get(url).content.decode()) == ["Osijek 2020", "Ormož 2020", "Ptuj 2019"]
    assert _titles(client.get(url, {"year": 2020}).content.decode()) == [
        "Osijek 2020",
        "Ormož 2020",
    ]
    assert _titles(client.get(url, {"year": 2020, "country": "SI"}).content.decode()) == [
        "Ormož 2020"
    ]
    assert _titles(client.get(url, {"year": 1066}).content.decode()) == []


def test_an_editor_records_a_visit_with_its_internal_part_in_the_admin(
    client, editor, visit_indexes, hosts
):
    form = add_page_form(
        client,
        visit_indexes["sl"],
        StudyVisitPage,
        title="Intervjuji na Ptuju",
        slug="intervjuji",
        introduction="Fakulteta je opravila intervjuje.",
        starts_on="2020-01-31",
        ends_on="2020-01-31",
        hosts=hosts["ptuj"].pk,
        places_visited="Urad za delo Ptuj\nCPU, Ormož",
    )
    form.update(
        nested_form_data(
            {
                "programme": streamfield(
                    [
                        (
                            "item",
                            {
                                "day": "2020-01-31",
                                "time": "9.30",
                                "place": "Ptuj",
                                "activity": "Pogovor",
                            },
                        )
                    ]
                ),
                "body": streamfield([]),
                "photos": streamfield([]),
                "internal_parts": inline_formset([{"lessons_learned": LESSON, "notes": ""}]),
                "follow_ups": inline_formset(
                    [
                        {
                            "description": FOLLOW_UP,
                            "institution": hosts["ptuj"].pk,
                            "due_on": "2020-03-01",
                            "done_on": "",
                        }
                    ]
                ),
            }
        )
    )
    page_tests(client).assertCanCreate(visit_indexes["sl"], StudyVisitPage, form)

    visit = StudyVisitPage.objects.get(slug="intervjuji")
    assert visit.places_visited_list == ["Urad za delo Ptuj", "CPU, Ormož"]
    assert [part.lessons_learned for part in visit.internal_parts.all()] == [LESSON]
    assert [f.description for f in visit.follow_ups.all()] == [FOLLOW_UP]


def test_a_visit_that_ends_before_it_starts_is_refused_and_the_form_keeps_what_was_typed(
    client, editor, visit_indexes
):
    form = add_page_form(
        client,
        visit_indexes["sl"],
        StudyVisitPage,
        title="Obisk v Osijeku",
        slug="osijek",
        starts_on="2020-05-04",
        ends_on="2020-05-03",
        purpose="Spoznati romske mediatorje.",
    )
    form.update(
        nested_form_data(
            {
                "programme": streamfield([]),
                "body": streamfield([]),
                "photos": streamfield([]),
                "internal_parts": inline_formset([]),
                "follow_ups": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
    )
    response = client.post(
        f"/admin/pages/add/knowledge_base/studyvisitpage/{visit_indexes['sl'].pk}/", form
    )

    html = response.content.decode()
    with translation.override("en"):
        assert "The visit cannot end before it starts." in html
    assert "Spoznati romske mediatorje." in html
    assert not StudyVisitPage.objects.filter(slug="osijek").exists()


def test_a_follow_up_due_before_the_visit_is_refused_in_the_admin(
    client, editor, visit_indexes, hosts
):
    form = add_page_form(
        client,
        visit_indexes["sl"],
        StudyVisitPage,
        title="Obisk v Ormožu",
        slug="ormoz",
        starts_on="2020-01-31",
        ends_on="2020-01-31",
    )
    form.update(
        nested_form_data(
            {
                "programme": streamfield([]),
                "body": streamfield([]),
                "photos": streamfield([]),
                "internal_parts": inline_formset([]),
                "follow_ups": inline_formset(
                    [
                        {
                            "description": FOLLOW_UP,
                            "institution": hosts["ptuj"].pk,
                            "due_on": "2019-12-31",
                            "done_on": "",
                        }
                    ]
                ),
                "action-publish": "action-publish",
            }
        )
    )
    response = client.post(
        f"/admin/pages/add/knowledge_base/studyvisitpage/{visit_indexes['sl'].pk}/", form
    )

    with translation.override("en"):
        assert "A follow-up cannot be due before the visit." in response.content.decode()
    assert not StudyVisitPage.objects.filter(slug="ormoz").exists()


def test_the_visits_index_costs_the_same_queries_however_many_visits(client, visit_indexes):
    from .conftest import queries_of

    published(StudyVisitPageFactory(parent=visit_indexes["sl"], starts_on=date(2019, 9, 11)))
    few = queries_of(client, visit_indexes["sl"].url, {"year": 2019})
    for day in range(1, 8):
        published(
            StudyVisitPageFactory(
                parent=visit_indexes["sl"], starts_on=date(2019 + day % 2, 3, day)
            )
        )

    assert queries_of(client, visit_indexes["sl"].url, {"year": 2019}) == few
