"""What the news add to the portal's search: news items and newsletter issues as kinds of
pages that the search can be narrowed to."""

from django.utils.translation import gettext_lazy as _

from portal.search import PageKind

from .models import NewsletterIssuePage, NewsPage


def news_page_kind() -> PageKind:
    return PageKind(name="news", label=_("News"), models=(NewsPage,), order=30)


def newsletter_page_kind() -> PageKind:
    return PageKind(
        name="newsletter", label=_("Newsletter issues"), models=(NewsletterIssuePage,), order=40
    )
