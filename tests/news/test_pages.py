"""The news index and the news item, in each language."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from django.core.exceptions import ValidationError
from django.utils import formats, translation

from news.factories import NewsPageFactory
from news.selectors import NEWS_PER_PAGE

from .conftest import news_item, published

pytestmark = pytest.mark.django_db

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def _titles(html):
    return re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_index_lists_the_news_of_its_language_newest_first(client, dated_news):
    slovenian = client.get("/sl/novice/").content.decode()
    croatian = client.get("/hr/vijesti/").content.decode()

    assert _titles(slovenian) == ["Novica 20. oktobra", "Novica 12. oktobra", "Novica 5. oktobra"]
    assert _titles(croatian) == ["Vijest 7. listopada"]


def test_the_index_pages_its_news_and_keeps_the_tag_on_every_page(client, news_indexes):
    for day in range(1, NEWS_PER_PAGE + 3):
        item = news_item(news_indexes["sl"], day=date(2026, 10, day), title=f"Obisk {day}")
        item.tags.add("študijski obisk")
        published(item)

    first = client.get("/sl/novice/", {"tag": "študijski obisk"}).content.decode()
    second = client.get("/sl/novice/", {"tag": "študijski obisk", "page": 2}).content.decode()

    assert len(_titles(first)) == NEWS_PER_PAGE
    assert _titles(second) == ["Obisk 2", "Obisk 1"]
    assert "?tag=%C5%A1tudijski+obisk&amp;page=2" in first


def test_a_tag_narrows_the_index_to_its_news(client, news_indexes):
    visit = news_item(news_indexes["sl"], day=date(2026, 10, 1), title="Študijski obisk v Osijeku")
    visit.tags.add("obisk")
    published(visit)
    news_item(news_indexes["sl"], day=date(2026, 10, 2), title="Delavnica na Ptuju")

    html = client.get("/sl/novice/", {"tag": "obisk"}).content.decode()

    assert _titles(html) == ["Študijski obisk v Osijeku"]
    with translation.override("sl"):
        assert translation.gettext("All news") in html


def test_a_news_item_shows_its_date_lead_activity_and_tags(client, news_indexes):
    item = news_item(
        news_indexes["sl"],
        day=date(2026, 11, 3),
        title="Podpis sporazuma",
        introduction="Partnerji bodo podpisali sporazum.",
        activity_starts_at=datetime(2027, 6, 15, 10, 0, tzinfo=LJUBLJANA),
        activity_place="Urad za delo Ptuj",
    )
    item.tags.add("sporazum")
    published(item)

    html = client.get(item.url).content.decode()

    with translation.override("sl"):
        shown = formats.date_format(date(2026, 11, 3), "DATE_FORMAT")
    assert f'<time datetime="2026-11-03">{shown}</time>' in html
    assert "Partnerji bodo podpisali sporazum." in html
    assert '<time datetime="2027-06-15T10:00+0200">' in html
    assert "Urad za delo Ptuj" in html
    assert 'href="/sl/novice/?tag=sporazum"' in html
    assert 'type="application/rss+xml"' in html


def test_an_activity_place_without_its_date_is_refused_on_the_date(news_indexes):
    item = NewsPageFactory.build(title="Delavnica", slug="delavnica", activity_place="Ptuj")

    with pytest.raises(ValidationError) as refused:
        news_indexes["sl"].add_child(instance=item)

    with translation.override("en"):
        assert refused.value.message_dict["activity_starts_at"] == [
            "Give the date and time of the activity, or leave its place empty."
        ]


def test_the_search_finds_news_items_in_their_language(client, news_indexes):
    news_item(
        news_indexes["sl"],
        day=date(2026, 10, 1),
        title="Študijski obisk v Osijeku",
        introduction="Koordinatorke so spoznale delo centra za socialno skrb.",
    )

    slovenian = client.get("/sl/search/", {"q": "Osijeku"}).content.decode()
    croatian = client.get("/hr/search/", {"q": "Osijeku"}).content.decode()

    assert "Študijski obisk v <mark>Osijeku</mark>" in slovenian
    assert "Študijski obisk v Osijeku" not in croatian
