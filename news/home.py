"""What the news add to the home page: the latest items and the upcoming activities."""

from django.utils import timezone

from portal.home import HomeSection

from . import selectors

LATEST_NEWS = 3
UPCOMING_ACTIVITIES = 5


def news_section() -> HomeSection:
    return HomeSection(name="news", template="news/includes/home.html", context=_news, order=10)


def _news(*, request, page):
    # One query for what is public, whatever the lists; then one for each list.
    published = selectors.news_published(page.locale_id)
    items = list(selectors.news_latest(published, limit=LATEST_NEWS))
    activities = list(
        selectors.activities_upcoming(published, now=timezone.now(), limit=UPCOMING_ACTIVITIES)
    )
    if not items and not activities:
        return None
    return {
        "items": items,
        "index": selectors.news_index_of(page.locale_id) if items else None,
        "activities": activities,
    }
