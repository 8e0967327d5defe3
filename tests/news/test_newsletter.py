"""A newsletter issue: its web page, the archive by year, and its PDF from the same content."""

import re
from datetime import date
from io import BytesIO

import pikepdf
import pytest
from pypdf import PdfReader

from django.utils import translation

from news.documents import newsletter_pdf
from tests.loopback import port_that_must_stay_silent

from .conftest import issue, news_item

pytestmark = pytest.mark.django_db

A4 = (595, 842)  # points, rounded


@pytest.fixture
def may_issue(archive, news_indexes):
    visit = news_item(
        news_indexes["sl"],
        day=date(2020, 5, 4),
        title="Obisk delegacije iz Osijeka",
        introduction="Delegacija Osiješko-baranjske županije na Uradu za delo Ptuj.",
    )
    return issue(
        archive,
        number=1,
        day=date(2020, 5, 15),
        title="Socialna aktivacija čez mejo",
        introduction="Prva številka glasila: čšž in ćđ, kot jih pišemo na obeh straneh meje.",
        sections=[
            ("news", {"heading": "Novice", "items": [visit]}),
            (
                "activities",
                {
                    "heading": "Prihajajoče aktivnosti",
                    "activities": [
                        {"title": "Preizkušanje modela", "date": None, "place": "Ptuj"},
                        {"title": "Podpis sporazuma", "date": date(2020, 9, 1), "place": ""},
                    ],
                },
            ),
            (
                "contacts",
                {
                    "heading": "Kontakti",
                    "contacts": [
                        {
                            "institution": "Urad za delo Ptuj",
                            "address": "Ptuj",
                            "website": "https://www.ess.gov.si/",
                            "email": "",
                        }
                    ],
                },
            ),
        ],
    )


def test_the_issue_page_shows_the_lead_the_chosen_news_and_the_fixed_parts(client, may_issue):
    html = client.get(may_issue.url).content.decode()

    assert "Prva številka glasila" in html
    assert 'href="/sl/novice/' in html and "Obisk delegacije iz Osijeka" in html
    assert "Delegacija Osiješko-baranjske županije na Uradu za delo Ptuj." in html
    assert "Preizkušanje modela" in html and '<time datetime="2020-09-01">' in html
    assert "Urad za delo Ptuj" in html


def test_the_archive_lists_the_issues_by_year_newest_first(client, archive):
    issue(archive, number=1, day=date(2020, 5, 15))
    issue(archive, number=2, day=date(2020, 11, 20))
    issue(archive, number=3, day=date(2021, 4, 2))

    html = client.get(archive.url).content.decode()

    assert html.index(">2021<") < html.index(">2020<")
    assert html.index("Številka 3") < html.index("Številka 2") < html.index("Številka 1")


def _text(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_the_pdf_has_the_titles_the_diacritics_the_page_numbers_and_a4_pages(may_issue):
    pdf = newsletter_pdf(may_issue)

    text = _text(pdf)
    assert "Socialna aktivacija čez mejo" in text
    assert "Obisk delegacije iz Osijeka" in text
    assert "čšž in ćđ" in text
    assert re.search(r"Stran\s+1\b", text)
    with translation.override("sl"):
        assert "Interreg V-A" in text
    for page in PdfReader(BytesIO(pdf)).pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == A4


def test_the_pdf_is_tagged_for_screen_readers_in_the_issues_language(may_issue):
    with pikepdf.open(BytesIO(newsletter_pdf(may_issue))) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked)
        assert str(root.Lang) == "sl"
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert "Socialna aktivacija čez mejo" in str(pdf.docinfo.get("/Title", ""))


def test_a_croatian_issue_numbers_its_pages_in_croatian(archive, home_pages):
    croatian_archive = archive.copy_for_translation(home_pages["hr"].locale)
    croatian_archive.save_revision().publish()
    croatian = issue(croatian_archive, number=1, day=date(2020, 5, 15), title="Broj 1")

    assert re.search(r"Stranica\s+1\b", _text(newsletter_pdf(croatian)))


def test_no_address_in_the_content_makes_the_server_fetch_it(archive):
    with port_that_must_stay_silent() as port:
        sneaky = issue(
            archive,
            number=9,
            day=date(2020, 6, 1),
            sections=[
                (
                    "paragraph",
                    f'<p><img src="http://127.0.0.1:{port}/x.png"><img src="file:///etc/passwd"></p>',
                )
            ],
        )

        pdf = newsletter_pdf(sneaky)

    assert pdf.startswith(b"%PDF")


def test_editors_preview_the_pdf_beside_the_web_page(rf, may_issue):
    response = may_issue.serve_preview(rf.get("/"), "pdf")

    assert [mode for mode, _label in may_issue.preview_modes] == ["", "email", "pdf"]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
