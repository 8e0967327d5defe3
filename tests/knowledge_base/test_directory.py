"""The directory of local services: everyone browses it, filters combine and live in the URL."""

import re

import pytest

from django.utils import translation

from knowledge_base.factories import LocalServiceFactory, SpokenLanguageFactory, TargetGroupFactory
from knowledge_base.models import ServiceKind
from knowledge_base.selectors import SERVICES_PER_PAGE

from .conftest import queries_of

pytestmark = pytest.mark.django_db


def _names(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def services(directories):
    roma = TargetGroupFactory(slug="roma-t", name_sl="Romi", name_hr="Romi")
    youth = TargetGroupFactory(slug="young-t", name_sl="Mladi", name_hr="Mladi")
    romani = SpokenLanguageFactory(slug="rom-t", name_sl="Romščina", name_hr="Romski")
    hungarian = SpokenLanguageFactory(slug="hu-t", name_sl="Madžarščina", name_hr="Mađarski")

    def service(name, municipality, region, kind, groups=(), languages=()):
        made = LocalServiceFactory(name=name, municipality=municipality, region=region, kind=kind)
        made.target_groups.set(groups)
        made.languages.set(languages)
        made.save()
        return made

    return {
        "library": service("Knjižnica Ptuj", "Ptuj", "podravska", ServiceKind.LIBRARY, [youth]),
        "health": service("Zdravstveni dom Ormož", "Ormož", "podravska", ServiceKind.HEALTH_CENTRE),
        "slap": service(
            "Udruga Slap", "Osijek", "osjecko-baranjska", ServiceKind.NGO, [roma, youth], [romani]
        ),
        "baranja": service(
            "Udruženje Baranja",
            "Beli Manastir",
            "osjecko-baranjska",
            ServiceKind.ASSOCIATION,
            [roma],
            [hungarian],
        ),
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Udruženje Baranja", "Zdravstveni dom Ormož", "Udruga Slap", "Knjižnica Ptuj"]),
        ({"region": "podravska"}, ["Zdravstveni dom Ormož", "Knjižnica Ptuj"]),
        ({"municipality": "Osijek"}, ["Udruga Slap"]),
        ({"kind": "library"}, ["Knjižnica Ptuj"]),
        ({"target_group": "roma-t"}, ["Udruženje Baranja", "Udruga Slap"]),
        ({"language": "hu-t"}, ["Udruženje Baranja"]),
        ({"region": "osjecko-baranjska", "target_group": "young-t"}, ["Udruga Slap"]),
        ({"region": "podravska", "target_group": "roma-t"}, []),
        ({"target_group": "young-t", "language": "rom-t", "kind": "ngo"}, ["Udruga Slap"]),
    ],
)
def test_the_filters_combine(client, directories, services, filters, expected):
    html = client.get(directories["sl"].url, filters).content.decode()

    assert _names(html) == expected


def test_the_form_shows_the_chosen_filters_and_works_without_script(client, directories, services):
    html = client.get(directories["sl"].url, {"region": "podravska", "kind": "library"}).content
    html = html.decode()

    form = re.search(r'<form method="get".*?</form>', html, re.S).group()
    assert '<option value="podravska" selected>' in form
    assert '<option value="library" selected>' in form
    assert 'type="submit"' in form and "<script" not in form
    # The regions are grouped by country, in the reader's language.
    with translation.override("sl"):
        assert f'<optgroup label="{translation.gettext("Croatia")}">' in form


def test_the_croatian_directory_names_kinds_and_terms_in_croatian(client, directories, services):
    html = client.get(directories["hr"].url, {"municipality": "Osijek"}).content.decode()

    assert _names(html) == ["Udruga Slap"]
    with translation.override("hr"):
        assert translation.gettext("Non-governmental organisation") in html
        assert translation.gettext("Osijek-Baranja County") in html
    assert "Romski" in html


def test_every_page_of_the_list_keeps_the_filters(client, directories):
    for n in range(SERVICES_PER_PAGE + 2):
        LocalServiceFactory(name=f"Društvo {n:02d}", region="podravska")

    first = client.get(directories["sl"].url, {"region": "podravska"}).content.decode()
    second = client.get(directories["sl"].url, {"region": "podravska", "page": 2}).content.decode()

    assert "?region=podravska&amp;page=2" in first
    assert len(_names(second)) == 2


@pytest.mark.parametrize(
    "filters", [{"region": "atlantida"}, {"target_group": "x' OR 1=1"}, {"page": "zadnja"}]
)
def test_a_value_no_form_offers_is_a_message_not_an_error(client, directories, services, filters):
    response = client.get(directories["sl"].url, filters)

    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in filters:
        assert _names(html) == []
        with translation.override("sl"):
            assert (
                translation.gettext(
                    "This address asks for a value the list does not know; choose again from the "
                    "filters."
                )
                in html
            )


def test_a_service_has_a_page_and_an_unknown_one_is_not_found(client, directories, services):
    slap = services["slap"]

    html = client.get(f"{directories['hr'].url}{slap.pk}/").content.decode()

    assert "<h1>Udruga Slap</h1>" in html
    assert slap.description_hr in html and slap.email in html
    assert client.get(f"{directories['sl'].url}999999/").status_code == 404


def test_the_directory_costs_the_same_queries_however_many_services(client, directories, services):
    few = queries_of(client, directories["sl"].url, {"region": "osjecko-baranjska"})
    for n in range(6):
        made = LocalServiceFactory(name=f"Udruga {n}", region="osjecko-baranjska")
        made.target_groups.set([services["slap"].target_groups.first()])

    assert queries_of(client, directories["sl"].url, {"region": "osjecko-baranjska"}) == few
