"""Keeping personal data of participants out of free text.

Participants are vulnerable people whom the portal knows only by a
pseudonymous code, so text that staff type about them must not carry a
personal identification number (Slovenian EMŠO, Croatian OIB) or contact
data. The model fields at the end run the check in ``full_clean()``, so a
form, the Wagtail admin and every service refuse the same text, and the
message names the field it was found in.
"""

import re
import unicodedata
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# A run of digits, possibly written in groups ("010199 0500006"); the
# lookarounds keep a longer number from being read as a shorter one inside it.
_DIGIT_GROUPS = re.compile(r"(?<![\d])\d+(?:[ -]\d+)*(?![\d])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "+386 41 123 456", "00385 91 234 5678": an international prefix and 7 to 12 digits.
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d{3}(?:[ ./-]?\(?\d+\)?){2,5}")
# "041 123 456", "02 123 45 67", "041-123-456", "01/234 56 78", "041123456".
_NATIONAL_PHONE = re.compile(r"(?<![\w.])\(?0\d{1,2}\)?(?:[ /-]?\d{2,4}){2,4}(?![\w])")
# "01-02-2026", "1 2 2026": a date written with spaces or dashes is no phone number.
_DATE = re.compile(r"^\d{1,2}[ /-]\d{1,2}[ /-](?:19|20)\d{2}$")

EMSO_WEIGHTS = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Text pasted from office documents separates digit groups with non-breaking,
# narrow or thin spaces and en dashes, or with invisible characters: each is
# read as the plain space or hyphen it looks like, or as nothing.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_AS_SEEN = str.maketrans(
    {
        **{
            code: " "
            for code in range(0x10000)
            if unicodedata.category(chr(code)) == "Zs" or chr(code) == "\t"
        },
        **{code: "-" for code in range(0x10000) if unicodedata.category(chr(code)) == "Pd"},
        ord("\u2212"): "-",
        **dict.fromkeys(map(ord, _INVISIBLE)),
    }
)


class PersonalData(StrEnum):
    EMSO = "emso"
    OIB = "oib"
    EMAIL = "email"
    PHONE = "phone"


MESSAGES = {
    PersonalData.EMSO: _(
        "“%(field)s” contains an EMŠO, a Slovenian personal identification number. "
        "Remove it: participants are known here only by their code."
    ),
    PersonalData.OIB: _(
        "“%(field)s” contains an OIB, a Croatian personal identification number. "
        "Remove it: participants are known here only by their code."
    ),
    PersonalData.EMAIL: _(
        "“%(field)s” contains an e-mail address. Remove it: the portal keeps no contact data."
    ),
    PersonalData.PHONE: _(
        "“%(field)s” contains a phone number. Remove it: the portal keeps no contact data "
        "of participants."
    ),
}


def is_valid_emso(digits: str) -> bool:
    """Whether ``digits`` is 13 digits whose last one is the EMŠO check digit (modulo 11)."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    remainder = sum(int(d) * w for d, w in zip(digits, EMSO_WEIGHTS, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    # A remainder of 1 would need the check digit 10: no such EMŠO is ever issued.
    return check < 10 and check == int(digits[12])


def is_valid_oib(digits: str) -> bool:
    """Whether ``digits`` is 11 digits whose last one is the ISO 7064 MOD 11,10 check digit."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    product = 10
    for digit in digits[:10]:
        total = (int(digit) + product) % 10 or 10
        product = (total * 2) % 11
    check = (11 - product) % 10
    return check == int(digits[10])


def find_personal_data(text: str, *, phone_numbers: bool = False) -> list[PersonalData]:
    """The kinds of personal data found in ``text``, each once, in a fixed order.

    Phone numbers are looked for only where asked: a protocol may well give
    an institution's switchboard, a participant's entry may not.
    """
    if not text:
        return []
    text = text.translate(_AS_SEEN)
    found = set()
    for digits in _digit_sequences(text):
        if is_valid_emso(digits):
            found.add(PersonalData.EMSO)
        elif is_valid_oib(digits):
            found.add(PersonalData.OIB)
    if _EMAIL.search(text):
        found.add(PersonalData.EMAIL)
    if phone_numbers and _contains_phone_number(text):
        found.add(PersonalData.PHONE)
    return [kind for kind in PersonalData if kind in found]


def _digit_sequences(text: str):
    """Every number in ``text``, also those written in groups: each run of adjacent groups."""
    for match in _DIGIT_GROUPS.finditer(text):
        groups = re.split(r"[ -]", match.group())
        for start in range(len(groups)):
            for end in range(start + 1, len(groups) + 1):
                yield "".join(groups[start:end])


def _contains_phone_number(text: str) -> bool:
    if _INTERNATIONAL_PHONE.search(text):
        return True
    for match in _NATIONAL_PHONE.finditer(text):
        candidate = match.group()
        digits = re.sub(r"\D", "", candidate)
        if 8 <= len(digits) <= 10 and not _DATE.match(candidate):
            return True
    return False


def refuse_personal_data(text: str, *, field: str, phone_numbers: bool = False) -> None:
    """Raise a ValidationError naming ``field`` for each kind of personal data in ``text``."""
    found = find_personal_data(text, phone_numbers=phone_numbers)
    if found:
        raise ValidationError(
            [
                ValidationError(
                    MESSAGES[kind], code=f"personal_data_{kind}", params={"field": field}
                )
                for kind in found
            ]
        )


class _ScreenedField:
    """A text field whose value may carry no personal identification number or e-mail.

    ``refuse_phone_numbers`` adds phone numbers, for text about a participant.
    """

    def __init__(self, *args, refuse_phone_numbers=False, **kwargs):
        self.refuse_phone_numbers = refuse_phone_numbers
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.refuse_phone_numbers:
            kwargs["refuse_phone_numbers"] = True
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        refuse_personal_data(
            value,
            field=capfirst(self.verbose_name),
            phone_numbers=self.refuse_phone_numbers,
        )


class ScreenedTextField(_ScreenedField, models.TextField):
    """A ``TextField`` screened for personal data (see ``_ScreenedField``)."""


class ScreenedCharField(_ScreenedField, models.CharField):
    """A ``CharField`` screened for personal data (see ``_ScreenedField``)."""
