"""What makes a protocol valid, and what makes it complete enough to submit.

Both read a protocol as a form leaves it before saving (its child rows and
many-to-many values still in memory, as modelcluster keeps them), so the
portal, the admin and the services judge the same protocol the same way.
A *valid* protocol can be saved as a draft; a *complete* one can be
submitted for approval.
"""

from django.utils.translation import gettext as _

from partners.models import Membership

from .models import (
    CLOSING_OUTCOMES,
    ActionItem,
    ActionItemReview,
    MeetingKind,
    MeetingProtocol,
)


def protocol_errors(protocol: MeetingProtocol) -> list[str]:
    """Why the protocol cannot be saved at all, one sentence each; empty when it can.

    Everything it names must belong to its cycle: institutions, staff,
    participants and the action items it reviews.
    """
    cycle = protocol.cycle
    cycle_institutions = set(cycle.institutions.values_list("pk", flat=True))
    errors = [
        _("%(institution)s does not take part in this programme cycle.")
        % {"institution": institution.name}
        for institution in protocol.institutions_present.all()
        if institution.pk not in cycle_institutions
    ]
    staff_of_cycle = set(
        Membership.objects.filter(institution__in=cycle_institutions).values_list(
            "user_id", flat=True
        )
    )
    errors += [
        _("%(person)s does not work for an institution of this programme cycle.")
        % {"person": person.get_full_name() or person.email}
        for person in protocol.staff_present.all()
        if person.pk not in staff_of_cycle
    ]
    seen_participants = set()
    for entry in protocol.participant_entries.all():
        if entry.participant.cycle_id != cycle.pk:
            errors.append(
                _("Participant %(code)s belongs to another programme cycle.")
                % {"code": entry.participant.code}
            )
        elif entry.participant_id in seen_participants:
            errors.append(
                _("Participant %(code)s has more than one entry.")
                % {"code": entry.participant.code}
            )
        seen_participants.add(entry.participant_id)
    for item in protocol.action_items.all():
        if item.responsible_institution_id not in cycle_institutions:
            errors.append(
                _("Action item “%(item)s”: %(institution)s does not take part in this cycle.")
                % {"item": item, "institution": item.responsible_institution.name}
            )
        if item.responsible_person_id and item.responsible_person_id not in staff_of_cycle:
            errors.append(
                _(
                    "Action item “%(item)s”: the responsible person does not work for an "
                    "institution of this cycle."
                )
                % {"item": item}
            )
    errors += _review_errors(protocol)
    return errors


def _review_errors(protocol: MeetingProtocol) -> list[str]:
    """A meeting reviews only open items set at earlier meetings of its own cycle, once each."""
    reviews = list(protocol.action_item_reviews.all())
    if not reviews:
        return []
    items = ActionItem.objects.select_related("protocol").in_bulk(
        [review.action_item_id for review in reviews]
    )
    closed_elsewhere = set(
        ActionItemReview.objects.filter(action_item__in=items, outcome__in=CLOSING_OUTCOMES)
        .exclude(protocol_id=protocol.pk)
        .values_list("action_item_id", flat=True)
    )
    errors, seen = [], set()
    for review in reviews:
        item = items[review.action_item_id]
        if item.protocol.cycle_id != protocol.cycle_id:
            errors.append(_("Action item “%(item)s” belongs to another cycle.") % {"item": item})
        elif protocol.starts_at and item.protocol.starts_at >= protocol.starts_at:
            errors.append(
                _(
                    "Action item “%(item)s” was set at this or a later meeting; only earlier "
                    "items are reviewed here."
                )
                % {"item": item}
            )
        elif item.pk in closed_elsewhere and review.outcome in CLOSING_OUTCOMES:
            errors.append(
                _("Action item “%(item)s” was already closed at another meeting.") % {"item": item}
            )
        if item.pk in seen:
            errors.append(_("Action item “%(item)s” is reviewed twice.") % {"item": item})
        seen.add(item.pk)
    return errors


def protocol_missing_parts(protocol: MeetingProtocol) -> list[str]:
    """What the protocol still lacks before it can be submitted, one sentence each."""
    missing = []
    if not protocol.place and not protocol.is_online:
        missing.append(_("Say where the meeting took place, or that it was held online."))
    if not protocol.institutions_present.all():
        missing.append(_("Name the institutions present."))
    if not protocol.staff_present.all():
        missing.append(_("Name the staff present."))
    if protocol.kind == MeetingKind.RECRUITMENT:
        missing += [
            _("Record the agreement on: %(point)s.") % {"point": label}
            for label, text in protocol.recruitment_points
            if not text.strip()
        ]
    elif protocol.kind == MeetingKind.INTAKE:
        codes = _participants_without_entry(protocol)
        if codes:
            missing.append(_("Record goals for participants %(codes)s.") % {"codes": codes})
    elif protocol.kind == MeetingKind.CLOSING:
        codes = _participants_without_entry(protocol)
        if codes:
            missing.append(_("Record an exit plan for participants %(codes)s.") % {"codes": codes})
    missing += [
        _("Give a due date for the action item “%(item)s”.") % {"item": item}
        for item in protocol.action_items.all()
        if item.due_on is None
    ]
    return missing


def participants_expected(protocol: MeetingProtocol):
    """The participants an intake or closing meeting must record something about.

    Everyone still in the programme on the day of the meeting: at the intake
    that is the whole group, at the closing those who have not left early.
    """
    day = protocol.meeting_day
    return [
        participant
        for participant in protocol.cycle.participants.all()
        if participant.is_in_programme_on(day)
    ]


def _participants_without_entry(protocol: MeetingProtocol) -> str:
    recorded = {
        entry.participant_id for entry in protocol.participant_entries.all() if entry.text.strip()
    }
    return ", ".join(
        participant.code
        for participant in participants_expected(protocol)
        if participant.pk not in recorded
    )
