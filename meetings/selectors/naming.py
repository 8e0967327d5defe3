"""What a protocol may name: its cycle's institutions, staff, participants and earlier items.

The forms of both doors offer these, and ``meetings.rules`` refuses
anything else, so nobody can pick, or even see, what belongs to another cycle.
An action item may also link a practice guide and a local service of the
knowledge base, which are public: every published guide, every service.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.functional import cached_property

from knowledge_base.models import GuidePage, LocalService
from knowledge_base.selectors import in_locale, translation_sources_only
from partners.models import Institution, Membership
from portal.languages import active_locale
from portal.people import person_label

from ..models import (
    CLOSING_OUTCOMES,
    ActionItem,
    ActionItemReview,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
)

# --- What a protocol may name -------------------------------------------------------


def institutions_of_cycles(cycles) -> QuerySet[Institution]:
    """The institutions taking part in ``cycles`` (cycles or their pks)."""
    return Institution.objects.filter(programme_cycles__in=cycles).distinct().order_by("short_name")


def staff_of_cycles(cycles) -> QuerySet:
    """People working for an institution of ``cycles``: those a protocol may name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__institution__programme_cycles__in=cycles)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def staff_memberships_of_cycles(cycles) -> set[tuple[int, int]]:
    """(person, institution) for everyone active working for an institution of ``cycles``."""
    return set(
        Membership.objects.filter(
            institution__in=institutions_of_cycles(cycles).order_by(), user__is_active=True
        ).values_list("user_id", "institution_id")
    )


def participants_of_cycles(cycles) -> QuerySet[Participant]:
    return Participant.objects.filter(cycle__in=cycles).order_by("cycle", "number")


def participants_in_programme(cycle: ProgrammeCycle) -> QuerySet[Participant]:
    """The participants of the cycle who have not left it: those who count against its size."""
    return cycle.participants.filter(exited_on__isnull=True)


def action_items_of_cycles(cycles) -> QuerySet[ActionItem]:
    """Items set at meetings of ``cycles``: those a protocol's reviews may name."""
    return ActionItem.objects.filter(protocol__cycle__in=cycles).select_related("protocol")


def action_items_with_meeting(pks) -> dict[int, ActionItem]:
    """The action items by pk, each with the protocol of the meeting that set it."""
    return ActionItem.objects.select_related("protocol").in_bulk(pks)


def action_item_reviews_closing_elsewhere(protocol: MeetingProtocol | None):
    """Reviews that closed an item at another meeting than ``protocol`` (any, if it is new)."""
    closing = ActionItemReview.objects.filter(outcome__in=CLOSING_OUTCOMES)
    if protocol is not None and protocol.pk:
        closing = closing.exclude(protocol_id=protocol.pk)
    return closing


def action_items_to_review(
    *, cycle: ProgrammeCycle, before=None, protocol: MeetingProtocol | None = None
) -> QuerySet[ActionItem]:
    """Items of earlier meetings that a meeting on ``before`` should carry forward or close.

    Those set before it (any, while the meeting has no date yet), at a
    meeting whose protocol was submitted (a draft's items are only proposed),
    and not closed at another meeting; ``protocol`` is the meeting itself
    when it is being edited, whose own items and decisions do not count.
    """
    closed_elsewhere = action_item_reviews_closing_elsewhere(protocol).filter(
        action_item=OuterRef("pk")
    )
    items = ActionItem.objects.in_effect().filter(protocol__cycle=cycle)
    if before is not None:
        items = items.filter(protocol__starts_at__lt=before)
    if protocol is not None and protocol.pk:
        items = items.exclude(protocol=protocol)
    return (
        items.exclude(Exists(closed_elsewhere))
        .with_state()
        .select_related("protocol", "responsible_institution", "responsible_person")
        .order_by("protocol__starts_at", "sort_order", "pk")
    )


def guides_to_refer_to(protocol: MeetingProtocol) -> QuerySet[GuidePage]:
    """The practice guides an action item may link: each published public guide once, as its source.

    A guide that ``protocol``'s items link already stays among them once it is
    unpublished, so that saving the protocol again does not drop the link unasked.
    """
    guides = translation_sources_only(GuidePage.objects.live().public())
    if protocol.pk is None:
        return guides
    linked = ActionItem.objects.filter(protocol=protocol, guide__isnull=False).values("guide_id")
    return GuidePage.objects.filter(Q(pk__in=guides.values("pk")) | Q(pk__in=linked))


def services_to_refer_to() -> QuerySet[LocalService]:
    """The local services an action item may link: the whole directory."""
    return LocalService.objects.order_by("municipality", "name")


