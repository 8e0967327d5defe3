"""Write the demo data so that running ``load_demo`` again changes nothing.

Every row is found again by a natural key (an institution's short name, a
page's Slovenian slug under its parent, a person's e-mail address, a
programme cycle's code) and saved only when one of its fields differs, so a
second run leaves timestamps, revisions, translations and the search index as
they were.
"""

import dataclasses
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource

from meetings import services as meetings_services
from meetings.models import (
    ActionItem,
    AgendaItem,
    CyclePhase,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ProgrammeCycle,
    ProtocolGuest,
    ProtocolStatus,
    ReviewOutcome,
)
from partners.models import Institution, MembershipRole
from partners.services import membership_grant

from .institutions import INSTITUTIONS
from .meetings import CYCLES, DemoCycle, DemoProtocol
from .pages import CHILDREN, HOME, DemoPage, Heading
from .people import PEOPLE, DemoPerson

TRANSLATION_LANGUAGES = ("hr", "en")


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class DemoDataError(Exception):
    """The demo data does not fit the database, e.g. a text lacks a translation."""


@dataclass(frozen=True)
class PersonResult:
    email: str
    role: str
    outcome: Outcome
    # Set only when the password was (re)generated: it is never stored in clear.
    password: str | None


def _assign(instance, values) -> bool:
    """Set the fields whose value differs; whether there was any."""
    changed = False
    for field, value in values.items():
        if getattr(instance, field) != value:
            setattr(instance, field, value)
            changed = True
    return changed


def _sync(instance, values) -> Outcome:
    """Save ``instance`` with ``values`` if it is new or one of them differs."""
    is_new = instance._state.adding
    if not _assign(instance, values) and not is_new:
        return Outcome.UNCHANGED
    instance.full_clean()
    instance.save()
    return Outcome.CREATED if is_new else Outcome.UPDATED


# --- Institutions ---------------------------------------------------------


def load_institutions() -> list[Outcome]:
    """The partner institutions, found by short name."""
    return [
        _sync(
            Institution.objects.filter(short_name=data["short_name"]).first() or Institution(), data
        )
        for data in INSTITUTIONS
    ]


# --- Pages and their translations ---------------------------------------


def load_pages() -> tuple[list[Outcome], list[Outcome]]:
    """The Slovenian home page and its children, then their translations.

    Returns what happened to the Slovenian pages and to their translations.
    """
    home = _site_root()
    synced = [(home, HOME, _sync_page(home, HOME))]
    for data in CHILDREN:
        page = _child(home, data)
        synced.append((page, data, _sync_page(page, data, parent=home)))
    # The home page comes first, so each child's translation finds its translated parent.
    translated = []
    for page, data, outcome in synced:
        translated += _sync_translations(page, data, source_changed=outcome != Outcome.UNCHANGED)
    return [outcome for _page, _data, outcome in synced], translated


def _site_root():
    """The Slovenian home page, created by the migrations as the default site's root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoDataError("There is no default site; run the migrations first.")
    return _checked(site.root_page.specific, HOME)


def _child(parent, data: DemoPage):
    """The child page with the data's Slovenian slug, or a new unsaved one."""
    page = parent.get_children().filter(slug=data.slug.sl).specific().first()
    if page is None:
        return apps.get_model(data.model)()
    return _checked(page, data)


def _checked(page, data: DemoPage):
    if not isinstance(page, apps.get_model(data.model)):
        raise DemoDataError(f"{page.url_path} is a {type(page).__name__}, not a {data.model}.")
    return page


def _sync_page(page, data: DemoPage, *, parent=None) -> Outcome:
    """Publish the Slovenian content if it is new or differs from the data.

    ``parent`` is where a new page goes; the home page is never new.
    """
    is_new = page._state.adding
    changed = _assign(
        page,
        {
            "title": data.title.sl,
            "slug": data.slug.sl,
            "introduction": data.introduction.sl,
            "show_in_menus": data.show_in_menus,
        },
    )
    body = _stream_data(data)
    if hasattr(page, "body") and _raw_stream_data(page.body) != body:
        page.body = [(block["type"], block["value"]) for block in body]
        changed = True
    if is_new:
        parent.add_child(instance=page)
    republished = changed or not page.live
    if republished:
        page.save_revision().publish()
    restricted = data.members_only and _restrict_to_logged_in_users(page)
    if is_new:
        return Outcome.CREATED
    return Outcome.UPDATED if republished or restricted else Outcome.UNCHANGED


