"""The read models of the staff pages: each in a fixed number of queries, however much work."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import registry as log_registry

from knowledge_base.models import GuidePage
from knowledge_base.selectors import directory_url, in_locale
from partners.models import Institution, Membership
from portal.languages import active_locale

from ..models import (
    ActionItem,
    ActionItemReview,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolApproval,
    ProtocolStatus,
)
from .access import (
    approvals_current,
    cycle_membership_exists,
    cycles_visible_to,
    institutions_coordinated_by,
)

InstitutionPresent = MeetingProtocol.institutions_present.through

# How many rows each list of the "My work" dashboard shows.
DASHBOARD_LIST_LENGTH = 20


# --- The "My work" dashboard -------------------------------------------------


@dataclass(frozen=True)
class UpcomingMeeting:
    """A meeting ahead: one with a protocol already started, or one a protocol announced."""

    day: date
    cycle: ProgrammeCycle
    protocol: MeetingProtocol | None


@dataclass(frozen=True)
class MyWork:
    today: date
    cycles: list[ProgrammeCycle]
    upcoming_meetings: list[UpcomingMeeting]
    open_action_items: list[ActionItem]
    awaiting_approval: list[MeetingProtocol]


def my_work(user, *, today: date | None = None) -> MyWork:
    """What a member of staff has to do: their cycles, meetings ahead, open items, approvals.

    Cycles that have ended are listed too, newest first, so their records stay reachable.

    A fixed number of queries however many cycles, protocols and items there are.
    """
    today = today or timezone.localdate()
    my_institutions = Membership.objects.filter(user=user).values("institution_id")
    cycles = list(cycles_visible_to(user).select_related("provider").order_by("-starts_on", "code"))
    return MyWork(
        today=today,
        cycles=cycles,
        upcoming_meetings=_upcoming_meetings(cycles, today),
        open_action_items=list(
            ActionItem.objects.in_effect()
            .open()
            .with_state()
            .filter(
                responsible_institution__in=my_institutions,
                protocol__cycle__in=ProgrammeCycle.objects.filter(cycle_membership_exists(user)),
            )
            .select_related(
                "protocol__cycle__provider", "responsible_institution", "responsible_person"
            )
            .order_by("current_due_on", "pk")[:DASHBOARD_LIST_LENGTH]
        ),
        awaiting_approval=list(
            MeetingProtocol.objects.filter(
                Exists(_institutions_present_awaiting_approval_of(user)),
                cycle_membership_exists(user, "cycle_id"),
                status=ProtocolStatus.SUBMITTED,
            )
            .select_related("cycle__provider")
            .order_by("starts_at")[:DASHBOARD_LIST_LENGTH]
        ),
    )


def _institutions_present_awaiting_approval_of(user):
    """Institutions present at the outer protocol that the user coordinates and has not approved."""
    return InstitutionPresent.objects.filter(
        meetingprotocol_id=OuterRef("pk"),
        institution__in=institutions_coordinated_by(user),
    ).exclude(
        Exists(
            approvals_current(OuterRef("meetingprotocol_id")).filter(
                institution_id=OuterRef("institution_id")
            )
        )
    )


def _upcoming_meetings(cycles, today) -> list[UpcomingMeeting]:
    """Protocols dated today or later, and next meetings announced with no protocol for them yet."""
    by_pk = {cycle.pk: cycle for cycle in cycles}
    scheduled = [
        UpcomingMeeting(day=protocol.meeting_day, cycle=by_pk[protocol.cycle_id], protocol=protocol)
        for protocol in MeetingProtocol.objects.filter(
            cycle__in=list(by_pk), starts_at__date__gte=today
        ).order_by("starts_at")[:DASHBOARD_LIST_LENGTH]
    ]
    announced = (
        MeetingProtocol.objects.filter(cycle__in=list(by_pk), next_meeting_on__gte=today)
        .exclude(
            Exists(
                MeetingProtocol.objects.filter(
                    cycle_id=OuterRef("cycle_id"), starts_at__date=OuterRef("next_meeting_on")
                )
            )
        )
        .values_list("cycle_id", "next_meeting_on")
        .distinct()
        .order_by("next_meeting_on", "cycle_id")[:DASHBOARD_LIST_LENGTH]
    )
    meetings = scheduled + [
        UpcomingMeeting(day=day, cycle=by_pk[cycle_pk], protocol=None)
        for cycle_pk, day in announced
    ]
    return sorted(meetings, key=lambda m: (m.day, m.cycle.code))[:DASHBOARD_LIST_LENGTH]


# --- The cycle page ----------------------------------------------------------


@dataclass(frozen=True)
class CycleOverview:
    cycle: ProgrammeCycle
    institutions: list[Institution]
    phases: list
    participants: list[Participant]
    protocols: list[MeetingProtocol]
    open_action_items: list[ActionItem]


def cycle_overview(cycle: ProgrammeCycle) -> CycleOverview:
    """Everything the cycle page lists, in a fixed number of queries."""
    return CycleOverview(
        cycle=cycle,
        institutions=sorted(cycle.institutions.all(), key=lambda i: i.short_name),
        phases=list(cycle.phases.all()),
        participants=list(cycle.participants.order_by("number")),
        protocols=list(cycle.protocols.order_by("starts_at", "pk")),
        open_action_items=list(
            ActionItem.objects.in_effect()
            .open()
            .with_state()
            .filter(protocol__cycle=cycle)
            .select_related("protocol", "responsible_institution", "responsible_person")
            .order_by("current_due_on", "pk")
        ),
    )


# --- The protocol page -------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A guide or a service an action item links, as the protocol shows it.

    ``url`` is where the reader finds it in their language, "" where the
    portal has no page for it (a guide no longer published, no directory).
    """

    kind: str
    label: str
    url: str


