"""The newsletter issue as a PDF: A4, a masthead, two columns, in the issue's language.

Made by the portal's PDF helper (WeasyPrint with the restricted URL fetcher,
PDF/UA-1: tagged, with the title and language a screen reader needs), from
the same sections as the web page. The labels are in the issue's language.
"""

import hashlib

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from portal.pdf import page_counter_css, render_pdf

TEMPLATE = "news/newsletter_issue_pdf.html"


def _context(issue) -> dict:
    return {"issue": issue, "page_counter": page_counter_css(gettext("Page %(page)s"))}


def newsletter_pdf(issue) -> bytes:
    """The issue as a PDF, in its own language, whatever language the editor reads."""
    with translation.override(issue.locale.language_code):
        return render_pdf(TEMPLATE, _context(issue))


def newsletter_source_sha256(issue) -> str:
    """The hash of the HTML the PDF is made from: equal hashes, equal PDFs (but for dates)."""
    with translation.override(issue.locale.language_code):
        html = render_to_string(TEMPLATE, _context(issue))
    return hashlib.sha256(html.encode()).hexdigest()


def newsletter_pdf_filename(issue) -> str:
    with translation.override(issue.locale.language_code):
        name = slugify(gettext("2SoKroG news No. %(number)s") % {"number": issue.number})
    return f"{name}-{issue.locale.language_code}.pdf"