def _stream_data(data: DemoPage) -> list[dict]:
    """The body's Slovenian blocks in the shape StreamField stores them (less the ids)."""
    return [
        {"type": "heading", "value": {"text": block.text.sl, "level": "h2"}}
        if isinstance(block, Heading)
        else {"type": "paragraph", "value": f"<p>{block.text.sl}</p>"}
        for block in data.body
    ]


def _raw_stream_data(stream_value) -> list[dict]:
    return [{"type": block["type"], "value": block["value"]} for block in stream_value.raw_data]


def _restrict_to_logged_in_users(page) -> bool:
    """Add the login restriction if missing; whether it was."""
    restriction = PageViewRestriction.LOGIN
    if page.view_restrictions.filter(restriction_type=restriction).exists():
        return False
    PageViewRestriction.objects.create(page=page, restriction_type=restriction)
    return True


def _sync_translations(page, data: DemoPage, *, source_changed: bool) -> list[Outcome]:
    """Translate the page through wagtail-localize, so the admin shows synced translations.

    The page's TranslationSource is refreshed only when the Slovenian page
    changed; a translation is saved (and published) only when it is missing,
    its strings changed, or its source did.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if source_changed and not created:
        source.update_from_db()
    return [
        _sync_translation(
            source, page, data, Locale.objects.get(language_code=code), source_changed
        )
        for code in TRANSLATION_LANGUAGES
    ]


def _sync_translation(source, page, data: DemoPage, locale, source_changed: bool) -> Outcome:
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    strings_changed = _import_strings(translation, _translated_strings(data, locale.language_code))
    target_exists = page.get_translations().filter(locale=locale).exists()
    if target_exists and not (strings_changed or source_changed):
        return Outcome.UNCHANGED
    translation.save_target(publish=False)
    _publish_latest_revision(source.get_translated_instance(locale))
    return Outcome.UPDATED if target_exists else Outcome.CREATED


def _publish_latest_revision(page):
    """Publish the draft that wagtail-localize has just saved.

    ``save_target(publish=True)`` would publish when the transaction commits,
    from the page as it was in memory: by then the translated children exist,
    and the stale child count it saves hides them from Wagtail's routing. A
    page read afresh from the database has the right count.
    """
    page.get_latest_revision().publish()


def _translated_strings(data: DemoPage, language: str) -> dict[str, str]:
    """Each Slovenian text of the page mapped to its translation into ``language``."""
    texts = [data.slug, data.title, data.introduction, *(block.text for block in data.body)]
    return {text.sl: getattr(text, language) for text in texts}


def _import_strings(translation, strings: dict[str, str]) -> bool:
    """Fill the translation's PO file from ``strings`` and import it; whether any changed."""
    po = translation.export_po()
    changed = False
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid not in strings:
            raise DemoDataError(
                f"No {translation.target_locale.language_code} translation of "
                f"{entry.msgid!r} ({entry.msgctxt})."
            )
        if entry.msgstr != strings[entry.msgid]:
            entry.msgstr = strings[entry.msgid]
            changed = True
    if changed:
        translation.import_po(po)
    return changed


# --- People ----------------------------------------------------------------


def load_people(*, reset_passwords: bool = False) -> list[PersonResult]:
    """One user per role; a password is generated for new users, or for all on request.

    Then the programme cycles these people work on (``load_meetings``): their
    protocols name them as present, as authors and as approvers.
    """
    people = [_sync_person(person, reset_password=reset_passwords) for person in PEOPLE]
    load_meetings()
    return people


def _demo_email(key: str) -> str:
    return f"{key}@{settings.PORTAL_DEMO_EMAIL_DOMAIN}"


