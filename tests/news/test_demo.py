"""The demo's news: five items and their index, in Slovenian with Croatian and English."""

import pytest

from news.demo.content import NEWS
from news.models import NewsIndexPage, NewsPage
from tests.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_news_are_published_in_every_language(client):
    load_demo()

    for code, index_slug in (("sl", "novice"), ("hr", "vijesti"), ("en", "news")):
        index = NewsIndexPage.objects.get(locale__language_code=code)
        assert index.slug == index_slug and index.live
        items = NewsPage.objects.child_of(index).live()
        assert items.count() == len(NEWS)
        assert client.get(f"/{code}/{index_slug}/").status_code == 200
        for item in items:
            assert client.get(item.url).status_code == 200


def test_the_announced_activity_is_the_same_in_every_language_but_its_place():
    load_demo()

    signing = {
        page.locale.language_code: page
        for page in NewsPage.objects.filter(activity_starts_at__isnull=False)
    }

    assert set(signing) == {"sl", "hr", "en"}
    assert len({page.activity_starts_at for page in signing.values()}) == 1
    assert signing["sl"].activity_place == "Urad za delo Ptuj"
    assert signing["hr"].activity_place == "Ured za rad Ptuj"


def test_no_real_persons_name_or_contact_is_in_the_news():
    texts = " ".join(
        getattr(text, language)
        for page in NEWS
        for text in (page.title, page.introduction, *(block.text for block in page.body))
        for language in ("sl", "hr", "en")
    )

    assert "@" not in texts
    for name in ("Rihter", "Mešl"):
        assert name not in texts
