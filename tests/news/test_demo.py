"""The demo's news: five items and their index, in Slovenian with Croatian and English."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from django.utils.html import escape

from news.demo.content import NEWS
from news.documents import newsletter_pdf
from news.models import NewsIndexPage, NewsletterIssuePage, NewsPage, Subscriber
from news.rules import CONSENT_VERSION
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


def test_issue_one_shows_the_news_in_its_own_language(client):
    load_demo()

    for code, index_slug in (("sl", "novice"), ("hr", "vijesti"), ("en", "news")):
        issue = NewsletterIssuePage.objects.get(locale__language_code=code)
        html = client.get(issue.url).content.decode()
        assert (issue.number, issue.date.isoformat()) == (1, "2020-05-15")
        for data in NEWS[:-1]:
            title = getattr(data.title, code)
            link = f'href="/{code}/{index_slug}/{getattr(data.slug, code)}/">{escape(title)}</a>'
            assert link in html
        assert f"/{getattr(NEWS[-1].slug, code)}/" not in html
        assert client.get(issue.get_parent().url).status_code == 200


def test_issue_ones_pdf_tells_the_news_in_its_own_language():
    load_demo()
    croatian = NewsletterIssuePage.objects.get(locale__language_code="hr")

    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(newsletter_pdf(croatian))).pages)

    # The Croatian item's words, not the Slovenian ones chosen in the source.
    assert "Osječko" in text
    assert "Osiješko" not in text


def test_three_demo_readers_subscribe_one_in_each_language():
    load_demo()
    load_demo()

    readers = Subscriber.objects.order_by("language")
    assert sorted(readers.values_list("language", flat=True)) == ["en", "hr", "sl"]
    assert all(r.confirmed_at and r.consent_version == CONSENT_VERSION for r in readers)
    assert all(r.email.endswith("@demo.2sokrog.invalid") for r in readers)