@dataclass(frozen=True)
class ProtocolRecord:
    """A protocol with everything its page and its PDF show, fetched at once."""

    protocol: MeetingProtocol
    institutions_present: list[Institution]
    staff_present: list
    guests: list
    agenda_items: list
    participant_entries: list[ParticipantEntry]
    action_items: list[ActionItem]
    reviews: list[ActionItemReview]
    approvals: list[ProtocolApproval]
    institutions_not_yet_approved: list[Institution]

    @property
    def action_items_refer(self) -> bool:
        """Whether an action item links a guide or a service: the table then has their column."""
        return any(item.references for item in self.action_items)


def protocol_record(protocol: MeetingProtocol) -> ProtocolRecord:
    """The protocol's content and approvals, in a fixed number of queries."""
    institutions_present = sorted(protocol.institutions_present.all(), key=lambda i: i.short_name)
    approvals = list(
        approvals_current(protocol).select_related("institution", "approved_by", "revision")
    )
    approved = {approval.institution_id for approval in approvals}
    return ProtocolRecord(
        protocol=protocol,
        institutions_present=institutions_present,
        staff_present=list(protocol.staff_present.order_by("last_name", "first_name")),
        guests=list(protocol.guests.all()),
        agenda_items=list(protocol.agenda_items.all()),
        participant_entries=list(
            protocol.participant_entries.select_related("participant").order_by(
                "participant__number"
            )
        ),
        action_items=_with_references(
            ActionItem.objects.with_state()
            .filter(protocol=protocol)
            .select_related("responsible_institution", "responsible_person", "guide", "service")
            .defer("guide__body")
            .order_by("sort_order", "pk")
        ),
        reviews=list(
            protocol.action_item_reviews.select_related(
                "action_item__protocol", "action_item__responsible_institution"
            ).order_by("action_item__protocol__starts_at", "action_item__sort_order")
        ),
        approvals=approvals,
        institutions_not_yet_approved=[i for i in institutions_present if i.pk not in approved],
    )


def _with_references(items) -> list[ActionItem]:
    """The items, each with the ``references`` it links, in the active language.

    A guide is shown as its live translation into the active language, else as
    it is; a service by its page in the directory of the active language. Two
    queries at most, however many items link them.
    """
    items = list(items)
    locale = active_locale()
    linked = [item.guide for item in items if item.guide is not None]
    guides = {
        source.pk: shown
        for source, shown in zip(linked, in_locale(linked, locale, GuidePage), strict=True)
    }
    directory = directory_url(locale) if any(item.service_id for item in items) else ""
    for item in items:
        item.references = []
        if item.guide is not None:
            guide = guides[item.guide_id]
            item.references.append(
                Reference(kind=_("Guide"), label=guide.title, url=guide.url if guide.live else "")
            )
        if item.service is not None:
            service = item.service
            item.references.append(
                Reference(
                    kind=_("Service"),
                    label=f"{service.name}, {service.municipality}",
                    url=f"{directory}{service.pk}/" if directory else "",
                )
            )
    return items


@dataclass(frozen=True)
class Attendance:
    """An institution present and the people present who work for it."""

    institution: Institution | None
    people: list


def protocol_attendance(protocol: MeetingProtocol) -> list[Attendance]:
    """Who was present, by institution; staff of no institution present come last, on their own.

    For the filed PDF, which names each person's institution.
    """
    institutions = list(protocol.institutions_present.select_related("logo").order_by("short_name"))
    people = list(protocol.staff_present.order_by("last_name", "first_name", "email"))
    works_for = set(
        Membership.objects.filter(user__in=people, institution__in=institutions).values_list(
            "user_id", "institution_id"
        )
    )
    attendance = [
        Attendance(
            institution=institution,
            people=[p for p in people if (p.pk, institution.pk) in works_for],
        )
        for institution in institutions
    ]
    placed = {person for person, _institution in works_for}
    others = [person for person in people if person.pk not in placed]
    return attendance + ([Attendance(institution=None, people=others)] if others else [])


def protocol_approved_documents(protocol: MeetingProtocol):
    """The protocol's filed versions, newest first, without their bytes (for listing them)."""
    return protocol.approved_documents.defer("pdf").select_related("revision")


def protocol_history(protocol: MeetingProtocol):
    """Who created, changed, submitted and approved the protocol, newest first."""
    return (
        log_registry.get_logs_for_instance(protocol)
        .select_related("user", "revision")
        .order_by("-timestamp", "-pk")
    )
