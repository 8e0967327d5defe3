"""The knowledge base's rules: when a guide is due for review, what a service's contact
may be, when a study visit's dates make sense.

Pure functions: the models' ``clean()``, the import of services and the
services all ask them, so every door refuses the same input in the same words.
"""

import calendar
import re
from datetime import date

from django.utils.translation import gettext_lazy as _

Errors = dict[str, list[str]]

# A guide is reviewed at least every five years; a year unless the editor says otherwise.
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
MAX_REVIEW_INTERVAL_MONTHS = 60
# How far ahead *My work* and the admin's report warn of a review.
REVIEW_NOTICE_DAYS = 30


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day where it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review_on(last_reviewed_on: date | None, interval_months: int | None) -> date | None:
    if last_reviewed_on is None or not interval_months or interval_months < 1:
        return None
    return add_months(last_reviewed_on, interval_months)


def guide_errors(guide, *, today: date) -> Errors:
    """Why the guide cannot be saved as it is, by field."""
    errors: Errors = {}
    interval = guide.review_interval_months
    if interval is not None and not 1 <= interval <= MAX_REVIEW_INTERVAL_MONTHS:
        errors["review_interval_months"] = [
            _("A guide is reviewed every 1 to %(most)d months; give a number in that range.")
            % {"most": MAX_REVIEW_INTERVAL_MONTHS}
        ]
    if guide.last_reviewed_on is not None and guide.last_reviewed_on > today:
        errors["last_reviewed_on"] = [_("The last review cannot be in the future.")]
    return errors


# --- Services of the directory ------------------------------------------------

# The local part of an organisation's address names a role or the organisation
# ("info", "tajnistvo", "csd.ptuj"); a person's is their name ("ana.novak",
# "a.novak", "novak_ana"). Parts that name a role or an office are never a person.
_NAME_LIKE_LOCAL_PART = re.compile(r"^[^\W\d_]+(?:[._-][^\W\d_]+)+$")
_ROLE_WORDS = frozenset(
    [
        "info",
        "informacije",
        "kontakt",
        "contact",
        "office",
        "ured",
        "urad",
        "pisarna",
        "tajnistvo",
        "tajnik",
        "tajnica",
        "glavna",
        "centrala",
        "recepcija",
        "reception",
        "prijave",
        "podpora",
        "pomoc",
        "help",
        "svetovanje",
        "savjetovanje",
        "uprava",
        "sekretarijat",
        "referat",
        "sluzba",
        "csd",
        "czss",
        "czsr",
        "hzz",
        "ess",
        "uz",
        "zd",
        "dz",
        "knjiznica",
        "dom",
        "klub",
        "drustvo",
        "udruga",
        "zavod",
        "center",
        "centar",
        "mail",
        "email",
        "admin",
        "press",
        "media",
    ]
)


def looks_like_a_persons_address(email: str) -> bool:
    """Whether ``email`` reads as a person's address (name.surname@…), not an organisation's."""
    local = email.rpartition("@")[0].casefold()
    if not _NAME_LIKE_LOCAL_PART.match(local):
        return False
    parts = re.split(r"[._-]", local)
    return not any(part in _ROLE_WORDS for part in parts)


def service_errors(service) -> Errors:
    """Why the service cannot be kept as it is, by field."""
    errors: Errors = {}
    if service.email and looks_like_a_persons_address(service.email):
        errors["email"] = [
            _(
                "“%(email)s” looks like a person's address. The directory gives the "
                "organisation's general address (such as info@…), never a person's."
            )
            % {"email": service.email}
        ]
    if not any((service.description_sl, service.description_hr, service.description_en)):
        errors["description_sl"] = [_("Describe the service in at least one language.")]
    return errors


# --- Study visits -------------------------------------------------------------


def study_visit_errors(visit) -> Errors:
    errors: Errors = {}
    if visit.starts_on and visit.ends_on and visit.ends_on < visit.starts_on:
        errors["ends_on"] = [_("The visit cannot end before it starts.")]
    return errors


def follow_up_errors(follow_up, *, visit_starts_on: date | None, today: date) -> Errors:
    errors: Errors = {}
    if follow_up.due_on and visit_starts_on and follow_up.due_on < visit_starts_on:
        errors["due_on"] = [_("A follow-up cannot be due before the visit.")]
    if follow_up.done_on and follow_up.done_on > today:
        errors["done_on"] = [_("A follow-up cannot be done in the future.")]
    return errors
