"""The news feeds, RSS and Atom, in each language: what a feed reader gets."""

import feedparser
import pytest

from .conftest import published

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_each_languages_feed_has_its_own_news_newest_first(client, dated_news, kind):
    slovenian = feedparser.parse(client.get(f"/sl/feeds/news/{kind}/").content)
    croatian = feedparser.parse(client.get(f"/hr/feeds/news/{kind}/").content)

    assert not slovenian.bozo and not croatian.bozo
    assert [entry.title for entry in slovenian.entries] == [
        "Novica 20. oktobra",
        "Novica 12. oktobra",
        "Novica 5. oktobra",
    ]
    assert [entry.title for entry in croatian.entries] == ["Vijest 7. listopada"]
    assert slovenian.entries[0].link == f"http://testserver{dated_news['sl'][1].url}"
    assert slovenian.feed.link == "http://testserver/sl/novice/"
    assert croatian.feed.language == "hr"


def test_a_feed_entry_carries_the_lead_the_date_and_the_tags(client, dated_news):
    item = dated_news["sl"][0]
    item.introduction = "Srečanje koordinatorjev socialne aktivacije."
    item.tags.add("srečanje")
    published(item)

    feed = feedparser.parse(client.get("/sl/feeds/news/rss/").content)

    entry = next(e for e in feed.entries if e.title == item.title)
    assert entry.summary == "Srečanje koordinatorjev socialne aktivacije."
    # The day of the news, from midnight where the partnership works.
    assert "05 Oct 2026 00:00:00 +0200" in entry.published
    assert [tag.term for tag in entry.tags] == ["srečanje"]


def test_a_draft_or_private_item_is_not_in_the_feed(client, dated_news):
    draft = dated_news["sl"][1]
    draft.unpublish()

    feed = feedparser.parse(client.get("/sl/feeds/news/atom/").content)

    assert draft.title not in [entry.title for entry in feed.entries]
