from django.db import transaction

from wagtail.signals import page_published

from . import services, tasks
from .models import NewsletterIssuePage


def _issue_published(sender, instance, **kwargs):
    """The PDF is asked for now, and made by the worker once the publication is committed."""
    services.newsletter_pdf_request(instance)
    transaction.on_commit(lambda: tasks.newsletter_pdf_make.enqueue(instance.pk))


def register():
    page_published.connect(_issue_published, sender=NewsletterIssuePage)
