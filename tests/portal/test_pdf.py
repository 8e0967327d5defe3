"""Every PDF is rendered by WeasyPrint with nothing fetched but the portal's own static files."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from django.utils import translation

from portal.pdf import (
    DOCUMENT_BASE_URL,
    PortalFilesFetcher,
    page_counter_css,
    pdf_response,
    render_pdf,
)


class RecordingHandler(BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red; }")

    def log_message(self, *args):
        """Silent: the test reads ``requests``."""


@pytest.fixture
def listening_server():
    """A server on this machine that records every request it receives."""
    RecordingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", RecordingHandler.requests
    server.shutdown()
    server.server_close()


def _text(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def _render(html):
    return HTML(
        string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=PortalFilesFetcher()
    ).write_pdf()


def test_links_in_a_document_make_no_request_to_any_server(listening_server):
    address, requests = listening_server

    pdf = _render(
        f'<link rel="stylesheet" href="{address}/style.css">'
        f'<img src="{address}/image.png"><p style="background: url({address}/bg.png)">Zapisnik</p>'
        f'<img src="file:///etc/passwd">'
    )

    assert "Zapisnik" in _text(pdf)
    assert requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1/static/portal/css/pdf.css",
        "https://pdf.invalid/media/original_images/photo.jpg",
        "https://pdf.invalid/media/images/../original_images/photo.jpg",
        "https://pdf.invalid/media/documents/protocol.pdf",
        "https://pdf.invalid/static/../portal/settings/base.py",
        "https://pdf.invalid/static/%2e%2e/%2e%2e/manage.py",
        "https://pdf.invalid/static//etc/passwd",
        "https://pdf.invalid/static/portal/css/missing.css",
        "file:///etc/passwd",
        "data:text/css,body{color:red}",
    ],
)
def test_the_fetcher_refuses_everything_but_the_portals_own_files(url):
    with pytest.raises(ValueError, match="Not a file of the portal"):
        PortalFilesFetcher().fetch(url)


@pytest.mark.django_db
def test_the_fetcher_serves_an_image_rendition_such_as_a_logo():
    from partners.factories import LogoFactory

    rendition = LogoFactory().get_rendition("height-40")

    response = PortalFilesFetcher().fetch(f"{DOCUMENT_BASE_URL.rstrip('/')}{rendition.url}")

    assert response.read() == rendition.file.open("rb").read()


def test_the_fetcher_serves_the_portals_stylesheet_from_disk():
    response = PortalFilesFetcher().fetch(f"{DOCUMENT_BASE_URL}static/portal/css/pdf.css")

    assert response.content_type == "text/css"
    assert b"@page" in response.read()


@pytest.mark.django_db
def test_a_rendered_document_is_a4_and_numbers_its_pages_in_the_readers_language():
    with translation.override("sl"):
        pdf = render_pdf("pdf/base.html", {})

    page = PdfReader(BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = _text(pdf)
    assert "Stran 1 od 1" in text
    assert "2SoKroG" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", '"Page " counter(page) " of " counter(pages)'),
        ("hr", '"Stranica " counter(page) " od " counter(pages)'),
    ],
)
def test_the_page_counter_is_css_built_from_the_translated_words(language, expected):
    with translation.override(language):
        assert page_counter_css() == expected


def test_a_pdf_is_downloaded_as_an_attachment_that_no_cache_keeps():
    response = pdf_response(b"%PDF-1.7", filename="zapisnik-kr-2026-05-04.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="zapisnik-kr-2026-05-04.pdf"'
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
