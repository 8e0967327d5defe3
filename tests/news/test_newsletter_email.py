"""The newsletter issue as an e-mail: table layout with inline CSS, absolute addresses, text."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from news.emails import newsletter_email
from partners.factories import LogoFactory
from tests.loopback import port_that_must_stay_silent

from .conftest import issue, news_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def may_issue(archive, news_indexes):
    visit = news_item(
        news_indexes["sl"],
        day=date(2020, 5, 4),
        title="Obisk delegacije iz Osijeka",
        introduction="Delegacija Osiješko-baranjske županije na Uradu za delo Ptuj.",
        image=LogoFactory(title="Delegacija pred uradom"),
    )
    return issue(
        archive,
        number=1,
        day=date(2020, 5, 15),
        title="Socialna aktivacija čez mejo",
        introduction="Prva številka glasila.",
        sections=[
            ("news", {"heading": "Novice", "items": [visit]}),
            ("paragraph", "<p>Srečanje partnerjev <b>v Osijeku</b>.</p>"),
            (
                "contacts",
                {
                    "heading": "Kontakti",
                    "contacts": [
                        {
                            "institution": "Urad za delo Ptuj",
                            "address": "Ptuj",
                            "website": "",
                            "email": "",
                        }
                    ],
                },
            ),
        ],
    )


def test_the_html_part_is_laid_out_in_tables_with_inline_css_and_absolute_addresses(may_issue):
    html = newsletter_email(may_issue)["html"]

    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "sl"
    assert not soup.find_all(["style", "link"])
    assert soup.find("table", attrs={"role": "presentation"})
    assert "color" in soup.find("h2")["style"]
    links = [a["href"] for a in soup.find_all("a")]
    assert links and all(href.startswith(("http://", "https://", "mailto:")) for href in links)
    image = soup.find("img")
    assert image["src"].startswith("http") and image["alt"] == "Delegacija pred uradom"
    assert "Obisk delegacije iz Osijeka" in html and "Urad za delo Ptuj" in html


def test_the_text_part_has_the_words_and_the_addresses_without_markup(may_issue):
    email = newsletter_email(may_issue)

    text = email["text"]
    assert email["subject"] == "2SoKroG novice, št. 1: Socialna aktivacija čez mejo"
    assert "Obisk delegacije iz Osijeka" in text
    assert may_issue.get_full_url() in text
    assert "Srečanje partnerjev v Osijeku." in text
    assert "<" not in text and "&#" not in text


def test_a_croatian_issue_is_written_in_croatian(archive, home_pages):
    croatian_archive = archive.copy_for_translation(home_pages["hr"].locale)
    croatian_archive.save_revision().publish()
    croatian = issue(croatian_archive, number=2, day=date(2020, 11, 1), title="Broj 2")

    email = newsletter_email(croatian)

    assert email["subject"].startswith("2SoKroG vijesti, br. 2")
    assert BeautifulSoup(email["html"], "html.parser").html["lang"] == "hr"


def test_no_style_sheet_in_the_content_is_fetched(archive):
    with port_that_must_stay_silent() as port:
        sneaky = issue(
            archive,
            number=9,
            day=date(2020, 6, 1),
            sections=[
                (
                    "paragraph",
                    f'<p><link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">x</p>',
                )
            ],
        )

        newsletter_email(sneaky)


def test_editors_preview_the_email(rf, may_issue):
    response = may_issue.serve_preview(rf.get("/"), "email")

    assert [mode for mode, _label in may_issue.preview_modes] == ["", "email", "pdf"]
    assert b'role="presentation"' in response.content
