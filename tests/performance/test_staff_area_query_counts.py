"""The staff area's pages run a number of SQL queries that does not grow with a cycle's work.

"My work", the cycle page and the protocol page are each measured for a
coordinator at two sizes of the same kind of work: few and many cycles,
protocols, participants, action items (set, carried forward and closed by
later meetings, linking guides and services of the knowledge base),
institutions present with their approvals, and rows (agenda items, guests,
phases). Both sizes must run the same number of queries, and
the count at the larger size is pinned, as in ``test_query_counts``.
Everything is built through ``meetings.services``, as the staff pages build it.
"""

import itertools
from dataclasses import dataclass
from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from knowledge_base.factories import (
    DirectoryPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    LocalServiceFactory,
)
from meetings import services
from meetings.factories import CyclePhaseFactory, ProgrammeCycleFactory, meeting_time
from meetings.models import (
    ActionItem,
    ActionItemReview,
    AgendaItem,
    MeetingKind,
    MeetingProtocol,
    ParticipantEntry,
    ProtocolGuest,
    ReviewOutcome,
    TargetGroup,
)
from meetings.selectors import DASHBOARD_LIST_LENGTH
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import Country, InstitutionKind, MembershipRole

from .counting import assert_pinned, queries, url

pytestmark = pytest.mark.django_db

# The pinned counts, at the larger size. When a change makes one of them move,
# check that the new count still holds at both sizes, then update it here with
# the reason in the commit. Each count is made of:
# - 10 of every signed-in page: the session, the user and their authenticator
#   (MFA); the SAVEPOINT and RELEASE of the request's transaction; the site, the
#   view restrictions and the menu of the page's frame; the
#   header's "may invite colleagues" and "has a staff area" ("My work");
# - 2 for the person's permissions: is it a site administrator, who sees every cycle;
# - and what the page itself reads, as follows.
# "My work": its 5 lists (cycles, meetings with a protocol, meetings announced
# without one, open action items, protocols awaiting approval) and the knowledge
# base's 2 (guides of the person's institutions due for review, open follow-ups of
# study visits).
MY_WORK = 19
# The cycle, its 5 lists (institutions, phases, participants, protocols, open
# action items) and whether the person works in the cycle.
CYCLE_PAGE = 19
# The protocol, the access-log entry every view writes (an INSERT), whether the
# person works in the cycle, the 8 parts of the record (institutions and staff
# present, guests, agenda, participant entries, action items, reviews of earlier
# items, current approvals) and its history; the guides its action items link in the
# reader's language, the view restrictions and the directory page of that language for
# the services they link; then, when submitted, the institutions the person may still
# approve for and its filed approved versions ...
PROTOCOL_PAGE_SUBMITTED = 29
# ... or, as a draft, the 6 reads of what it still lacks (institutions, staff,
# participant entries, the participants expected, action items, and the reviews
# whose new due dates must not come before the meeting), 5 of which read again
# what the record has read already.
PROTOCOL_PAGE_DRAFT = 33
# The form of a new closing meeting: the cycle, whether the person works in it,
# and the 6 lists every row shares (``meetings.selectors.ProtocolChoices``:
# institutions, staff, participants, open items of earlier meetings, guides and
# services), the guides read with the view restrictions that say which are public
# and with their translations into the reader's language.
NEW_PROTOCOL_FORM = 22
# The form of a submitted protocol: as above with the protocol instead of the
# cycle, plus the access-log entry, the protocol's 5 kinds of rows (each read
# once, for the rows shown and for those still to offer), what it says was
# present (institutions, staff), and whether it has approvals a change resets.
PROTOCOL_EDIT_FORM = 31

# Each world has its own institutions, with names that tell them apart.
_world_numbers = itertools.count(1)


