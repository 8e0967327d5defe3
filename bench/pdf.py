"""Time and memory to render and store a protocol's approved PDF (``python -m bench.pdf``).

When the last institution present approves a protocol, the portal renders
its PDF/A and stores it with its hash (``meetings.documents``), inside the
approval's request. ``python -m bench`` runs this once per case and
database, each case in a process of its own, as
``python -m bench.pdf CASE OUTPUT.json``: the protocol is built through
``meetings.services`` in a transaction that is rolled back, so the
benchmark's database stays as it was built.

Measured: the approval that files the document (the first render in the
process, with fonts and stylesheet still to load), then ``REPEATS`` more
renders and stores of the same document (each rolled back), and the peak resident memory the process
reached while rendering, above what it held before (Linux's ``VmHWM``,
reset just before; WeasyPrint's memory is mostly Pango's and Python's).
"""

import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO
from pathlib import Path

REPEATS = 3
# Not a secret: a fixed seed, so every run renders the same text.
SEED = 2026


@dataclass(frozen=True)
class Case:
    """A protocol of the benchmark: its kind and how much it holds."""

    kind: str
    participants: int
    action_items: int
    agenda_items: int
    agenda_characters: int  # of each agenda item's discussion


CASES = {
    "15 participants, 30 action items": Case(
        kind="intake", participants=15, action_items=30, agenda_items=3, agenda_characters=600
    ),
    "20,000-character agenda": Case(
        kind="mid_term", participants=4, action_items=3, agenda_items=1, agenda_characters=20_000
    ),
}


def main(case_name: str, output: str) -> None:
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        protocol, approve_last = approved_protocol(CASES[case_name])
        figures = measure(protocol, approve_last)
        transaction.set_rollback(True)
    Path(output).write_text(json.dumps({"case": case_name, **figures}, indent=2))


def approved_protocol(case: Case):
    """A protocol of ``case`` approved by all institutions present but one.

    Returns it with the approval of the last one, which files its PDF.
    """
    from django.utils import timezone

    from meetings import services
    from meetings.factories import ProgrammeCycleFactory, meeting_time
    from meetings.models import (
        ActionItem,
        AgendaItem,
        MeetingProtocol,
        ParticipantEntry,
        TargetGroup,
    )
    from partners.factories import InstitutionFactory, MembershipFactory
    from partners.models import Country, InstitutionKind, MembershipRole

    from .content import SENTENCES

    rng = random.Random(SEED)  # noqa: S311 - the same text every run, not a secret
    today = timezone.localdate()
    present = [
        InstitutionFactory(short_name="CSD Lenart", with_logo=True),
        InstitutionFactory(
            short_name="LU Lenart", kind=InstitutionKind.PROGRAMME_PROVIDER, with_logo=True
        ),
        InstitutionFactory(short_name="ZRSZ Lenart", kind=InstitutionKind.EMPLOYMENT_OFFICE),
        InstitutionFactory(
            short_name="HZZ Koprivnica",
            kind=InstitutionKind.EMPLOYMENT_OFFICE,
            country=Country.CROATIA,
            with_logo=True,
        ),
    ]
    coordinators = [
        MembershipFactory(institution=i, role=MembershipRole.COORDINATOR).user for i in present
    ]
    members = [MembershipFactory(institution=i).user for i in present]
    author = members[0]
    cycle = ProgrammeCycleFactory(
        code="PDFBENCH",
        provider=present[1],
        institutions=present,
        starts_on=today,
        ends_on=today + timedelta(days=300),
        max_group_size=max(case.participants, 15),
    )
    participants = [
        services.participant_create(
            cycle=cycle, user=author, target_group=TargetGroup.ADULTS, entered_on=today
        )
        for _ in range(case.participants)
    ]

    def text(characters):
        words = []
        while sum(len(w) + 1 for w in words) < characters:
            words.append(rng.choice(SENTENCES).sl)
        return " ".join(words)[:characters]

    day = today + timedelta(days=7)
    protocol = MeetingProtocol(
        cycle=cycle,
        kind=case.kind,
        starts_at=meeting_time(day),
        place="Sejna soba CSD Lenart",
        language="sl",
        decisions=text(400),
        next_meeting_on=day + timedelta(days=28),
    )
    protocol.institutions_present = present
    protocol.staff_present = members + coordinators
    protocol.agenda_items = [
        AgendaItem(title=f"{number}. {text(60)}", discussion=text(case.agenda_characters))
        for number in range(1, case.agenda_items + 1)
    ]
    protocol.participant_entries = [
        ParticipantEntry(participant=p, text=text(240), agreed_steps=text(160))
        for p in participants
    ]
    protocol.action_items = [
        ActionItem(
            description=text(120),
            responsible_institution=present[number % len(present)],
            responsible_person=members[number % len(present)],
            due_on=day + timedelta(days=14 + number),
            sort_order=number,
        )
        for number in range(case.action_items)
    ]
    services.protocol_save(protocol=protocol, user=author)
    services.protocol_submit(protocol=protocol, user=author)
    for institution, coordinator in list(zip(present, coordinators, strict=True))[:-1]:
        services.protocol_approve(protocol=protocol, user=coordinator, institution=institution)

    def approve_last():
        return services.protocol_approve(
            protocol=protocol, user=coordinators[-1], institution=present[-1]
        )

    return protocol, approve_last


def measure(protocol, approve_last) -> dict:
    """Time the approval that files the PDF, then ``REPEATS`` renders; the peak memory of all."""
    from django.db import transaction

    from meetings import documents

    resident_before = memory_kib("VmRSS")
    reset_peak_memory()
    started = time.perf_counter()
    approve_last()
    at_approval = time.perf_counter() - started
    protocol.refresh_from_db()
    repeats = []
    for _ in range(REPEATS):
        # A revision is filed once: each repeat files it afresh in a savepoint it rolls back.
        with transaction.atomic():
            protocol.approved_documents.all().delete()
            started = time.perf_counter()
            documents.approved_document_make(protocol)
            repeats.append(time.perf_counter() - started)
            transaction.set_rollback(True)
    document = protocol.approved_documents.get()
    peak = memory_kib("VmHWM")
    return {
        "at_approval_ms": round(at_approval * 1000),
        "render_and_store_ms": round(statistics.median(repeats) * 1000),
        "peak_memory_added_mib": round((peak - resident_before) / 1024, 1),
        "peak_memory_mib": round(peak / 1024, 1),
        "pdf_kib": round(len(document.pdf) / 1024, 1),
        "pages": pdf_pages(bytes(document.pdf)),
    }


def memory_kib(field: str) -> int:
    """A line of ``/proc/self/status``: ``VmRSS`` now, ``VmHWM`` the peak since the reset."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise SystemExit(f"/proc/self/status has no {field}; the PDF benchmark needs Linux.")


def reset_peak_memory() -> None:
    # Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0 and later).
    Path("/proc/self/clear_refs").write_text("5")


def pdf_pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
