"""Every PDF of the portal: HTML templates rendered by WeasyPrint.

User content goes into these documents, so WeasyPrint must never fetch a URL
on its own: ``StaticFilesFetcher`` serves the portal's own static files (the
stylesheet, the logo) from disk and refuses everything else, so an image or
stylesheet link in a protocol reaches no server, inside or outside.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

# Relative links in a document resolve against this address, which no server answers.
DOCUMENT_BASE_URL = "https://pdf.invalid/"


class StaticFilesFetcher(URLFetcher):
    """Hands WeasyPrint the portal's static files from disk; any other address is refused."""

    def fetch(self, url, headers=None):
        path = self._static_file(url)
        if path is None:
            raise ValueError(f"Not a static file of the portal: {url}")
        with open(path, "rb") as static_file:
            body = static_file.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _static_file(url):
        prefix = DOCUMENT_BASE_URL.rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            return None
        name = posixpath.normpath(unquote(urlsplit(url).path)[len(settings.STATIC_URL) :])
        if name.startswith(("..", "/")) or "\\" in name or "\x00" in name:
            return None
        try:
            # Collected files (hashed names in production) first, then the apps' own.
            if staticfiles_storage.exists(name):
                return staticfiles_storage.path(name)
            return finders.find(name)
        except SuspiciousFileOperation:
            return None


def page_counter_css():
    """The translated "Page 2 of 5" as the value of a CSS ``content`` property."""
    words = gettext("Page %(page)s of %(pages)s")
    parts = []
    for piece in (
        words.replace("%(page)s", "\0page\0").replace("%(pages)s", "\0pages\0").split("\0")
    ):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def render_pdf(template_name, context, *, request=None):
    """The PDF of ``template_name``, which extends ``pdf/base.html``, as bytes."""
    html = render_to_string(
        template_name, {**context, "page_counter": page_counter_css()}, request=request
    )
    return HTML(
        string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=StaticFilesFetcher()
    ).write_pdf()


def pdf_response(pdf, *, filename):
    """A download of ``pdf``; protocols are confidential, so no cache keeps a copy."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