@dataclass(frozen=True)
class Size:
    """How much work a cycle has; every later meeting reviews the items of the one before."""

    present: int  # institutions present at each meeting, of the cycle's four
    participants: int
    protocols: int  # an approved intake meeting, then submitted mid-term meetings
    action_items: int  # set at each meeting
    rows: int  # agenda items and guests of each meeting, phases of the cycle
    other_cycles: int  # more cycles the coordinator's institution takes part in
    linked: int  # guides and services the action items link, of ``LINKABLE``


# Guides and services there are to link; each world's items link ``Size.linked`` of them.
LINKABLE = 4
FEW = Size(present=2, participants=2, protocols=2, action_items=1, rows=1, other_cycles=0, linked=1)
MANY = Size(
    present=4, participants=12, protocols=6, action_items=8, rows=4, other_cycles=2, linked=4
)


@dataclass(frozen=True)
class Linkable:
    """Published guides and services of the directory, which action items link."""

    guides: list
    services: list


@dataclass(frozen=True)
class StaffWork:
    """A coordinator's work in a cycle, and the protocols whose pages are measured."""

    coordinator: object
    cycle: object
    submitted: MeetingProtocol  # the latest meeting, approved by all but the coordinator's
    draft: MeetingProtocol  # a closing meeting lacking exit plans and due dates


def _staff(institution, role):
    return MembershipFactory(institution=institution, role=role, user__totp=True).user


def _staff_work(size: Size, linkable: Linkable) -> StaffWork:
    """A cycle of four institutions with ``size`` of everything, seen by a coordinator of one.

    The meetings lie ahead (so "My work" lists them) and each announces the
    next one; the coordinator's institution is responsible for every action
    item and has approved only the intake meeting. Every item links a guide,
    every other one a service too.
    """
    number = next(_world_numbers)
    today = timezone.localdate()
    csd = InstitutionFactory(short_name=f"CSD Gorenjska {number}")
    provider = InstitutionFactory(
        short_name=f"LU Kranj {number}", kind=InstitutionKind.PROGRAMME_PROVIDER
    )
    employment_office = InstitutionFactory(
        short_name=f"HZZ Osijek {number}",
        country=Country.CROATIA,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
    )
    coordinators_unit = InstitutionFactory(
        short_name=f"RME Gorenjska {number}", kind=InstitutionKind.COORDINATORS_UNIT
    )
    cycle = ProgrammeCycleFactory(
        provider=provider,
        institutions=[csd, employment_office, coordinators_unit],
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=240),
    )
    for _ in range(size.rows):
        CyclePhaseFactory(cycle=cycle)
    for _ in range(size.other_cycles):
        ProgrammeCycleFactory(institutions=[csd])
    present = [csd, provider, employment_office, coordinators_unit][: size.present]
    institutions = [csd, provider, employment_office, coordinators_unit]
    coordinators = {i.pk: _staff(i, MembershipRole.COORDINATOR) for i in institutions}
    members = {i.pk: _staff(i, MembershipRole.MEMBER) for i in institutions}
    author = members[csd.pk]
    participants = [
        services.participant_create(
            cycle=cycle, user=author, target_group=TargetGroup.ADULTS, entered_on=cycle.starts_on
        )
        for _ in range(size.participants)
    ]
    responsible = [members[csd.pk], coordinators[csd.pk], None]
    guides, referrals = linkable.guides[: size.linked], linkable.services[: size.linked]

    earlier_items = []
    for index in range(size.protocols):
        day = today + timedelta(days=7 * (index + 1))
        protocol = _meeting(
            cycle,
            MeetingKind.INTAKE if index == 0 else MeetingKind.MID_TERM,
            day,
            present=present,
            staff=[members[i.pk] for i in present] + [coordinators[i.pk] for i in present],
            rows=size.rows,
        )
        protocol.next_meeting_on = day + timedelta(days=3)
        protocol.participant_entries = [
            ParticipantEntry(
                participant=participant,
                text="Redno obiskovanje delavnic.",
                agreed_steps="Priprava življenjepisa.",
            )
            for participant in participants
        ]
        protocol.action_items = [
            ActionItem(
                description=f"Pripraviti seznam lokalnih programov {index}.{item}",
                responsible_institution=csd,
                responsible_person=responsible[item % len(responsible)],
                due_on=day + timedelta(days=14),
                sort_order=item,
                guide=guides[item % len(guides)],
                service=referrals[item % len(referrals)] if item % 2 == 0 else None,
            )
            for item in range(size.action_items)
        ]
        protocol.action_item_reviews = [
            _review(item, day, k) for k, item in enumerate(earlier_items)
        ]
        services.protocol_save(protocol=protocol, user=author)
        services.protocol_submit(protocol=protocol, user=author)
        approving = present if index == 0 else present[1:]
        for institution in approving:
            services.protocol_approve(
                protocol=protocol, user=coordinators[institution.pk], institution=institution
            )
        earlier_items = list(protocol.action_items.order_by("sort_order"))

    draft = _meeting(
        cycle,
        MeetingKind.CLOSING,
        today + timedelta(days=7 * (size.protocols + 1)),
        present=present,
        staff=[members[i.pk] for i in present],
        rows=size.rows,
    )
    draft.action_items = [
        ActionItem(
            description=f"Poiskati izhod {item}",
            responsible_institution=csd,
            guide=guides[item % len(guides)],
            service=referrals[item % len(referrals)] if item % 2 == 0 else None,
        )
        for item in range(size.action_items)
    ]
    services.protocol_save(protocol=draft, user=author)
    return StaffWork(
        coordinator=coordinators[csd.pk],
        cycle=cycle,
        submitted=MeetingProtocol.objects.get(pk=protocol.pk),
        draft=draft,
    )


