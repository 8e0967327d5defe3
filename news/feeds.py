"""The news as RSS 2.0 and Atom feeds, one per language (the language of the address)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.languages import active_locale

from . import selectors

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The latest news of the active language, newest first (RSS 2.0).

    One instance answers every request, so nothing of a request is kept on
    it: the feed's object is the active locale, and addresses are relative
    (the framework adds the domain the request came to).
    """

    url_name = "news:rss"

    def get_object(self, request, *args, **kwargs):
        return active_locale()

    def title(self, locale):
        return _("2SoKroG partnership portal: news")

    def description(self, locale):
        return _("News of the Slovenian–Croatian partnership for social activation.")

    def link(self, locale):
        index = selectors.news_index_of(locale)
        return index.url if index else reverse("wagtail_serve", args=[""])

    def feed_url(self, locale):
        return reverse(self.url_name)

    def get_feed(self, obj, request):
        # Django gives every feed the site's default language; each of these has its own.
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language_code
        return feed

    def items(self, locale):
        published = selectors.news_published(locale)
        return selectors.news_latest(published, limit=FEED_LENGTH, tags=True, images=False)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    """The same news as an Atom feed."""

    feed_type = Atom1Feed
    url_name = "news:atom"

    def subtitle(self, locale):
        return self.description(locale)
