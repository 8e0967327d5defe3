"""The home page lists the latest news and the upcoming activities of its language."""

from datetime import date, timedelta

import pytest

from django.utils import timezone, translation

from news.home import LATEST_NEWS

from .conftest import news_item

pytestmark = pytest.mark.django_db


def _say(language, message):
    with translation.override(language):
        return translation.gettext(message)


def test_the_home_page_lists_the_latest_news_of_its_language(client, news_indexes):
    for day in range(1, LATEST_NEWS + 2):
        news_item(news_indexes["sl"], day=date(2026, 10, day), title=f"Novica {day}")
    news_item(news_indexes["hr"], day=date(2026, 10, 9), title="Vijest iz Osijeka")

    slovenian = client.get("/sl/").content.decode()
    croatian = client.get("/hr/").content.decode()

    assert _say("sl", "Latest news") in slovenian
    shown = [f"Novica {day}" for day in range(1, LATEST_NEWS + 2) if f">Novica {day}<" in slovenian]
    assert shown == [f"Novica {day}" for day in range(2, LATEST_NEWS + 2)]
    assert "Vijest iz Osijeka" not in slovenian
    assert "Vijest iz Osijeka" in croatian
    assert 'href="/sl/novice/"' in slovenian


def test_the_home_page_lists_activities_still_to_come_soonest_first(client, news_indexes):
    now = timezone.now()
    for title, days in (("Delavnica", 20), ("Študijski obisk", 3), ("Pretekli posvet", -2)):
        news_item(
            news_indexes["sl"],
            day=date(2026, 10, 1),
            title=title,
            activity_starts_at=now + timedelta(days=days),
            activity_place="Ptuj",
        )

    html = client.get("/sl/").content.decode()

    assert _say("sl", "Upcoming activities") in html
    section = html[html.index(_say("sl", "Upcoming activities")) :]
    assert section.index("Študijski obisk") < section.index("Delavnica")
    assert "Pretekli posvet" not in section


def test_a_home_page_without_news_shows_no_empty_sections(client, news_indexes):
    html = client.get("/sl/").content.decode()

    assert _say("sl", "Latest news") not in html
    assert _say("sl", "Upcoming activities") not in html
