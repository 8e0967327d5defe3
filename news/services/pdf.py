"""The newsletter's PDF: asked for when an issue is published, made by the worker.

Publishing marks the PDF as being made (``newsletter_pdf_request``) and, once
the publication is committed, queues ``tasks.newsletter_pdf_make``
(``signal_handlers``); the task renders the PDF only if what the issue shows
changed since the last one, and stores it as a Wagtail document in the
*Newsletter* collection.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.pdf import images_not_loaded

from .. import documents
from ..models import NewsletterIssuePage, NewsletterPDF

COLLECTION_NAME = "Newsletter"
logger = logging.getLogger(__name__)


def newsletter_pdf_request(issue: NewsletterIssuePage) -> NewsletterPDF:
    """Note that the issue's PDF is being made: the page says so until it is."""
    pdf, _created = NewsletterPDF.objects.get_or_create(issue=issue)
    pdf.requested_at = timezone.now()
    pdf.save(update_fields=["requested_at"])
    return pdf


@transaction.atomic
def newsletter_pdf_make(issue: NewsletterIssuePage) -> NewsletterPDF:
    """Render and store the live issue's PDF, unless the one stored shows the same."""
    pdf = NewsletterPDF.objects.select_for_update().get_or_create(issue=issue)[0]
    source = documents.newsletter_source_sha256(issue)
    if pdf.document_id is None or pdf.source_sha256 != source:
        with translation.override(issue.locale.language_code):
            title = gettext("2SoKroG news No. %(number)s") % {"number": issue.number}
        document = get_document_model()(
            title=f"{title} ({issue.locale.language_code})", collection=_newsletter_collection()
        )
        with images_not_loaded() as left_out:
            body = documents.newsletter_pdf(issue)
        if left_out:
            logger.warning("The PDF of %s was made without images: %s", issue, left_out)
        document.file.save(documents.newsletter_pdf_filename(issue), ContentFile(body), save=False)
        document.file_size = document.file.size
        document.save()
        pdf.document, pdf.source_sha256, pdf.images_left_out = document, source, left_out
    pdf.made_at = timezone.now()
    pdf.save()
    return pdf


def _newsletter_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)
