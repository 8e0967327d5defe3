"""Read queries of the news: an index's listing, the latest items and the upcoming activities.

Each list is one query for its items, one for their images with the
rendition the list shows and one for their tags, however many items it has.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.utils.http import urlencode

from wagtail.images import get_image_model

from .models import (
    NewsIndexPage,
    NewsletterDelivery,
    NewsletterIssuePage,
    NewsletterPDF,
    NewsletterSending,
    NewsPage,
    Subscriber,
    Unsubscription,
)

NEWS_PER_PAGE = 10
# The image of an item in a list: one rendition, prefetched with the items.
LISTED_IMAGE = "fill-640x360"
# The image of an item an issue chooses, in its PDF and in its e-mail
# (templates/news/blocks/news_items.html names it too).
CHOSEN_IMAGE = "width-600"


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


def _listed(items, *, tags=True, images=True, renditions=(LISTED_IMAGE,)):
    if images:
        with_rendition = get_image_model().objects.prefetch_renditions(*renditions)
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

    One query, with their images in the renditions an issue shows (on the web as cards,
    in the PDF and the e-mail as items), whatever the number of pages.
    """
    pages = [page for page in pages if page is not None]
    translated = {
        page.translation_key: page
        for page in _listed(
            NewsPage.objects.live().filter(
                locale=locale, translation_key__in=[page.translation_key for page in pages]
            ),
            tags=False,
            renditions=(LISTED_IMAGE, CHOSEN_IMAGE),
        )
    }
    return [translated.get(page.translation_key, page.specific) for page in pages]


def newsletter_recipients(language: str):
    """The subscribers an issue in ``language`` goes to: confirmed, and not unsubscribed since."""
    return Subscriber.objects.filter(language=language, confirmed_at__isnull=False).exclude(
        email_key__in=Unsubscription.objects.values("email_key")
    )


def subscriber_counts() -> dict:
    """How many subscribe in each language (confirmed and waiting), and how many unsubscribed."""
    rows = {
        row["language"]: row
        for row in Subscriber.objects.values("language")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            waiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by()
    }
    return {
        "by_language": [
            {"code": code, "name": name, **rows.get(code, {"confirmed": 0, "waiting": 0})}
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ],
        "unsubscribed": Unsubscription.objects.count(),
    }


def newsletter_sending_progress(issue) -> dict:
    """The deliveries of an issue by status, with their total: one query."""
    counts = dict.fromkeys(NewsletterDelivery.Status.values, 0)
    for row in issue.deliveries.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return {**counts, "total": sum(counts.values())}


def newsletter_sending_state(issue) -> dict:
    """What the admin's sending page shows: the PDF, the test, the recipients, the progress."""
    sending = NewsletterSending.objects.filter(issue=issue).select_related("started_by").first()
    started = sending is not None and sending.started_at is not None
    return {
        "sending": sending,
        "pdf": NewsletterPDF.objects.filter(issue=issue).first(),
        "recipients": newsletter_recipients(issue.locale.language_code).count(),
        "tested": sending is not None
        and sending.tested_revision_id is not None
        and sending.tested_revision_id == issue.live_revision_id,
        "progress": newsletter_sending_progress(issue) if started else None,
        "running": started and sending.finished_at is None,
        "last_activity": issue.deliveries.aggregate(last=Max("claimed_at"))["last"]
        if started
        else None,
    }