def _sync_person(person: DemoPerson, *, reset_password: bool) -> PersonResult:
    email = _demo_email(person.key)
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    password = None
    if user is None:
        user = user_model(username=get_adapter().generate_unique_username([email]), email=email)
        password = _new_password()
        user.set_password(password)
    outcome = _sync(
        user,
        {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "is_active": True,
            "is_staff": person.is_superuser,
            "is_superuser": person.is_superuser,
        },
    )
    if reset_password and outcome is not Outcome.CREATED:
        password = _new_password()
        user.set_password(password)
        user.save(update_fields=["password"])
    _sync(
        EmailAddress.objects.filter(user=user, email=email).first()
        or EmailAddress(user=user, email=email),
        {"primary": True, "verified": True},
    )
    user.groups.set([Group.objects.get(name=name) for name in person.groups])
    if person.membership:
        short_name, role = person.membership
        membership_grant(
            user=user, institution=Institution.objects.get(short_name=short_name), role=role
        )
    return PersonResult(email=email, role=person.role, outcome=outcome, password=password)


def _new_password() -> str:
    return secrets.token_urlsafe(12)


# --- Programme cycles and their meetings ---------------------------------


def load_meetings() -> list[Outcome]:
    """The demo programme cycles with their participants and protocols, found by code.

    A cycle that exists is left as it is: its protocols are records that
    people may since have changed and approved, not demo text to refresh. A
    new one is written through ``meetings.services``, as the portal writes
    it, so its revisions, history and approvals are real.
    """
    users = {
        user.email.partition("@")[0]: user
        for user in get_user_model().objects.filter(
            email__in=[_demo_email(person.key) for person in PEOPLE]
        )
    }
    return [_load_cycle(data, users) for data in CYCLES]


@dataclass
class _CycleRecords:
    """What a cycle's meetings refer to, by the keys the demo data uses."""

    cycle: ProgrammeCycle
    institutions: dict[str, Institution]
    users: dict
    participants: dict[int, Participant] = dataclasses.field(default_factory=dict)
    action_items: dict[str, ActionItem] = dataclasses.field(default_factory=dict)


def _load_cycle(data: DemoCycle, users) -> Outcome:
    if ProgrammeCycle.objects.filter(code=data.code).exists():
        return Outcome.UNCHANGED
    if [p.entered_on for p in data.participants] != sorted(p.entered_on for p in data.participants):
        # The portal numbers participants as they are added, and entries refer to the numbers.
        raise DemoDataError(f"List the participants of {data.code} in the order they entered.")
    names = [data.provider, *data.institutions]
    institutions = Institution.objects.in_bulk(names, field_name="short_name")
    if len(institutions) != len(names):
        raise DemoDataError(f"{data.code}: no institution {set(names) - set(institutions)}.")
    cycle = ProgrammeCycle(
        programme_name_sl=data.programme_name.sl,
        programme_name_hr=data.programme_name.hr,
        programme_name_en=data.programme_name.en,
        code=data.code,
        provider=institutions[data.provider],
        locations=data.locations,
        target_group=data.target_group,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        max_group_size=data.max_group_size,
    )
    cycle.phases = [
        CyclePhase(name=p.name, starts_on=p.starts_on, ends_on=p.ends_on, sort_order=number)
        for number, p in enumerate(data.phases)
    ]
    cycle.full_clean()
    cycle.save()
    cycle.institutions.set(institutions.values())
    records = _CycleRecords(cycle=cycle, institutions=institutions, users=users)
    # Each meeting finds the group as it was on its day: who had entered, who had left.
    for protocol in sorted(data.protocols, key=lambda p: p.day):
        _record_participants(data, records, until=protocol.day)
        _load_protocol(protocol, records)
    _record_participants(data, records, until=date.max)
    return Outcome.CREATED


def _record_participants(data: DemoCycle, records: _CycleRecords, *, until: date) -> None:
    """Add the participants who entered by ``until``, and record who had left by then."""
    recorder = records.users[data.recorded_by]
    for number, person in enumerate(data.participants, start=1):
        participant = records.participants.get(number)
        if participant is None and person.entered_on <= until:
            participant = meetings_services.participant_create(
                cycle=records.cycle,
                user=recorder,
                target_group=person.target_group,
                entered_on=person.entered_on,
                note=person.note,
            )
            records.participants[number] = participant
        left = person.exited_on and person.exited_on <= until
        if participant and left and participant.exited_on is None:
            meetings_services.participant_update(
                participant=participant,
                user=recorder,
                exited_on=person.exited_on,
                exit_outcome=person.exit_outcome,
            )


