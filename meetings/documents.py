"""A protocol's PDF: on demand, in the reader's language, and as filed when it is approved.

Both come from ``meetings/meeting_protocol_pdf.html`` through the portal's
PDF helper (WeasyPrint with the portal's own URL fetcher). What is not yet
approved carries a visible mark; the approved version is made once, as
PDF/A-3b for archiving, in the language the protocol is written in, and kept
with its SHA-256 (``ApprovedProtocolDocument``).
"""

import hashlib

from django.utils import timezone, translation
from django.utils.text import slugify

from portal.pdf import render_pdf

from . import rules, selectors
from .models import ApprovedProtocolDocument, MeetingProtocol

TEMPLATE = "meetings/meeting_protocol_pdf.html"
FILED_VARIANT = "pdf/a-3b"


def protocol_pdf(protocol: MeetingProtocol, *, request=None, pdf_variant="pdf/ua-1") -> bytes:
    """The protocol as it stands, in the active language, as a PDF."""
    record = selectors.protocol_record(protocol)
    context = {
        "record": record,
        "protocol": protocol,
        "reference": rules.protocol_reference(protocol),
        "revision": protocol.latest_revision,
        "generated_at": timezone.now(),
        "attendance": selectors.protocol_attendance(protocol),
    }
    return render_pdf(TEMPLATE, context, request=request, pdf_variant=pdf_variant)


def approved_document_make(protocol: MeetingProtocol) -> ApprovedProtocolDocument:
    """File the approved protocol: its PDF/A, in its own language, with the hash of the bytes."""
    with translation.override(protocol.language):
        pdf = protocol_pdf(protocol, pdf_variant=FILED_VARIANT)
    return ApprovedProtocolDocument.objects.create(
        protocol=protocol,
        revision=protocol.latest_revision,
        reference=rules.protocol_reference(protocol),
        language=protocol.language,
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        approved_at=protocol.approved_at,
    )


def approved_document(protocol: MeetingProtocol) -> ApprovedProtocolDocument:
    """The filed PDF of the approved protocol's current revision.

    Made at approval; a protocol approved before the portal filed PDFs gets
    its document the first time someone asks for it.
    """
    document = protocol.approved_documents.filter(revision_id=protocol.latest_revision_id).first()
    return document or approved_document_make(protocol)


def document_filename(reference: str, *, draft: bool = False) -> str:
    name = slugify(reference.replace("/", "-"))
    return f"{name}-draft.pdf" if draft else f"{name}.pdf"
