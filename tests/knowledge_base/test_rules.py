"""The knowledge base's rules, each refusal by its words beside the near miss it accepts."""

from datetime import date
from types import SimpleNamespace

import pytest

from django.utils import translation

from knowledge_base import rules

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
        (date(2026, 3, 1), 12, date(2027, 3, 1)),
        (date(2026, 3, 1), 60, date(2031, 3, 1)),
    ],
)
def test_a_review_falls_due_the_same_day_months_later_or_at_the_months_end(day, months, expected):
    assert rules.add_months(day, months) == expected
    assert rules.next_review_on(day, months) == expected


def test_without_a_review_date_or_a_valid_interval_no_review_is_due():
    assert rules.next_review_on(None, 12) is None
    assert rules.next_review_on(TODAY, -3) is None
    assert rules.next_review_on(TODAY, 0) is None


def _guide(interval=12, reviewed=TODAY):
    return SimpleNamespace(review_interval_months=interval, last_reviewed_on=reviewed)


@pytest.mark.parametrize("interval", [-1, 0, 61, -120])
def test_a_review_interval_outside_one_to_sixty_months_is_refused(interval):
    with translation.override("en"):
        errors = rules.guide_errors(_guide(interval), today=TODAY)
        assert [str(m) for m in errors["review_interval_months"]] == [
            "A guide is reviewed every 1 to 60 months; give a number in that range."
        ]


@pytest.mark.parametrize("interval", [1, 12, 60])
def test_an_interval_of_one_to_sixty_months_is_accepted(interval):
    assert rules.guide_errors(_guide(interval), today=TODAY) == {}


def test_a_review_in_the_future_is_refused_and_today_is_not():
    assert "last_reviewed_on" in rules.guide_errors(_guide(reviewed=date(2026, 12, 2)), today=TODAY)
    assert rules.guide_errors(_guide(reviewed=TODAY), today=TODAY) == {}


@pytest.mark.parametrize(
    "email",
    [
        "ana.novak@drustvo.si",
        "a.novak@csd.si",
        "novak_ana@gmail.com",
        "ivana-horvat@udruga.hr",
        "Klavdija.Riznar@bistra.si",
    ],
)
def test_an_address_made_of_a_name_and_surname_is_a_persons(email):
    assert rules.looks_like_a_persons_address(email)


@pytest.mark.parametrize(
    "email",
    [
        "info@drustvo.si",
        "tajnistvo@knjiznica-ptuj.si",
        "csd.ptuj@gov.si",
        "knjiznica.ormoz@siol.net",
        "ured2@udruga.hr",
        "kontakt@dzo.hr",
    ],
)
def test_an_organisations_address_is_not_a_persons(email):
    assert not rules.looks_like_a_persons_address(email)


def _service(email="info@drustvo.si", sl="Opis", hr="", en=""):
    return SimpleNamespace(email=email, description_sl=sl, description_hr=hr, description_en=en)


def test_a_service_with_a_persons_address_is_refused_in_words_that_say_what_to_give():
    with translation.override("en"):
        errors = rules.service_errors(_service(email="ana.novak@drustvo.si"))
        assert [str(m) for m in errors["email"]] == [
            "“ana.novak@drustvo.si” looks like a person's address. The directory gives the "
            "organisation's general address (such as info@…), never a person's."
        ]
    assert rules.service_errors(_service()) == {}


def test_a_service_is_described_in_at_least_one_language():
    assert "description_sl" in rules.service_errors(_service(sl=""))
    assert rules.service_errors(_service(sl="", hr="Opis")) == {}


def test_a_visit_cannot_end_before_it_starts_but_may_last_one_day():
    visit = SimpleNamespace(starts_on=date(2019, 9, 11), ends_on=date(2019, 9, 10))
    one_day = SimpleNamespace(starts_on=date(2019, 9, 11), ends_on=date(2019, 9, 11))

    with translation.override("en"):
        assert [str(m) for m in rules.study_visit_errors(visit)["ends_on"]] == [
            "The visit cannot end before it starts."
        ]
    assert rules.study_visit_errors(one_day) == {}


def test_a_follow_up_is_due_after_the_visit_and_done_by_today():
    starts = date(2019, 9, 11)
    early = SimpleNamespace(due_on=date(2019, 9, 10), done_on=None)
    future = SimpleNamespace(due_on=None, done_on=date(2026, 12, 2))
    fine = SimpleNamespace(due_on=starts, done_on=TODAY)

    assert "due_on" in rules.follow_up_errors(early, visit_starts_on=starts, today=TODAY)
    assert "done_on" in rules.follow_up_errors(future, visit_starts_on=starts, today=TODAY)
    assert rules.follow_up_errors(fine, visit_starts_on=starts, today=TODAY) == {}
