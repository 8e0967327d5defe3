"""Personal identification numbers and contact data are found however they are written.

Text pasted from office documents separates digit groups with non-breaking,
narrow or thin spaces and en dashes; the check reads them as the spaces and
hyphens they look like.
"""

import pytest

from django.core.exceptions import ValidationError

from portal.personal_data import (
    PersonalData,
    find_personal_data,
    is_valid_emso,
    is_valid_oib,
    refuse_personal_data,
)

EMSO = "0101990500003"
OIB = "69021765253"

SEPARATORS = {
    "plain space": " ",
    "hyphen": "-",
    "no-break space": "\u00a0",
    "narrow no-break space": "\u202f",
    "thin space": "\u2009",
    "figure space": "\u2007",
    "en dash": "\u2013",
    "minus sign": "\u2212",
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
}


def test_the_check_digits_tell_a_real_number_from_a_near_miss():
    assert is_valid_emso(EMSO)
    assert not is_valid_emso(EMSO[:-1] + "4")
    assert is_valid_oib(OIB)
    assert not is_valid_oib(OIB[:-1] + "4")


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_an_emso_in_groups_is_found_whatever_separates_them(separator):
    text = f"EMŠO {EMSO[:6]}{separator}{EMSO[6:]}"

    assert find_personal_data(text) == [PersonalData.EMSO]


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_an_oib_in_groups_is_found_whatever_separates_them(separator):
    text = f"OIB: {OIB[:3]}{separator}{OIB[3:7]}{separator}{OIB[7:]}"

    assert find_personal_data(text) == [PersonalData.OIB]


@pytest.mark.parametrize("separator", ["\u00a0", "\u2013"], ids=["no-break space", "en dash"])
def test_a_phone_number_with_pasted_separators_is_found(separator):
    text = f"Pokliče jo na 041{separator}123{separator}456."

    assert find_personal_data(text, phone_numbers=True) == [PersonalData.PHONE]


def test_a_date_written_with_an_en_dash_is_no_phone_number():
    assert find_personal_data("Rok: 1\u20132\u20132026", phone_numbers=True) == []


def test_numbers_that_are_no_identification_numbers_are_accepted():
    assert find_personal_data(f"Skupina {EMSO[:-1]}4, sejna soba 12, 15. 3. 2026") == []


def test_an_email_address_is_found():
    assert find_personal_data("Piše na ana.novak@example.org") == [PersonalData.EMAIL]


def test_the_refusal_names_the_field_in_the_readers_language():
    with pytest.raises(ValidationError) as refused:
        refuse_personal_data(f"{EMSO[:6]}\u00a0{EMSO[6:]}", field="Opomba")

    assert refused.value.messages == [
        "Polje »Opomba« vsebuje EMŠO, slovensko enotno matično številko občana. "
        "Odstranite jo: udeleženci so tukaj znani samo po svoji šifri."
    ]
