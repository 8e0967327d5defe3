"""The news of the tests: an index in Slovenian and in Croatian, and items published under them."""

from datetime import date

import pytest

from wagtail.models import Locale

from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsletterArchivePage, NewsletterIssuePage
from tests.smtp import MailSink, smtp_settings


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def news_indexes(home_pages):
    """The news index in Slovenian, and its Croatian translation, by language."""
    slovenian = published(NewsIndexPageFactory(parent=home_pages["sl"]))
    croatian = slovenian.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.title, croatian.slug = "Vijesti", "vijesti"
    return {"sl": slovenian, "hr": published(croatian)}


def news_item(index, *, day, **fields):
    """A published news item of ``day`` under ``index``."""
    return published(NewsPageFactory(parent=index, date=day, **fields))


@pytest.fixture
def dated_news(news_indexes):
    """Three Slovenian items of different days and one Croatian item."""
    return {
        "sl": [
            news_item(news_indexes["sl"], day=date(2026, 10, day), title=f"Novica {day}. oktobra")
            for day in (5, 20, 12)
        ],
        "hr": [news_item(news_indexes["hr"], day=date(2026, 10, 7), title="Vijest 7. listopada")],
    }


@pytest.fixture
def archive(home_pages):
    return published(
        home_pages["sl"].add_child(instance=NewsletterArchivePage(title="Glasilo", slug="glasilo"))
    )


def issue(archive, *, number, day, sections=(), **fields):
    return published(
        archive.add_child(
            instance=NewsletterIssuePage(
                title=fields.pop("title", f"Številka {number}"),
                slug=f"stevilka-{number}",
                number=number,
                date=day,
                sections=list(sections),
                **fields,
            )
        )
    )


@pytest.fixture
def bare_issue(archive):
    """Issue No. 1, published, with no sections: what a sending test sends."""
    return issue(archive, number=1, day=date(2020, 5, 15), title="Socialna aktivacija čez mejo")


@pytest.fixture
def sink(settings):
    """Django sends through a real SMTP server on loopback, which keeps what it gets."""
    with MailSink() as sink:
        smtp_settings(settings, sink)
        yield sink
