"""Read queries of the news: an index's listing, the latest items and the upcoming activities.

Each list is one query for its items, one for their images with the
rendition the list shows and one for their tags, however many items it has.
"""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.http import urlencode

from wagtail.images import get_image_model

from .models import NewsIndexPage, NewsletterIssuePage, NewsPage

NEWS_PER_PAGE = 10
# The image of an item in a list: one rendition, prefetched with the items.
LISTED_IMAGE = "fill-640x360"


@dataclass(frozen=True)
class NewsListing:
    """One page of an index's news, and the tag it is narrowed to (or "")."""

    items: PaginatorPage
    tag: str

    @property
    def page_query(self) -> str:
        """What the address of another page of the listing keeps: the tag."""
        return f"{urlencode({'tag': self.tag})}&" if self.tag else ""


def news_published(locale):
    """The news items of ``locale`` (a ``Locale`` or its id) that anyone may read."""
    return NewsPage.objects.live().public().filter(locale=locale)


def _listed(items, *, tags=True, images=True):
    if images:
        with_rendition = get_image_model().objects.prefetch_renditions(LISTED_IMAGE)
        items = items.prefetch_related(Prefetch("image", queryset=with_rendition))
    return items.prefetch_related("tags") if tags else items


def news_index_page(index, *, tag: str = "", number=None) -> NewsListing:
    """Page ``number`` of the index's news, newest first; only those tagged ``tag`` if given."""
    items = news_published(index.locale_id).child_of(index).order_by("-date", "-pk")
    if tag:
        items = items.filter(tags__name=tag)
    paginator = Paginator(_listed(items), NEWS_PER_PAGE)
    return NewsListing(items=paginator.get_page(number), tag=tag)


def news_latest(published, *, limit: int, tags: bool = False, images: bool = True):
    """The ``limit`` newest of the ``published`` items, with their tags and images as asked."""
    return _listed(published.order_by("-date", "-pk"), tags=tags, images=images)[:limit]


def activities_upcoming(published, *, now, limit: int):
    """The next ``limit`` activities that the ``published`` items announce, soonest first."""
    return published.filter(activity_starts_at__gte=now).order_by("activity_starts_at", "pk")[
        :limit
    ]


def news_index_of(locale):
    """The news index of ``locale`` (a ``Locale`` or its id), if the site has one."""
    return NewsIndexPage.objects.live().filter(locale=locale).first()


@dataclass(frozen=True)
class IssuesOfYear:
    year: int
    issues: list


def newsletter_issues_by_year(archive) -> list[IssuesOfYear]:
    """The archive's published issues, newest first, grouped by the year of their date."""
    issues = (
        NewsletterIssuePage.objects.live()
        .public()
        .child_of(archive)
        .order_by("-date", "-number")
        .select_related("pdf__document")
        .defer_streamfields()
    )
    years: dict[int, list] = {}
    for issue in issues:
        years.setdefault(issue.date.year, []).append(issue)
    return [IssuesOfYear(year=year, issues=found) for year, found in years.items()]


def news_in_language(pages, locale) -> list:
    """The chosen news ``pages`` in ``locale`` (a ``Locale`` or its id): each one's live
    translation, or itself if none.

    One query, with the images the lists show, whatever the number of pages.
    """
    pages = [page for page in pages if page is not None]
    translated = {
        page.translation_key: page
        for page in _listed(
            NewsPage.objects.live().filter(
                locale=locale, translation_key__in=[page.translation_key for page in pages]
            ),
            tags=False,
        )
    }
    return [translated.get(page.translation_key, page.specific) for page in pages]
