import pytest

from django.utils import translation

from partners.factories import InstitutionFactory
from partners.models import Country

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("sl", "Center za socialno skrb Osijek"),
        ("hr", "Centar za socijalnu skrb Osijek"),
        ("en", "Osijek Social Welfare Centre"),
    ],
)
def test_institution_is_named_in_the_active_language(language, name):
    institution = InstitutionFactory(
        name_sl="Center za socialno skrb Osijek",
        name_hr="Centar za socijalnu skrb Osijek",
        name_en="Osijek Social Welfare Centre",
        country=Country.CROATIA,
    )

    with translation.override(language):
        assert institution.name == name


def test_institution_without_an_english_name_is_named_in_its_own_language():
    institution = InstitutionFactory(
        name_hr="Centar za socijalnu skrb Osijek", name_en="", country=Country.CROATIA
    )

    with translation.override("en"):
        assert institution.name == "Centar za socijalnu skrb Osijek"