def _alphabetical(text: str) -> str:
    """Sort "Č" right after "C", as Slovenian and Croatian readers expect, not after "Z"."""
    return unicodedata.normalize("NFKD", text.casefold())


@dataclass(frozen=True)
class ProtocolChoices:
    """What the forms of a protocol offer to choose from, on the portal and in the admin.

    The querysets validate what a form posts. The lists are what the page
    offers in every row, read once: a dropdown given a queryset reads it again
    for every row it is rendered in, so the form's queries would grow with its
    rows. ``open_items`` are the earlier meetings' items still to be decided
    on, each of which the form offers a row for.
    """

    institutions: QuerySet[Institution]
    staff: QuerySet
    participants: QuerySet[Participant]
    action_items: QuerySet[ActionItem]
    open_items: list[ActionItem]
    guides: QuerySet[GuidePage]
    services: QuerySet[LocalService]

    @cached_property
    def institution_choices(self) -> list[tuple[int, str]]:
        return [(institution.pk, institution.name) for institution in self.institutions]

    @cached_property
    def memberships(self) -> list[Membership]:
        """Who works for which institution of the cycles, read once for every list of people."""
        return list(
            Membership.objects.filter(
                institution__in=self.institutions.order_by(), user__is_active=True
            )
            .select_related("user", "institution")
            .order_by(
                "user__last_name", "user__first_name", "user__email", "institution__short_name"
            )
        )

    @cached_property
    def staff_choices(self) -> list[tuple[int, str]]:
        """Each person once, with the institutions they work for: "Ana Novak (CSD Ptuj)"."""
        institutions: dict = {}
        for membership in self.memberships:
            person = membership.user
            institutions.setdefault(person, []).append(membership.institution.short_name)
        return [
            (person.pk, f"{person_label(person)} ({', '.join(names)})")
            for person, names in institutions.items()
        ]

    @cached_property
    def staff_by_institution(self) -> list[tuple[str, list[tuple[int, str]]]]:
        """The people grouped by the institution they work for, as a dropdown's groups."""
        groups: dict = {}
        for membership in sorted(self.memberships, key=lambda m: m.institution.short_name):
            groups.setdefault(membership.institution.name, []).append(
                (membership.user_id, person_label(membership.user))
            )
        return list(groups.items())

    @cached_property
    def participant_choices(self) -> list[tuple[int, str]]:
        return [(pk, participant.code) for pk, participant in self.participants_by_pk.items()]

    @cached_property
    def action_item_choices(self) -> list[tuple[int, str]]:
        return [(item.pk, str(item)) for item in self.action_items]

    @cached_property
    def guide_choices(self) -> list[tuple[int, str]]:
        """Each guide by its title in the active language, where it is translated, by title."""
        sources = list(self.guides.defer_streamfields())
        shown = in_locale(sources, active_locale(), GuidePage)
        return sorted(
            ((source.pk, page.title) for source, page in zip(sources, shown, strict=True)),
            key=lambda choice: _alphabetical(choice[1]),
        )

    @cached_property
    def service_choices(self) -> list[tuple[int, str]]:
        """Each service as "name, municipality", by municipality and name."""
        return [
            (service.pk, f"{service.name}, {service.municipality}")
            for service in self.services.only("name", "municipality")
        ]

    @cached_property
    def participants_by_pk(self) -> dict[int, Participant]:
        return {participant.pk: participant for participant in self.participants}

    @cached_property
    def open_items_by_pk(self) -> dict[int, ActionItem]:
        return {item.pk: item for item in self.open_items}


def protocol_choices(protocol: MeetingProtocol, *, cycles=None) -> ProtocolChoices:
    """What the protocol's forms offer: its cycle's records, or those of ``cycles`` while new.

    A new protocol in the admin chooses its cycle in the same form, so until it
    is saved its rows offer what belongs to any of ``cycles`` (those its author
    works in); the services refuse what does not belong to the cycle chosen.
    A protocol reviews the items of other meetings, never its own. The guides
    and services are the same for every cycle.
    """
    if protocol.cycle_id is not None:
        cycles = [protocol.cycle_id]
    action_items = action_items_of_cycles(cycles)
    open_items = []
    if protocol.pk:
        action_items = action_items.exclude(protocol=protocol)
    if protocol.cycle_id is not None:
        open_items = list(
            action_items_to_review(
                cycle=protocol.cycle, before=protocol.starts_at, protocol=protocol
            )
        )
    return ProtocolChoices(
        institutions=institutions_of_cycles(cycles),
        staff=staff_of_cycles(cycles),
        participants=participants_of_cycles(cycles),
        action_items=action_items,
        open_items=open_items,
        guides=guides_to_refer_to(protocol),
        services=services_to_refer_to(),
    )
