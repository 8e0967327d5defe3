"""Every PDF of the portal: HTML templates rendered by WeasyPrint.

User content goes into these documents, so WeasyPrint must never fetch a URL
on its own: ``PortalFilesFetcher`` serves the portal's own files from disk (its
static files, such as the stylesheet, and image renditions, such as a partner's
logo) and refuses everything else, so an image or stylesheet link in a
protocol reaches no server, inside or outside.
"""

import logging
import mimetypes
import posixpath
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

# Relative links in a document resolve against this address, which no server answers.
DOCUMENT_BASE_URL = "https://pdf.invalid/"


# Of the uploaded files, only image renditions go into a document (logos, figures).
RENDITIONS = "images/"


class PortalFilesFetcher(URLFetcher):
    """Hands WeasyPrint the portal's static files and image renditions; refuses all else."""

    def fetch(self, url, headers=None):
        body = self._static_file(url)
        if body is None:
            body = self._rendition(url)
        if body is None:
            raise ValueError(f"Not a file of the portal: {url}")
        content_type = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _name(url, url_prefix):
        prefix = DOCUMENT_BASE_URL.rstrip("/") + url_prefix
        if not url.startswith(prefix):
            return None
        name = posixpath.normpath(unquote(urlsplit(url).path)[len(url_prefix) :])
        if name.startswith(("..", "/")) or "\\" in name or "\x00" in name:
            return None
        return name

    def _static_file(self, url):
        name = self._name(url, settings.STATIC_URL)
        if name is None:
            return None
        try:
            # Collected files (hashed names in production) first, then the apps' own.
            path = staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
            path = path or finders.find(name)
        except SuspiciousFileOperation:
            return None
        if not path:
            return None
        with open(path, "rb") as static_file:
            return static_file.read()

    def _rendition(self, url):
        name = self._name(url, settings.MEDIA_URL)
        if name is None or not name.startswith(RENDITIONS):
            return None
        try:
            if not default_storage.exists(name):
                return None
            with default_storage.open(name, "rb") as rendition:
                return rendition.read()
        except SuspiciousFileOperation:
            return None


def page_counter_css(words=None):
    """The translated "Page 2 of 5" (or ``words``) as the value of a CSS ``content`` property.

    ``words`` may name ``%(page)s`` and ``%(pages)s``, e.g. a newsletter's "Page %(page)s".
    """
    words = words or gettext("Page %(page)s of %(pages)s")
    parts = []
    for piece in (
        words.replace("%(page)s", "\0page\0").replace("%(pages)s", "\0pages\0").split("\0")
    ):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def render_pdf(template_name, context, *, request=None, pdf_variant="pdf/ua-1"):
    """The PDF of ``template_name`` (most extend ``pdf/base.html``) as bytes.

    PDF/UA-1 (tagged, for screen readers) unless a document asks for another
    variant, e.g. PDF/A-3b for one kept as filed. ``context`` may bring its own
    ``page_counter``.
    """
    html = render_to_string(
        template_name, {"page_counter": page_counter_css(), **context}, request=request
    )
    return HTML(
        string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=PortalFilesFetcher()
    ).write_pdf(pdf_variant=pdf_variant)


class _ImagesNotLoaded(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.addresses: list[str] = []

    def emit(self, record):
        if str(record.msg).startswith("Failed to load image") and record.args:
            url = str(record.args[0])
            self.addresses.append(url.removeprefix(DOCUMENT_BASE_URL.rstrip("/")))


@contextmanager
def images_not_loaded():
    """The addresses of the images WeasyPrint could not read while rendering inside this block.

    WeasyPrint leaves such an image out and goes on; this is how the person
    who made the document hears which ones (a list, filled as it renders).
    """
    handler = _ImagesNotLoaded()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield handler.addresses
    finally:
        logger.removeHandler(handler)


def pdf_response(pdf, *, filename):
    """A download of ``pdf``; protocols are confidential, so no cache keeps a copy."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
