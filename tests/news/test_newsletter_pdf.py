"""The newsletter's PDF is made in the background when an issue is published, and kept."""

from datetime import date

import pytest
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from news import documents
from news.models import NewsletterPDF
from partners.factories import LogoFactory
from tests.meetings.admin.conftest import in_the_admin
from tests.tasks import DATABASE_QUEUE, run_worker_once

from .conftest import issue, news_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs rendered, and still renders them."""
    made = []
    render = documents.newsletter_pdf

    def counted(issue):
        made.append(issue.pk)
        return render(issue)

    monkeypatch.setattr(documents, "newsletter_pdf", counted)
    return made


def _say(message, **values):
    with translation.override("sl"):
        return translation.gettext(message) % values


def test_publishing_an_issue_files_its_pdf_as_a_document(
    client, archive, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(archive, number=1, day=date(2020, 5, 15))

    pdf = NewsletterPDF.objects.select_related("document").get(issue=first)
    assert renders == [first.pk]
    assert pdf.document.collection.name == "Newsletter"
    assert pdf.document.file.read().startswith(b"%PDF")
    assert pdf.document.file.name.endswith("-sl.pdf")
    assert not pdf.is_being_made
    page = client.get(first.url).content.decode()
    assert pdf.document.url in page
    assert client.get(archive.url).content.decode().count(pdf.document.url) == 1


def test_publishing_again_without_a_change_makes_no_new_pdf(
    archive, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(archive, number=1, day=date(2020, 5, 15))
    document = NewsletterPDF.objects.get(issue=first).document_id

    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()

    assert renders == [first.pk]
    assert NewsletterPDF.objects.get(issue=first).document_id == document


def test_a_changed_issue_gets_a_new_pdf(archive, renders, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(archive, number=1, day=date(2020, 5, 15))
    document = NewsletterPDF.objects.get(issue=first).document_id

    first.title = "Socialna aktivacija na Ptuju"
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()

    assert renders == [first.pk, first.pk]
    assert NewsletterPDF.objects.get(issue=first).document_id != document


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_page_says_the_pdf_is_being_made_until_the_worker_made_it(
    client, archive, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(archive, number=1, day=date(2020, 5, 15))

    waiting = client.get(first.url).content.decode()
    assert DBTaskResult.objects.ready().filter(task_path="news.tasks.newsletter_pdf_make").exists()
    run_worker_once()
    done = client.get(first.url).content.decode()

    being_made = _say("The PDF is being made; it will be here in a minute.")
    assert being_made in waiting
    assert being_made not in done
    assert NewsletterPDF.objects.get(issue=first).document.url in done


def test_an_image_weasyprint_cannot_read_is_left_out_and_named_to_the_editor(
    client, archive, news_indexes, django_capture_on_commit_callbacks
):
    picture = LogoFactory(title="Delegacija")
    rendition = picture.get_rendition("width-600")
    with rendition.file.open("wb") as spoiled:
        spoiled.write(b"not an image at all")
    item = news_item(news_indexes["sl"], day=date(2020, 5, 4), title="Obisk", image=picture)
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(
            archive,
            number=1,
            day=date(2020, 5, 15),
            sections=[("news", {"heading": "Novice", "items": [item]})],
        )

    pdf = NewsletterPDF.objects.get(issue=first)
    assert PdfReader(pdf.document.file).pages
    assert "Obisk" in PdfReader(pdf.document.file).pages[0].extract_text()
    assert pdf.images_left_out == [rendition.url]
    editor = in_the_admin(UserFactory(totp=True), group="Editors")
    client.force_login(editor)
    sending_page = client.get(reverse("news_admin:newsletter_sending", args=[first.pk]))
    assert rendition.url in sending_page.content.decode()
