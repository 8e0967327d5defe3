"""The directory's import and export in the admin: a preview, then the changes; refused rows
say why and change nothing."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.models import Revision

from accounts.factories import UserFactory
from knowledge_base.factories import LocalServiceFactory
from knowledge_base.models import DirectoryImport, LocalService
from tests.sent_form import sent_form

from .conftest import in_the_admin

pytestmark = pytest.mark.django_db

IMPORT = reverse("knowledge_base_admin:import")
HEADER = "name,kind,municipality,region,email,target_groups,languages,description_sl"


def _csv(*rows, header=HEADER):
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def _upload(client, content, name="storitve.csv"):
    """Send the upload form as the page renders it, with the file chosen."""
    html = client.get(IMPORT).content.decode()
    data = {k: v[0] for k, v in sent_form(html, selector="form[method=post]").items()}
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(IMPORT, data)


def _preview(client, content, name="storitve.csv"):
    response = _upload(client, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"], client.get(response["Location"]).content.decode()


def _english(text):
    with translation.override("en"):
        return str(text)


def test_an_import_is_previewed_and_changes_nothing_until_applied(client, editor):
    LocalServiceFactory(name="Knjižnica Ptuj", municipality="Ptuj", description_sl="Star opis.")
    content = _csv(
        "Knjižnica Ptuj,library,Ptuj,podravska,info@knjiznica.si,young-people,sl;en,Nov opis.",
        "Udruga Slap,ngo,Osijek,Osječko-baranjska županija,info@slap.hr,roma,Hrvatski;rom,Opis.",
    )

    url, html = _preview(client, content)

    assert LocalService.objects.get(name="Knjižnica Ptuj").description_sl == "Star opis."
    assert not LocalService.objects.filter(name="Udruga Slap").exists()
    assert "Knjižnica Ptuj" in html and "Udruga Slap" in html

    response = client.post(url, sent_form(html, selector="form[method=post]"))

    assert response.status_code == 302
    library = LocalService.objects.get(name="Knjižnica Ptuj")
    slap = LocalService.objects.get(name="Udruga Slap")
    assert library.description_sl == "Nov opis."
    assert sorted(lang.slug for lang in library.languages.all()) == ["en", "sl"]
    assert slap.region == "osjecko-baranjska"
    assert [group.slug for group in slap.target_groups.all()] == ["roma"]
    assert sorted(lang.slug for lang in slap.languages.all()) == ["hr", "rom"]
    # Every change is a revision that names who imported it.
    revisions = Revision.objects.for_instance(slap)
    assert [revision.user for revision in revisions] == [editor]
    assert DirectoryImport.objects.get().totals == {
        "new": 1,
        "update": 1,
        "unchanged": 0,
        "refused": 0,
    }


def test_refused_rows_say_why_and_the_rest_are_imported(client, editor):
    kept = LocalServiceFactory(name="Društvo Ormož", municipality="Ormož", email="info@d.si")
    content = _csv(
        "Društvo Ormož,association,Ormož,podravska,ana.novak@drustvo.si,,,Opis.",
        "Klub Atlantida,association,Atlantida,atlantida,info@klub.si,,,Opis.",
        "Center Ptuj,health_centre,Ptuj,podravska,info@center.si,zmaji,,Opis.",
        "Udruga Slap,ngo,Osijek,osjecko-baranjska,info@slap.hr,,,Opis 0101990500003.",
        "Knjižnica Ptuj,library,Ptuj,podravska,info@knjiznica.si,,,Opis.",
    )

    url, html = _preview(client, content)

    with translation.override("en"):
        assert "“ana.novak@drustvo.si” looks like a person&#x27;s address" in html
        assert "Unknown region “atlantida”" in html
        assert "Unknown target groups: “zmaji”." in html
        assert "EMŠO" in html
    client.post(url, sent_form(html, selector="form[method=post]"))

    assert list(LocalService.objects.values_list("name", flat=True).order_by("name")) == [
        "Društvo Ormož",
        "Knjižnica Ptuj",
    ]
    kept.refresh_from_db()
    assert kept.email == "info@d.si"


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (_csv("x", header="naziv,občina"), "s.csv", "These columns are missing: name, kind"),
        (_csv("a,b,c,d,e", header="name,kind,municipality,region,fax"), "s.csv", "not known: fax"),
        (b"name,kind\n\xff\xfe", "s.csv", "The file is not in UTF-8."),
        (b"not a spreadsheet", "s.xlsx", "could not be read as XLSX"),
        (b"name,kind", "s.pdf", "Upload a CSV or an XLSX file."),
        (_csv(), "s.csv", "The file has no rows of services below its header."),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_in_words(client, editor, content, name, words):
    existing = LocalServiceFactory()

    response = _upload(client, content, name)

    assert response.status_code == 200
    assert words in _english(response.content.decode()) or words in response.content.decode()
    assert not DirectoryImport.objects.exists()
    assert list(LocalService.objects.all()) == [existing]


def test_a_file_is_applied_once(client, editor):
    url, html = _preview(client, _csv("Klub,association,Ptuj,podravska,info@klub.si,,,Opis."))
    data = sent_form(html, selector="form[method=post]")
    client.post(url, data)

    response = client.post(url, data, follow=True)

    assert LocalService.objects.filter(name="Klub").count() == 1
    with translation.override("en"):
        assert "This file has been imported already." in response.content.decode()


def test_an_export_imports_back_unchanged_as_csv_and_xlsx(client, editor):
    made = LocalServiceFactory(name='=HYPERLINK("x")', opening_hours="pon.–pet. 8.00–15.00")
    made.target_groups.set([])

    exported = client.get(reverse("knowledge_base_admin:export"), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0]["opening_hours"] == "pon.–pet. 8.00–15.00"
    # A spreadsheet would run a formula in a name.
    assert not rows[0]["name"].startswith("=")

    xlsx = client.get(reverse("knowledge_base_admin:export"), {"format": "xlsx"}).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [cell.value for cell in sheet[1]][:4] == ["name", "kind", "municipality", "region"]

    LocalService.objects.filter(pk=made.pk).update(name="Društvo")
    made.refresh_from_db()
    workbook = Workbook()
    workbook.active.append([cell.value for cell in sheet[1]])
    workbook.active.append(["Društvo", *[cell.value for cell in sheet[2]][1:]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _url, html = _preview(client, buffer.getvalue(), "storitve.xlsx")
    with translation.override("en"):
        assert "The file changes nothing." in _english(html) or "0" in html


def test_partner_staff_may_not_import_or_export(client):
    client.force_login(in_the_admin(UserFactory(totp=True), "Partner staff"))

    # The admin answers a refusal with its home page and a message.
    for url in (IMPORT, reverse("knowledge_base_admin:export")):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not DirectoryImport.objects.exists()
