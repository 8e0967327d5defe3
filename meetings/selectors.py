"""Who may see and do what with cycles and protocols, and the read queries of the staff pages.

The one rule behind every query here: a programme cycle, its participants
and its protocols exist only for members of the institutions taking part in
it, and for site administrators. Everyone else gets an empty queryset, so
views answer 404 and searches find nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from wagtail.log_actions import registry as log_registry
from wagtail.search.backends import get_search_backend

from partners.models import Institution, Membership, MembershipRole

from .models import (
    CLOSING_OUTCOMES,
    ActionItem,
    ActionItemReview,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolAccessLogEntry,
    ProtocolApproval,
    ProtocolStatus,
)

CycleInstitution = ProgrammeCycle.institutions.through
InstitutionPresent = MeetingProtocol.institutions_present.through

# How many rows each list of the "My work" dashboard shows.
DASHBOARD_LIST_LENGTH = 20


# --- Access ----------------------------------------------------------------


def user_is_site_administrator(user) -> bool:
    """Site administrators see every cycle: superusers and whoever has the permission to."""
    return user.is_active and (user.is_superuser or user.has_perm("meetings.view_every_cycle"))


def _member_of_cycle(user, cycle_ref="pk"):
    """Whether ``user`` belongs to an institution of the cycle ``cycle_ref`` points to."""
    return Exists(
        CycleInstitution.objects.filter(
            programmecycle_id=OuterRef(cycle_ref), institution__memberships__user=user
        )
    )


def user_has_staff_area(user) -> bool:
    """Whether "My work" is for the user: staff of an institution, and site administrators."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user).exists() or user_is_site_administrator(user)


def cycles_visible_to(user) -> QuerySet[ProgrammeCycle]:
    if not user.is_authenticated:
        return ProgrammeCycle.objects.none()
    if user_is_site_administrator(user):
        return ProgrammeCycle.objects.all()
    return ProgrammeCycle.objects.filter(_member_of_cycle(user))


def protocols_visible_to(user) -> QuerySet[MeetingProtocol]:
    if not user.is_authenticated:
        return MeetingProtocol.objects.none()
    if user_is_site_administrator(user):
        return MeetingProtocol.objects.all()
    return MeetingProtocol.objects.filter(_member_of_cycle(user, "cycle_id"))


def participants_visible_to(user) -> QuerySet[Participant]:
    if not user.is_authenticated:
        return Participant.objects.none()
    if user_is_site_administrator(user):
        return Participant.objects.all()
    return Participant.objects.filter(_member_of_cycle(user, "cycle_id"))


def access_log_visible_to(user) -> QuerySet[ProtocolAccessLogEntry]:
    """The access log is for site administrators only."""
    if not user.is_authenticated or not user_is_site_administrator(user):
        return ProtocolAccessLogEntry.objects.none()
    return ProtocolAccessLogEntry.objects.all()


def user_works_in_cycle(user, cycle: ProgrammeCycle) -> bool:
    """Whether the user may log meetings and participants of the cycle.

    Staff of the participating institutions do; so do superusers, who
    correct mistakes. Site administrators by permission only read.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return CycleInstitution.objects.filter(
        programmecycle_id=cycle.pk, institution__memberships__user=user
    ).exists()


def institutions_user_may_approve_for(user, protocol: MeetingProtocol) -> list[Institution]:
    """The institutions present at a submitted meeting that the user can still approve for.

    Only coordinators approve, each for their own institution, once per revision.
    """
    if not user.is_authenticated or protocol.status != ProtocolStatus.SUBMITTED:
        return []
    return list(
        Institution.objects.filter(
            protocols_attended=protocol,
            memberships__user=user,
            memberships__role=MembershipRole.COORDINATOR,
        ).exclude(
            Exists(
                ProtocolApproval.objects.filter(
                    protocol=protocol,
                    institution=OuterRef("pk"),
                    superseded_at__isnull=True,
                )
            )
        )
    )


def staff_of_cycle(cycle: ProgrammeCycle) -> QuerySet:
    """People working for an institution of the cycle, those who may be named as present."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__institution__programme_cycles=cycle,
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


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
            ActionItem.objects.open()
            .with_state()
            .filter(
                responsible_institution__in=my_institutions,
                protocol__cycle__in=ProgrammeCycle.objects.filter(_member_of_cycle(user)),
            )
            .select_related(
                "protocol__cycle__provider", "responsible_institution", "responsible_person"
            )
            .order_by("current_due_on", "pk")[:DASHBOARD_LIST_LENGTH]
        ),
        awaiting_approval=list(
            MeetingProtocol.objects.filter(
                Exists(_institutions_present_awaiting_approval_of(user)),
                _member_of_cycle(user, "cycle_id"),
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
        institution__memberships__user=user,
        institution__memberships__role=MembershipRole.COORDINATOR,
    ).exclude(
        Exists(
            ProtocolApproval.objects.filter(
                protocol_id=OuterRef("meetingprotocol_id"),
                institution_id=OuterRef("institution_id"),
                superseded_at__isnull=True,
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
            ActionItem.objects.open()
            .with_state()
            .filter(protocol__cycle=cycle)
            .select_related("protocol", "responsible_institution", "responsible_person")
            .order_by("current_due_on", "pk")
        ),
    )


# --- The protocol page -------------------------------------------------------


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


def protocol_record(protocol: MeetingProtocol) -> ProtocolRecord:
    """The protocol's content and approvals, in a fixed number of queries."""
    institutions_present = sorted(protocol.institutions_present.all(), key=lambda i: i.short_name)
    approvals = list(
        protocol.approvals.filter(superseded_at__isnull=True).select_related(
            "institution", "approved_by", "revision"
        )
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
        action_items=list(
            ActionItem.objects.with_state()
            .filter(protocol=protocol)
            .select_related("responsible_institution", "responsible_person")
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


def action_items_to_review(
    *, cycle: ProgrammeCycle, before, protocol: MeetingProtocol | None = None
) -> QuerySet[ActionItem]:
    """Items of earlier meetings that a meeting on ``before`` should carry forward or close.

    Those set before it and not closed at another meeting; ``protocol`` is the
    meeting itself when it is being edited, whose own decisions do not count.
    """
    closed_elsewhere = ActionItemReview.objects.filter(
        action_item=OuterRef("pk"), outcome__in=CLOSING_OUTCOMES
    )
    if protocol is not None and protocol.pk:
        closed_elsewhere = closed_elsewhere.exclude(protocol=protocol)
    return (
        ActionItem.objects.filter(protocol__cycle=cycle, protocol__starts_at__lt=before)
        .exclude(Exists(closed_elsewhere))
        .with_state()
        .select_related("protocol", "responsible_institution", "responsible_person")
        .order_by("protocol__starts_at", "sort_order", "pk")
    )


def protocol_history(protocol: MeetingProtocol):
    """Who created, changed, submitted and approved the protocol, newest first."""
    return (
        log_registry.get_logs_for_instance(protocol)
        .select_related("user", "revision")
        .order_by("-timestamp", "-pk")
    )


# --- Search ------------------------------------------------------------------


def search_protocols(*, user, query: str):
    """Protocols the user may see whose text matches ``query``, best match first."""
    if not user.is_authenticated:
        return MeetingProtocol.objects.none()
    visible_cycles = list(cycles_visible_to(user).values_list("pk", flat=True))
    protocols = MeetingProtocol.objects.filter(cycle__in=visible_cycles).select_related(
        "cycle__provider"
    )
    return get_search_backend().search(query, protocols)
