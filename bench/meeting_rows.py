"""The rows of the benchmark's protocols, written in bulk as ``meetings.services`` leaves them.

``bench.meetings`` plans the cycles and their meetings; this writes each
protocol with what it records, then its revision (what ``save_revision``
stores: the protocol's ``serializable_data()``, rows included), its approvals
and its history, under the names of ``meetings.history.HistoryAction``.
"""

from datetime import timedelta

ACTION_ITEMS_PER_PROTOCOL = 3
AGENDA_ITEMS_PER_PROTOCOL = 3
# Protocols serialised per query batch when their revisions are made.
REVISION_BATCH = 500


def write_protocols(rng, cycles, coordinators) -> None:
    from meetings.models import MeetingProtocol

    meetings = [m for b in cycles for m in b.protocols]
    for built in cycles:
        for meeting in built.protocols:
            _fill_text(rng, built, meeting.protocol)
    MeetingProtocol.objects.bulk_create([m.protocol for m in meetings], batch_size=1000)
    for meeting in meetings:
        meeting.label = str(meeting.protocol)
    _write_present(meetings)
    _write_rows(rng, cycles, coordinators)
    revisions = _write_revisions(meetings)
    _write_approvals_and_history(meetings, revisions, coordinators)


def _fill_text(rng, built, protocol) -> None:
    from meetings.models import RECRUITMENT_POINTS, MeetingKind

    from .content import SENTENCES

    language = built.language
    protocol.decisions = " ".join(
        getattr(sentence, language) for sentence in rng.sample(SENTENCES, 2)
    )
    if protocol.kind == MeetingKind.RECRUITMENT:
        for point, _label in RECRUITMENT_POINTS:
            setattr(protocol, point, getattr(rng.choice(SENTENCES), language))


def _write_present(meetings) -> None:
    from meetings.models import MeetingProtocol

    institutions = MeetingProtocol.institutions_present.through
    staff = MeetingProtocol.staff_present.through
    institutions.objects.bulk_create(
        [
            institutions(meetingprotocol_id=m.protocol.pk, institution_id=i.pk)
            for m in meetings
            for i in m.present
        ],
        batch_size=2000,
    )
    staff.objects.bulk_create(
        [
            staff(meetingprotocol_id=m.protocol.pk, user_id=pk)
            for m in meetings
            for pk in sorted({u.pk for u in m.staff})
        ],
        batch_size=2000,
    )


def _write_revisions(meetings) -> dict:
    """One revision of each protocol, by its author, holding what ``save_revision`` would.

    The rows are written by now; each protocol is read back with them
    (prefetched, a batch at a time) and serialised by the model itself.
    """
    from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef, Subquery
    from django.db.models.functions import Cast

    from wagtail.models import Revision

    from meetings.models import MeetingProtocol

    content_type = ContentType.objects.get_for_model(MeetingProtocol)
    by_pk = {meeting.protocol.pk: meeting for meeting in meetings}
    # What serializable_data() reads: every child relation and child many-to-many field.
    relations = [rel.get_accessor_name() for rel in get_all_child_relations(MeetingProtocol)]
    relations += [field.name for field in get_all_child_m2m_relations(MeetingProtocol)]
    revisions = {}
    pks = sorted(by_pk)
    for start in range(0, len(pks), REVISION_BATCH):
        batch = MeetingProtocol.objects.filter(pk__in=pks[start : start + REVISION_BATCH])
        for protocol in batch.prefetch_related(*relations):
            meeting = by_pk[protocol.pk]
            revisions[protocol.pk] = Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(protocol.pk),
                created_at=protocol.created_at,
                user=meeting.author,
                object_str=meeting.label,
                content=protocol.serializable_data(),
            )
    Revision.objects.bulk_create(revisions.values(), batch_size=1000)
    # One UPDATE instead of 10,000: each new protocol points at its revision.
    MeetingProtocol.objects.filter(latest_revision__isnull=True).update(
        latest_revision=Subquery(
            Revision.objects.filter(
                base_content_type=content_type,
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
            ).values("pk")[:1]
        )
    )
    return revisions


