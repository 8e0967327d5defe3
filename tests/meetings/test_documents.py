"""A protocol's PDF: marked until approved, and filed as PDF/A when every institution approves."""

import hashlib
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings import services
from meetings.models import ApprovedProtocolDocument, MeetingKind, ProtocolAccessLogEntry

from .conftest import saved_protocol

pytestmark = pytest.mark.django_db

MID_TERM_DAY = date(2026, 4, 1)


def _url(name, *args):
    with translation.override("sl"):
        return reverse(f"meetings:{name}", args=args)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def _metadata(pdf: bytes) -> bytes:
    return PdfReader(BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_data()


@pytest.fixture
def member(team, client):
    user = team.members[team.csd.pk]
    client.force_login(user)
    return user


@pytest.fixture
def approved(team):
    return saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, approved=True)


def test_the_last_approval_files_the_protocol_as_a_pdf_a_with_its_hash(team, approved):
    document = ApprovedProtocolDocument.objects.get()

    pdf = bytes(document.pdf)
    assert document.protocol == approved
    assert document.revision_id == approved.latest_revision_id
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.reference == "KR-2026/01"
    assert b'pdfaid:part="3" pdfaid:conformance="B"' in _metadata(pdf)


def test_a_submitted_protocol_is_not_filed_until_every_institution_approves(team):
    protocol = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)
    services.protocol_approve(
        protocol=protocol, user=team.coordinators[team.csd.pk], institution=team.csd
    )

    assert not ApprovedProtocolDocument.objects.exists()


def test_the_filed_pdf_names_the_reference_the_attendance_and_who_approved(team, approved):
    text = _text(bytes(ApprovedProtocolDocument.objects.get().pdf))

    assert "KR-2026/01" in text
    assert team.csd.name in text
    assert team.members[team.csd.pk].get_full_name() in text
    assert "Odobritev" in text  # the approval block, in the protocol's language
    assert f"revizija {approved.latest_revision_id}" in text
    assert "Osnutek" not in text


def test_downloading_the_approved_version_gives_the_same_bytes_every_time(client, member, approved):
    first = client.get(_url("protocol_pdf", approved.pk))
    second = client.get(_url("protocol_pdf", approved.pk))

    filed = bytes(ApprovedProtocolDocument.objects.get().pdf)
    assert first["Content-Type"] == "application/pdf"
    assert first.content == second.content == filed
    assert "kr-2026-01.pdf" in first["Content-Disposition"]


def test_the_page_shows_the_fingerprint_of_the_approved_version(client, member, approved):
    page = client.get(_url("protocol", approved.pk)).content.decode()

    assert ApprovedProtocolDocument.objects.get().sha256 in page


def test_a_draft_pdf_is_marked_as_a_draft_in_the_readers_language(client, member, team):
    draft = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)

    with translation.override("hr"):
        response = client.get(reverse("meetings:protocol_pdf", args=[draft.pk]))

    assert "Nacrt" in _text(response.content)
    assert not ApprovedProtocolDocument.objects.exists()


def test_a_submitted_pdf_says_it_is_not_yet_approved(client, member, team):
    submitted = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY, submitted=True)

    with translation.override("en"):
        response = client.get(reverse("meetings:protocol_pdf", args=[submitted.pk]))

    assert "NOT YET APPROVED" in _text(response.content).upper()


def test_an_earlier_approved_version_stays_downloadable_after_an_amendment(
    client, member, team, approved
):
    first = ApprovedProtocolDocument.objects.get()
    amended = type(approved).objects.get(pk=approved.pk)
    amended.decisions = "Popravljen sklep."
    services.protocol_save(protocol=amended, user=member, reason="Napaka v sklepu.")
    for institution in team.institutions:
        services.protocol_approve(
            protocol=amended, user=team.coordinators[institution.pk], institution=institution
        )

    earlier = client.get(_url("approved_document", approved.pk, first.pk))
    page = client.get(_url("protocol", approved.pk)).content.decode()

    assert ApprovedProtocolDocument.objects.count() == 2
    assert earlier.content == bytes(first.pdf)
    assert _url("approved_document", approved.pk, first.pk) in page


def test_an_approved_version_exists_only_for_those_who_may_see_the_protocol(team, approved):
    document = ApprovedProtocolDocument.objects.get()
    outsider = Client()
    outsider.force_login(team.outsider_coordinator)

    assert outsider.get(_url("approved_document", approved.pk, document.pk)).status_code == 404
    assert outsider.get(_url("protocol_pdf", approved.pk)).status_code == 404


def test_a_document_is_found_only_under_its_own_protocol(client, member, team, approved):
    other = saved_protocol(team, MeetingKind.CLOSING, date(2026, 9, 25))
    document = ApprovedProtocolDocument.objects.get()

    assert client.get(_url("approved_document", other.pk, document.pk)).status_code == 404


def test_every_download_of_an_approved_version_is_in_the_access_log(client, member, approved):
    document = ApprovedProtocolDocument.objects.get()

    client.get(_url("approved_document", approved.pk, document.pk))

    entry = ProtocolAccessLogEntry.objects.get()
    assert (entry.user, entry.action) == (member, "export_pdf")


def test_protocols_are_numbered_in_their_cycle_as_they_are_first_saved(team):
    first = saved_protocol(team, MeetingKind.MID_TERM, MID_TERM_DAY)
    earlier_meeting = saved_protocol(team, MeetingKind.INTAKE, date(2026, 2, 3))

    assert (first.number, earlier_meeting.number) == (1, 2)
