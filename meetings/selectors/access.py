"""Who may see and do what: the one rule behind every other query of the meetings.

A programme cycle, its participants and its protocols exist only for members
of the institutions taking part in it, and for site administrators. Everyone
else gets an empty queryset, so views answer 404 and searches find nothing.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from wagtail.search.backends import get_search_backend

from partners.models import Institution, Membership, MembershipRole

from ..models import (
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccessLogEntry,
    ProtocolApproval,
    ProtocolStatus,
)

CycleInstitution = ProgrammeCycle.institutions.through


# --- Access ----------------------------------------------------------------


def user_is_site_administrator(user) -> bool:
    """Site administrators see every cycle: superusers and whoever has the permission to."""
    return user.is_active and (user.is_superuser or user.has_perm("meetings.view_every_cycle"))


def cycle_membership_exists(user, cycle_ref="pk") -> Exists:
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
    return ProgrammeCycle.objects.filter(cycle_membership_exists(user))


def protocols_visible_to(user) -> QuerySet[MeetingProtocol]:
    if not user.is_authenticated:
        return MeetingProtocol.objects.none()
    if user_is_site_administrator(user):
        return MeetingProtocol.objects.all()
    return MeetingProtocol.objects.filter(cycle_membership_exists(user, "cycle_id"))


def participants_visible_to(user) -> QuerySet[Participant]:
    if not user.is_authenticated:
        return Participant.objects.none()
    if user_is_site_administrator(user):
        return Participant.objects.all()
    return Participant.objects.filter(cycle_membership_exists(user, "cycle_id"))


def access_log_visible_to(user) -> QuerySet[ProtocolAccessLogEntry]:
    """The access log is for site administrators only."""
    if not user.is_authenticated or not user_is_site_administrator(user):
        return ProtocolAccessLogEntry.objects.none()
    return ProtocolAccessLogEntry.objects.all()


def cycles_worked_in_by(user) -> QuerySet[ProgrammeCycle]:
    """The cycles whose meetings and participants the user records.

    Staff of the participating institutions do; so do superusers, who
    correct mistakes. Site administrators by permission only read.
    """
    if not user or not user.is_authenticated:
        return ProgrammeCycle.objects.none()
    if user.is_superuser:
        return ProgrammeCycle.objects.all()
    return ProgrammeCycle.objects.filter(cycle_membership_exists(user))


def user_works_in_cycle(user, cycle: ProgrammeCycle) -> bool:
    """Whether the cycle is among ``cycles_worked_in_by(user)``."""
    return cycles_worked_in_by(user).filter(pk=cycle.pk).exists()


def institutions_coordinated_by(user) -> QuerySet[Institution]:
    """The institutions the user approves protocols for: only coordinators approve."""
    return Institution.objects.filter(
        memberships__user=user, memberships__role=MembershipRole.COORDINATOR
    )


def approvals_current(protocol) -> QuerySet[ProtocolApproval]:
    """The approvals of ``protocol`` (or an ``OuterRef`` to one) that no change has superseded."""
    return ProtocolApproval.objects.filter(protocol=protocol, superseded_at__isnull=True)


def protocol_has_current_approvals(protocol: MeetingProtocol) -> bool:
    """Whether saving a change resets approvals (``services.protocol_save``)."""
    return approvals_current(protocol).exists()


def institutions_user_may_approve_for(user, protocol: MeetingProtocol) -> list[Institution]:
    """The institutions present at a submitted meeting that the user can still approve for.

    Only coordinators approve, each for their own institution, once per revision.
    """
    if not user.is_authenticated or protocol.status != ProtocolStatus.SUBMITTED:
        return []
    return list(
        institutions_coordinated_by(user)
        .filter(protocols_attended=protocol)
        .exclude(Exists(approvals_current(protocol).filter(institution=OuterRef("pk"))))
    )


# --- Search ------------------------------------------------------------------


def protocols_matching(*, user, query: str):
    """Protocols the user may see whose text matches ``query``, best match first.

    Search backends filter only on indexed fields, so the visibility rule is
    applied as the cycles the user may see (``MeetingProtocol.search_fields``).
    """
    if not user.is_authenticated:
        return MeetingProtocol.objects.none()
    visible_cycles = list(cycles_visible_to(user).values_list("pk", flat=True))
    protocols = MeetingProtocol.objects.filter(cycle__in=visible_cycles).select_related(
        "cycle__provider"
    )
    return get_search_backend().search(query, protocols)


# --- The admin's filters ------------------------------------------------------


def people_in_access_log():
    """Everyone the access log names, for its filter; only site administrators read the log."""
    return (
        get_user_model()
        .objects.filter(protocol_access_log__isnull=False)
        .distinct()
        .order_by("email")
    )