def _write_rows(rng, cycles, coordinators) -> None:
    """Agenda items, participant entries, action items and the reviews of earlier items."""
    from meetings.models import (
        ActionItem,
        ActionItemReview,
        AgendaItem,
        ExitOutcome,
        MeetingKind,
        ParticipantEntry,
        ReviewOutcome,
    )

    from .content import ACTIONS, AGENDA, AGREED_STEPS, PARTICIPANT_ENTRIES, REVIEW_NOTES, SENTENCES

    exits = [o for o in ExitOutcome if o != ExitOutcome.LEFT_EARLY]
    agenda, entries, items = [], [], []
    for built in cycles:
        language = built.language
        for meeting in built.protocols:
            protocol = meeting.protocol
            day = protocol.starts_at.date()
            for order, title in enumerate(rng.sample(AGENDA, AGENDA_ITEMS_PER_PROTOCOL)):
                agenda.append(
                    AgendaItem(
                        protocol=protocol,
                        title=getattr(title, language),
                        discussion=getattr(rng.choice(SENTENCES), language),
                        sort_order=order,
                    )
                )
            if protocol.kind != MeetingKind.RECRUITMENT:
                for participant in built.participants:
                    if participant.entered_on <= day and participant.is_in_programme_on(day):
                        entries.append(
                            ParticipantEntry(
                                protocol=protocol,
                                participant=participant,
                                text=getattr(rng.choice(PARTICIPANT_ENTRIES), language),
                                agreed_steps=getattr(rng.choice(AGREED_STEPS), language),
                                planned_exit=rng.choice(exits)
                                if protocol.kind == MeetingKind.CLOSING
                                else "",
                            )
                        )
            for order in range(ACTION_ITEMS_PER_PROTOCOL):
                responsible = meeting.present[(len(items) + order) % len(meeting.present)]
                item = ActionItem(
                    protocol=protocol,
                    description=getattr(rng.choice(ACTIONS), language),
                    responsible_institution=responsible,
                    responsible_person=coordinators[responsible.pk] if order == 0 else None,
                    due_on=day + timedelta(days=14),
                    sort_order=order,
                )
                meeting.items.append(item)
                items.append(item)
    AgendaItem.objects.bulk_create(agenda, batch_size=2000)
    ParticipantEntry.objects.bulk_create(entries, batch_size=2000)
    ActionItem.objects.bulk_create(items, batch_size=2000)
    reviews = []
    for built in cycles:
        for before_last, last, meeting in zip(
            [None, *built.protocols], built.protocols, built.protocols[1:], strict=False
        ):
            done, maybe_dropped, carried = last.items
            reviews += [
                ActionItemReview(protocol=meeting.protocol, action_item=done, outcome="done"),
                ActionItemReview(
                    protocol=meeting.protocol,
                    action_item=maybe_dropped,
                    outcome=ReviewOutcome.DROPPED if rng.randrange(5) == 0 else ReviewOutcome.DONE,
                ),
                ActionItemReview(
                    protocol=meeting.protocol,
                    action_item=carried,
                    outcome=ReviewOutcome.CARRIED_FORWARD,
                    due_on=meeting.protocol.starts_at.date() + timedelta(days=14),
                    note=getattr(rng.choice(REVIEW_NOTES), built.language),
                ),
            ]
            if before_last is not None:
                # What the meeting before carried forward is done now.
                reviews.append(
                    ActionItemReview(
                        protocol=meeting.protocol,
                        action_item=before_last.items[2],
                        outcome=ReviewOutcome.DONE,
                    )
                )
    ActionItemReview.objects.bulk_create(reviews, batch_size=2000)


def _write_approvals_and_history(meetings, revisions, coordinators) -> None:
    """The approvals planned for each protocol's revision, and the log entries of its history."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    from meetings.history import HistoryAction
    from meetings.models import MeetingProtocol, ProtocolApproval, ProtocolStatus

    content_type = ContentType.objects.get_for_model(MeetingProtocol)
    approvals, log = [], []
    for meeting in meetings:
        protocol = meeting.protocol
        revision = revisions[protocol.pk]
        history = [(HistoryAction.CREATE, meeting.author, protocol.created_at, {})]
        if protocol.status != ProtocolStatus.DRAFT:
            history.append((HistoryAction.SUBMIT, meeting.author, protocol.submitted_at, {}))
        for institution, approved_at in meeting.approvals:
            approver = coordinators[institution.pk]
            approvals.append(
                ProtocolApproval(
                    protocol=protocol,
                    institution=institution,
                    approved_by=approver,
                    revision=revision,
                    approved_at=approved_at,
                )
            )
            data = {"institution_id": institution.pk, "institution": institution.short_name}
            history.append((HistoryAction.APPROVE, approver, approved_at, data))
        if protocol.status == ProtocolStatus.APPROVED:
            history.append((HistoryAction.APPROVED, approver, protocol.approved_at, {}))
        log += [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(protocol.pk),
                label=meeting.label,
                action=action.value,
                user=user,
                revision=revision,
                timestamp=timestamp,
                content_changed=action == HistoryAction.CREATE,
                data=data,
            )
            for action, user, timestamp, data in history
        ]
    ProtocolApproval.objects.bulk_create(approvals, batch_size=2000)
    ModelLogEntry.objects.bulk_create(log, batch_size=2000)
