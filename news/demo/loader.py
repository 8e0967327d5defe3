"""Write the demo's news, issue No. 1 of the newsletter with their translations, and subscribers."""

from django.conf import settings
from django.utils import timezone

from portal.demo.base import DemoReport, sync
from portal.demo.pages import site_home_page, sync_child_pages

from ..models import NewsIndexPage, NewsletterArchivePage, Subscriber
from ..rules import CONSENT_VERSION
from ..services import email_key
from .content import NEWS, NEWS_INDEX, NEWSLETTER_ARCHIVE, newsletter_issue

# Three readers, one per language, confirmed; their addresses end in the demo's domain,
# which no mail server answers.
SUBSCRIBERS = (("bralka", "sl"), ("citateljica", "hr"), ("reader", "en"))


def load(**options) -> DemoReport:
    home = site_home_page()
    loaded = [sync_child_pages(home, (NEWS_INDEX, NEWSLETTER_ARCHIVE))]
    index = _child(home, NewsIndexPage, NEWS_INDEX)
    loaded.append(sync_child_pages(index, NEWS))
    # The issue chooses the news items that tell its stories, all but the announcement.
    chosen = [_child(index, None, data).pk for data in NEWS if not data.texts]
    archive = _child(home, NewsletterArchivePage, NEWSLETTER_ARCHIVE)
    loaded.append(sync_child_pages(archive, (newsletter_issue(chosen),)))
    return DemoReport(
        counts={
            "Slovenian pages": [o for pages in loaded for o in pages.pages],
            "Translations": [o for pages in loaded for o in pages.translations],
            "Subscribers": [_subscriber(name, language) for name, language in SUBSCRIBERS],
        }
    )


def _subscriber(name, language):
    email = f"{name}@{settings.PORTAL_DEMO_EMAIL_DOMAIN}"
    now = timezone.now()
    subscriber = Subscriber.objects.filter(email=email).first() or Subscriber(
        email=email, email_key=email_key(email), consented_at=now, confirmed_at=now
    )
    return sync(subscriber, {"language": language, "consent_version": CONSENT_VERSION})


def _child(parent, model, data):
    children = parent.get_children()
    if model is not None:
        children = children.type(model)
    return children.get(slug=data.slug.sl).specific
