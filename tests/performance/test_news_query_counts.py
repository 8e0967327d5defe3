"""The news pages, the home page's news and the feeds in a number of queries that does not grow.

Each is measured with few and with many items (every one with an image, a
tag and, for some, an upcoming activity); the count at the larger size is
pinned, as in ``test_query_counts``.
"""

import itertools
from datetime import date, timedelta

import pytest

from django.utils import timezone

from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsletterArchivePage, NewsletterIssuePage
from news.selectors import NEWS_PER_PAGE
from partners.factories import LogoFactory

from .counting import assert_pinned, queries

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)

# A standard page's 13 (routing, the menu, the language switcher), one more level of the
# tree to route, and the list: its count for the pages, the items, their images with the
# renditions and their tags.
NEWS_INDEX = 19
# A standard page's 13, a level more, the index it links, its image and rendition, its tags.
NEWS_ITEM = 17
# The home page's 13 (with the news' empty lists), the index the latest news link to, and
# their images with the renditions.
HOME_PAGE_WITH_NEWS = 16
# What is public, the items with their tags, and the index the feed links.
FEED = 6
# A standard page's 13, what is public, and the issues with their PDFs.
ARCHIVE = 15
# A standard page's 13, a level more, the archive it links, its PDF, the chosen items in the
# issue's language, their images with the renditions, and Wagtail's own lookups of the chosen
# pages.
ISSUE = 20


@pytest.fixture
def index(home_pages):
    page = NewsIndexPageFactory(parent=home_pages["sl"])
    page.save_revision().publish()
    return page


def _add_news(index, count):
    """``count`` items, each with an image and a tag; every other announces an activity."""
    items = []
    for _ in range(count):
        number = next(_numbers)
        item = NewsPageFactory(
            parent=index,
            date=date(2026, 10, 1) + timedelta(days=number),
            image=LogoFactory(),
            activity_starts_at=timezone.now() + timedelta(days=number) if number % 2 else None,
        )
        item.tags.add(f"oznaka {number}", "obisk")
        item.save_revision().publish()
        items.append(item)
    return items


@pytest.mark.parametrize(
    ("few", "many", "address"),
    [(2, NEWS_PER_PAGE + 2, None), (2, 12, "/sl/"), (2, 12, "/sl/feeds/news/rss/")],
    ids=["news index", "home page", "feed"],
)
def test_news_queries_do_not_grow_with_the_news(client, index, few, many, address):
    address = address or index.url
    _add_news(index, few)
    counted = queries(client, address)

    _add_news(index, many - few)

    assert queries(client, address) == counted


def test_news_index_query_count(client, index, django_assert_num_queries):
    _add_news(index, NEWS_PER_PAGE + 2)

    assert_pinned(client, index.url, NEWS_INDEX, django_assert_num_queries)


def test_news_item_query_count(client, index, django_assert_num_queries):
    item = _add_news(index, 3)[1]

    assert_pinned(client, item.url, NEWS_ITEM, django_assert_num_queries)


def test_home_page_with_news_query_count(client, index, django_assert_num_queries):
    _add_news(index, 12)

    assert_pinned(client, "/sl/", HOME_PAGE_WITH_NEWS, django_assert_num_queries)


def test_feed_query_count(client, index, django_assert_num_queries):
    _add_news(index, 12)

    assert_pinned(client, "/sl/feeds/news/rss/", FEED, django_assert_num_queries)


# --- The newsletter: the archive and an issue choosing news items -------------


@pytest.fixture
def archive(home_pages):
    page = home_pages["sl"].add_child(
        instance=NewsletterArchivePage(title="Glasilo", slug="glasilo")
    )
    page.save_revision().publish()
    return page


def _add_issues(archive, count, news=()):
    issues = []
    for _ in range(count):
        number = next(_numbers)
        issue = archive.add_child(
            instance=NewsletterIssuePage(
                title=f"Številka {number}",
                slug=f"stevilka-{number}",
                number=number,
                date=date(2020, 1, 1) + timedelta(days=40 * number),
                sections=[("news", {"heading": "Novice", "items": list(news)})],
            )
        )
        issue.save_revision().publish()
        issues.append(issue)
    return issues


def test_archive_queries_do_not_grow_with_the_issues(client, archive):
    _add_issues(archive, 2)
    few = queries(client, archive.url)

    _add_issues(archive, 10)

    assert queries(client, archive.url) == few


def test_issue_queries_do_not_grow_with_the_news_it_chooses(client, archive, index):
    few = _add_issues(archive, 1, news=_add_news(index, 2))[0]
    many = _add_issues(archive, 1, news=_add_news(index, 12))[0]

    assert queries(client, many.url) == queries(client, few.url)


def test_archive_query_count(client, archive, django_assert_num_queries):
    _add_issues(archive, 12)

    assert_pinned(client, archive.url, ARCHIVE, django_assert_num_queries)


def test_issue_query_count(client, archive, index, django_assert_num_queries):
    issue = _add_issues(archive, 1, news=_add_news(index, 6))[0]

    assert_pinned(client, issue.url, ISSUE, django_assert_num_queries)