def _load_protocol(data: DemoProtocol, records: _CycleRecords) -> None:
    """Write the protocol, review earlier items, then submit and approve it as far as it got."""
    author = records.users[data.author]
    protocol = MeetingProtocol(
        cycle=records.cycle,
        kind=data.kind,
        starts_at=timezone.make_aware(datetime.combine(data.day, time(data.hour))),
        place=data.place,
        is_online=data.is_online,
        language=data.language,
        apologies=data.apologies,
        decisions=data.decisions,
        next_meeting_on=data.next_meeting_on,
        **(dataclasses.asdict(data.agreement) if data.agreement else {}),
    )
    protocol.institutions_present = [records.institutions[name] for name in data.institutions]
    protocol.staff_present = [records.users[key] for key in data.staff]
    # Rows are numbered as the portal's forms number them, so they keep their order.
    protocol.guests = [
        ProtocolGuest(name=name, institution=institution, sort_order=number)
        for number, (name, institution) in enumerate(data.guests)
    ]
    protocol.agenda_items = [
        AgendaItem(title=item.title, discussion=item.discussion, sort_order=number)
        for number, item in enumerate(data.agenda)
    ]
    protocol.participant_entries = [
        ParticipantEntry(
            participant=records.participants[entry.participant],
            text=entry.text,
            agreed_steps=entry.agreed_steps,
            planned_exit=entry.planned_exit,
        )
        for entry in data.entries
    ]
    protocol.action_items = [
        ActionItem(
            description=item.description,
            responsible_institution=records.institutions[item.institution],
            responsible_person=records.users[item.person] if item.person else None,
            due_on=item.due_on,
            sort_order=number,
        )
        for number, item in enumerate(data.action_items)
    ]
    meetings_services.protocol_save(protocol=protocol, user=author)
    saved_items = ActionItem.objects.filter(protocol=protocol).order_by("sort_order")
    for item, saved in zip(data.action_items, saved_items, strict=True):
        records.action_items[item.key] = saved
    for review in data.reviews:
        _review(review, protocol, records, user=author)
    if data.status != ProtocolStatus.DRAFT:
        meetings_services.protocol_submit(protocol=protocol, user=author)
    if data.status == ProtocolStatus.SUBMITTED:
        _approve(protocol, data.approved_by, records)
    elif data.status == ProtocolStatus.APPROVED:
        _approve(protocol, data.institutions, records)
        if data.amendment:
            _amend(protocol, data, records)
    protocol.refresh_from_db(fields=["status"])
    if protocol.status != data.status:
        # E.g. a "submitted" protocol that every institution present approved.
        raise DemoDataError(f"{protocol} ended up {protocol.status}, not {data.status}.")


def _amend(protocol, data: DemoProtocol, records: _CycleRecords) -> None:
    """Change the approved text, as *Amend* does; every institution present approves it again."""
    amended = MeetingProtocol.objects.get(pk=protocol.pk)
    amended.decisions = data.amendment.decisions
    meetings_services.protocol_save(
        protocol=amended,
        user=records.users[data.amendment.author],
        loaded_revision_id=amended.latest_revision_id,
    )
    _approve(amended, data.institutions, records)


def _review(review, protocol, records: _CycleRecords, *, user) -> None:
    item = records.action_items[review.item]
    if review.outcome == ReviewOutcome.CARRIED_FORWARD:
        meetings_services.action_item_carry_forward(
            action_item=item, protocol=protocol, user=user, due_on=review.due_on, note=review.note
        )
    else:
        meetings_services.action_item_close(
            action_item=item, protocol=protocol, user=user, outcome=review.outcome, note=review.note
        )


def _approve(protocol, institution_names, records: _CycleRecords) -> None:
    """Each institution approves through its demo coordinator."""
    coordinators = {
        person.membership[0]: person.key
        for person in PEOPLE
        if person.membership and person.membership[1] == MembershipRole.COORDINATOR
    }
    for name in institution_names:
        if name not in coordinators:
            raise DemoDataError(f"{name} has no demo coordinator to approve the protocol.")
        meetings_services.protocol_approve(
            protocol=protocol,
            user=records.users[coordinators[name]],
            institution=records.institutions[name],
        )
