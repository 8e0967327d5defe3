import pytest

from django.utils import translation

from partners.factories import InstitutionFactory
from partners.models import InstitutionKind
from partners.selectors import institutions_grouped_by_country_and_kind

pytestmark = pytest.mark.django_db


def _names_of_the_only_group():
    [(_country, [(_kind, institutions)])] = institutions_grouped_by_country_and_kind()
    return [institution.name for institution in institutions]


def test_partners_of_a_kind_are_sorted_with_č_between_c_and_d():
    for name in ("Dom Danica", "Čebelica", "Center Celje"):
        InstitutionFactory(name_sl=name, kind=InstitutionKind.NGO)

    with translation.override("sl"):
        assert _names_of_the_only_group() == ["Center Celje", "Čebelica", "Dom Danica"]


def test_partners_are_sorted_by_their_name_in_the_active_language():
    InstitutionFactory(name_sl="A-slovensko", name_hr="B-hrvatski", name_en="")
    InstitutionFactory(name_sl="B-slovensko", name_hr="A-hrvatski", name_en="")

    with translation.override("hr"):
        assert _names_of_the_only_group() == ["A-hrvatski", "B-hrvatski"]


def test_groups_are_empty_without_partners():
    assert institutions_grouped_by_country_and_kind() == []
