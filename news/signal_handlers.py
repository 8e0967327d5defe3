from wagtail.signals import page_published

from . import services
from .models import NewsletterIssuePage


def _issue_published(sender, instance, **kwargs):
    services.newsletter_pdf_request(instance)


def register():
    page_published.connect(_issue_published, sender=NewsletterIssuePage)
