"""The demo partnership's institutions."""

import pytest

from partners.models import Institution
from tests.demo import load_demo

pytestmark = pytest.mark.django_db


def test_institutions_have_names_in_three_languages_and_invented_addresses():
    load_demo()

    zik = Institution.objects.get(short_name="ZIK Črnomelj")
    assert (zik.name_sl, zik.name_hr, zik.name_en) == (
        "Zavod za izobraževanje in kulturo Črnomelj",
        "Zavod za obrazovanje i kulturu Črnomelj",
        "Črnomelj Institute for Education and Culture",
    )
    assert Institution.objects.count() >= 15
    assert all(
        email.endswith(".example") for email in Institution.objects.values_list("email", flat=True)
    )
