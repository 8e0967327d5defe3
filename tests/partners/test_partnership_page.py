import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from partners.factories import InstitutionFactory, PartnershipPageFactory
from partners.models import Country, InstitutionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership_pages(home_pages):
    """The partners page in Slovenian and its Croatian translation, by language code."""
    slovenian = PartnershipPageFactory(parent=home_pages["sl"])
    croatian = slovenian.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.save_revision().publish()
    return {"sl": slovenian, "hr": croatian}


@pytest.fixture
def hzz_osijek():
    return InstitutionFactory(
        short_name="HZZ Osijek",
        name_sl="Hrvaški zavod za zaposlovanje, regionalni urad Osijek",
        name_hr="Hrvatski zavod za zapošljavanje, Regionalni ured Osijek",
        country=Country.CROATIA,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
        region="Osječko-baranjska županija",
    )


def _render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _label(choice, language):
    with translation.override(language):
        return str(choice.label)


def test_slovenian_page_names_partners_in_slovenian(client, partnership_pages, hzz_osijek):
    content = _render(client, partnership_pages["sl"])

    assert "Hrvaški zavod za zaposlovanje, regionalni urad Osijek" in content
    assert "Hrvatski zavod za zapošljavanje" not in content


def test_croatian_page_names_partners_in_croatian(client, partnership_pages, hzz_osijek):
    content = _render(client, partnership_pages["hr"])

    assert "Hrvatski zavod za zapošljavanje, Regionalni ured Osijek" in content
    assert "Hrvaški zavod za zaposlovanje" not in content


@pytest.mark.parametrize("language", ["sl", "hr"])
def test_headings_are_in_the_language_of_the_page(client, partnership_pages, hzz_osijek, language):
    content = _render(client, partnership_pages[language])

    assert f"<h2>{_label(Country.CROATIA, language)}</h2>" in content
    assert f"<h3>{_label(InstitutionKind.EMPLOYMENT_OFFICE, language)}</h3>" in content


def test_region_and_kind_are_shown_with_each_partner(client, partnership_pages, hzz_osijek):
    content = _render(client, partnership_pages["sl"])

    kind = _label(InstitutionKind.EMPLOYMENT_OFFICE, "sl")
    assert f"{kind} · Osječko-baranjska županija" in content


def test_slovenian_partners_come_before_croatian_ones(client, partnership_pages, hzz_osijek):
    InstitutionFactory(short_name="CSD Gorenjska", name_sl="Center za socialno delo Gorenjska")

    content = _render(client, partnership_pages["sl"])

    assert content.index("Center za socialno delo Gorenjska") < content.index(
        "Hrvaški zavod za zaposlovanje"
    )


def test_kinds_follow_the_order_of_their_choices(client, partnership_pages):
    InstitutionFactory(name_sl="Ljudska univerza Kranj", kind=InstitutionKind.PROGRAMME_PROVIDER)
    InstitutionFactory(name_sl="Urad za delo Kranj", kind=InstitutionKind.EMPLOYMENT_OFFICE)
    InstitutionFactory(name_sl="CSD Gorenjska", kind=InstitutionKind.SOCIAL_WORK_CENTRE)

    content = _render(client, partnership_pages["sl"])

    positions = [
        content.index(f"<h3>{_label(kind, 'sl')}</h3>")
        for kind in (
            InstitutionKind.SOCIAL_WORK_CENTRE,
            InstitutionKind.EMPLOYMENT_OFFICE,
            InstitutionKind.PROGRAMME_PROVIDER,
        )
    ]
    assert positions == sorted(positions)


def test_logo_is_shown_as_a_resized_image(client, partnership_pages):
    institution = InstitutionFactory(with_logo=True)

    content = _render(client, partnership_pages["sl"])

    rendition = institution.logo.get_rendition("max-160x80")
    assert f'src="{rendition.url}"' in content
    assert 'class="partner__logo"' in content


def test_partner_without_logo_is_listed_without_an_image(client, partnership_pages):
    InstitutionFactory(name_sl="Ljudska univerza Jesenice")

    content = _render(client, partnership_pages["sl"])

    assert "Ljudska univerza Jesenice" in content
    assert "partner__logo" not in content


def _queries_to_render(client, page):
    """Queries of a page view once the logos' renditions exist but are not in the cache."""
    _render(client, page)
    # Renditions are cached after the first view; without this a per-logo query would hide.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        _render(client, page)
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_partners(
    client, partnership_pages, django_assert_num_queries
):
    InstitutionFactory.create_batch(3, with_logo=True)
    queries_for_three = _queries_to_render(client, partnership_pages["sl"])
    InstitutionFactory.create_batch(27, with_logo=True)
    _render(client, partnership_pages["sl"])
    cache.clear()

    with django_assert_num_queries(queries_for_three):
        content = _render(client, partnership_pages["sl"])

    assert content.count('class="partner"') == 30
