"""The benchmark's approved PDFs are protocols the services accept, filed as at approval."""

import pytest

from bench import pdf
from meetings import rules
from meetings.models import ApprovedProtocolDocument, MeetingProtocol, ProtocolStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(pdf.CASES))
def test_each_case_builds_a_complete_protocol_that_its_last_approval_files(name):
    case = pdf.CASES[name]

    protocol, approve_last = pdf.approved_protocol(case)

    protocol = MeetingProtocol.objects.get(pk=protocol.pk)
    assert protocol.status == ProtocolStatus.SUBMITTED
    assert rules.protocol_missing_parts(protocol) == []
    assert protocol.participant_entries.count() == case.participants
    assert protocol.action_items.count() == case.action_items
    assert [len(a.discussion) for a in protocol.agenda_items.all()] == (
        [case.agenda_characters] * case.agenda_items
    )
    assert not ApprovedProtocolDocument.objects.exists()

    approve_last()

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.APPROVED
    assert protocol.approved_documents.count() == 1


def test_the_figures_come_from_documents_the_portal_would_file(monkeypatch):
    monkeypatch.setattr(pdf, "REPEATS", 1)
    protocol, approve_last = pdf.approved_protocol(pdf.CASES["20,000-character agenda"])

    figures = pdf.measure(protocol, approve_last)

    assert protocol.approved_documents.count() == 1
    assert figures["pages"] >= 3
    assert figures["pdf_kib"] > 0
    assert figures["peak_memory_mib"] >= figures["peak_memory_added_mib"] >= 0
    assert set(figures) == {
        "at_approval_ms",
        "render_and_store_ms",
        "peak_memory_added_mib",
        "peak_memory_mib",
        "pdf_kib",
        "pages",
    }
