"""Uploads through the real Wagtail admin: size limits, allowed types, safe serving.

An SVG image or an HTML document served from the portal's origin could run
script with an editor's session; every refusal is checked through the admin
views an editor uses, and what is accepted is checked for how it is served.
"""

import io

import pytest
from PIL import Image as PillowImage
from wagtail_factories import DocumentFactory

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

IMAGE_ADD = "/admin/images/add/"
IMAGE_ADD_MULTIPLE = "/admin/images/multiple/add/"
DOCUMENT_ADD = "/admin/documents/add/"
DOCUMENT_ADD_MULTIPLE = "/admin/documents/multiple/add/"

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def tiny_png(name="logo.png") -> SimpleUploadedFile:
    """A real 4×4 PNG, small enough to keep the tests fast."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def add(admin_client, url, name, content):
    """Post one file to a single-file add view as the admin's form does."""
    upload = (
        content if isinstance(content, SimpleUploadedFile) else SimpleUploadedFile(name, content)
    )
    return admin_client.post(
        url,
        {"title": "Zapisnik", "file": upload, "collection": Collection.get_first_root_node().pk},
    )


def add_multiple(admin_client, url, name, content):
    """Post one file to a multiple-upload view as its drag-and-drop script does."""
    return admin_client.post(
        url,
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("url", [IMAGE_ADD, DOCUMENT_ADD], ids=["images", "documents"])
def test_the_add_form_announces_the_ten_megabyte_limit(admin_client, url):
    """Without WAGTAILDOCS_MAX_UPLOAD_SIZE Wagtail would take documents of any size."""
    assert "Maximum filesize: 10.0\N{NO-BREAK SPACE}MB." in admin_client.get(url).content.decode()


def test_a_small_png_is_accepted(admin_client):
    response = add(admin_client, IMAGE_ADD, "logo.png", tiny_png())

    assert response.status_code == 302
    assert Image.objects.count() == 1


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50

    response = add(admin_client, IMAGE_ADD, "logo.png", tiny_png())

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert Image.objects.count() == 0


def test_an_svg_image_is_refused(admin_client):
    response = add(admin_client, IMAGE_ADD, "logo.svg", SVG)

    assert response.status_code == 200
    assert "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP." in (
        response.content.decode()
    )
    assert Image.objects.count() == 0


def test_an_svg_renamed_to_png_is_refused(admin_client):
    response = add(admin_client, IMAGE_ADD, "logo.png", SVG)

    assert response.status_code == 200
    assert "The extension does not match the file format (svg)" in response.content.decode()
    assert Image.objects.count() == 0


def test_an_svg_image_is_refused_by_the_multiple_upload_too(admin_client):
    response = add_multiple(admin_client, IMAGE_ADD_MULTIPLE, "logo.svg", SVG)

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Not a supported image format" in response.json()["error_message"]
    assert Image.objects.count() == 0


def test_a_small_pdf_is_accepted(admin_client):
    response = add(admin_client, DOCUMENT_ADD, "zapisnik.pdf", PDF)

    assert response.status_code == 302
    assert Document.objects.count() == 1


def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 20

    response = add(admin_client, DOCUMENT_ADD, "zapisnik.pdf", PDF)

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG), ("vabilo.html", HTML), ("vabilo.htm", HTML), ("namestitev.exe", b"MZ")],
    ids=["SVG document", "HTML document", "HTM document", "wrong extension"],
)
def test_a_document_of_a_type_that_is_not_allowed_is_refused(admin_client, name, content):
    extension = name.rsplit(".", 1)[1]

    response = add(admin_client, DOCUMENT_ADD, name, content)

    assert response.status_code == 200
    assert f"File extension “{extension}” is not allowed." in response.content.decode()
    assert Document.objects.count() == 0


def test_an_html_document_is_refused_by_the_multiple_upload_too(admin_client):
    response = add_multiple(admin_client, DOCUMENT_ADD_MULTIPLE, "vabilo.html", HTML)

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "File extension “html” is not allowed." in response.json()["error_message"]
    assert Document.objects.count() == 0


def test_a_text_document_is_downloaded_and_never_run_as_a_page(client):
    """Markup hidden in an allowed type must not become a page of the portal's origin."""
    document = DocumentFactory(file=ContentFile(HTML, name="seznam.txt"))

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_opens_in_the_browser_under_a_policy_that_runs_nothing(client):
    document = DocumentFactory(file=ContentFile(PDF, name="zapisnik.pdf"))

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