def _meeting(cycle, kind, day, *, present, staff, rows):
    protocol = MeetingProtocol(
        cycle=cycle,
        kind=kind,
        starts_at=meeting_time(day),
        place="Sejna soba CSD Kranj",
        language="sl",
        decisions="Skupina nadaljuje z delavnicami.",
    )
    protocol.institutions_present = present
    protocol.staff_present = staff
    protocol.guests = [
        ProtocolGuest(name=f"Gost {row}", institution="Mestna knjižnica Kranj")
        for row in range(rows)
    ]
    protocol.agenda_items = [
        AgendaItem(title=f"Točka {row}", discussion="Pregled dela v skupini.")
        for row in range(rows)
    ]
    return protocol


def _review(item, day, position):
    """Every other earlier item is done; the rest are carried forward with a new due date."""
    if position % 2:
        return ActionItemReview(action_item=item, outcome=ReviewOutcome.DONE)
    return ActionItemReview(
        action_item=item, outcome=ReviewOutcome.CARRIED_FORWARD, due_on=day + timedelta(days=21)
    )


def _signed_in(user):
    """A browser of its own for each coordinator, signed in with MFA set up."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def linkable(home_pages):
    """Published guides and services, with the guide index and the directory they are read in."""
    index = GuideIndexPageFactory(parent=home_pages["sl"])
    index.save_revision().publish()
    DirectoryPageFactory(parent=home_pages["sl"]).save_revision().publish()
    guides = [GuidePageFactory(parent=index) for _ in range(LINKABLE)]
    for guide in guides:
        guide.save_revision().publish()
    return Linkable(
        guides=guides,
        services=[LocalServiceFactory(municipality=f"Kranj {n}") for n in range(LINKABLE)],
    )


@pytest.fixture
def few(linkable):
    return _staff_work(FEW, linkable)


@pytest.fixture
def many(linkable):
    return _staff_work(MANY, linkable)


def _my_work(work):
    return url("meetings:my_work")


def _cycle_page(work):
    return url("meetings:cycle", work.cycle.pk)


def _submitted_protocol_page(work):
    return url("meetings:protocol", work.submitted.pk)


def _draft_protocol_page(work):
    return url("meetings:protocol", work.draft.pk)


def _new_closing_protocol_form(work):
    """A meeting after all the others: a row for every participant and every open item."""
    day = timezone.localdate(work.draft.starts_at) + timedelta(days=7)
    return f"{url('meetings:protocol_create', work.cycle.pk)}?kind=closing&on={day.isoformat()}"


def _submitted_protocol_form(work):
    return url("meetings:protocol_edit", work.submitted.pk)


def test_the_larger_size_fills_every_list_the_pages_show(many, linkable):
    """So that an equal count at both sizes means something."""
    client = _signed_in(many.coordinator)

    work = client.get(_my_work(many)).context["work"]
    overview = client.get(_cycle_page(many)).context["overview"]
    record = client.get(_submitted_protocol_page(many)).context["record"]
    missing = client.get(_draft_protocol_page(many)).context["missing"]

    assert len(work.cycles) == 1 + MANY.other_cycles
    # Every meeting with a protocol, and the next one each of them announced.
    assert len(work.upcoming_meetings) == (MANY.protocols + 1) + MANY.protocols
    assert len(work.awaiting_approval) == MANY.protocols - 1
    assert len(work.open_action_items) == DASHBOARD_LIST_LENGTH
    assert len(overview.participants) == MANY.participants
    assert len(overview.protocols) == MANY.protocols + 1
    assert len(overview.open_action_items) > DASHBOARD_LIST_LENGTH
    assert len(overview.phases) == MANY.rows
    assert len(record.participant_entries) == MANY.participants
    assert len(record.action_items) == MANY.action_items
    # Every item links a guide, every other one a service too; all the guides are linked.
    assert [len(item.references) for item in record.action_items] == [2, 1] * (
        MANY.action_items // 2
    )
    assert {item.guide for item in record.action_items} == set(linkable.guides)
    assert {review.outcome for review in record.reviews} == {"carried_forward", "done"}
    assert len(record.reviews) == MANY.action_items
    assert len(record.approvals) == MANY.present - 1
    assert len(record.institutions_not_yet_approved) == 1
    # The exit plans of all participants in one sentence, and a due date for each item.
    assert len(missing) == 1 + MANY.action_items


@pytest.mark.parametrize(
    "page",
    [_my_work, _cycle_page, _submitted_protocol_page, _draft_protocol_page],
    ids=["my-work", "cycle", "protocol-submitted", "protocol-draft"],
)
def test_staff_page_queries_do_not_grow_with_the_work_of_the_cycle(few, many, page):
    few_queries = queries(_signed_in(few.coordinator), page(few))

    assert queries(_signed_in(many.coordinator), page(many)) == few_queries


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (_my_work, MY_WORK),
        (_cycle_page, CYCLE_PAGE),
        (_submitted_protocol_page, PROTOCOL_PAGE_SUBMITTED),
        (_draft_protocol_page, PROTOCOL_PAGE_DRAFT),
    ],
    ids=["my-work", "cycle", "protocol-submitted", "protocol-draft"],
)
def test_staff_page_query_count(many, page, expected, django_assert_num_queries):
    assert_pinned(_signed_in(many.coordinator), page(many), expected, django_assert_num_queries)


@pytest.mark.parametrize(
    "page",
    [_new_closing_protocol_form, _submitted_protocol_form],
    ids=["new-closing-protocol", "edit-submitted-protocol"],
)
def test_protocol_form_queries_do_not_grow_with_its_rows(few, many, page):
    """Rows for participants, new action items and reviews of earlier items."""
    few_queries = queries(_signed_in(few.coordinator), page(few))

    assert queries(_signed_in(many.coordinator), page(many)) == few_queries


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (_new_closing_protocol_form, NEW_PROTOCOL_FORM),
        (_submitted_protocol_form, PROTOCOL_EDIT_FORM),
    ],
    ids=["new-closing-protocol", "edit-submitted-protocol"],
)
def test_protocol_form_query_count(many, page, expected, django_assert_num_queries):
    assert_pinned(_signed_in(many.coordinator), page(many), expected, django_assert_num_queries)
