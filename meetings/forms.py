"""The staff area's forms: a participant, and a protocol with all its rows.

Every choice a form offers is limited to the cycle it is about (its
institutions, its staff, its participants, its earlier action items), so
nobody can pick, or even see, what belongs to another cycle. The rules that
need the whole protocol are checked by ``meetings.services`` on saving.
"""

from modelcluster.forms import BaseChildFormSet, ClusterForm

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules, selectors
from .models import (
    ActionItem,
    ActionItemReview,
    MeetingProtocol,
    Participant,
    ParticipantEntry,
    ReviewOutcome,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class ParticipantForm(forms.ModelForm):
    """What the team records about a participant; the code is given by the portal."""

    class Meta:
        model = Participant
        fields = ["target_group", "entered_on", "exited_on", "exit_outcome", "note"]
        widgets = {"entered_on": DATE_INPUT, "exited_on": DATE_INPUT, "note": _textarea()}


class NewParticipantForm(ParticipantForm):
    """A participant joining: nobody has left on the day they enter."""

    class Meta(ParticipantForm.Meta):
        fields = ["target_group", "entered_on", "note"]


# --- What the forms of a protocol offer, on the portal and in the admin --------------


def limit_choices(field, queryset, choices) -> None:
    """Let ``field`` accept only ``queryset``, and offer ``choices`` read once for every row."""
    field.queryset = queryset
    field.choices = [("", field.empty_label), *choices] if field.empty_label else choices


def leave_out_what_the_kind_does_not_record(form, fields_not_recorded) -> None:
    for name in fields_not_recorded:
        form.fields.pop(name, None)


def amendment_reason_field():
    return forms.CharField(
        label=_("Why is the protocol amended?"),
        help_text=_("Goes into the protocol's history, for the institutions that approve again."),
        required=False,
        widget=_textarea(2),
    )


def leave_out_amendment_reason_unless_amending(form, protocol) -> None:
    """Only a change to a protocol handed in for approval is an amendment with a reason."""
    if protocol.pk is None or protocol.is_draft:
        del form.fields["amendment_reason"]


def offer_missing_rows(form, protocol, choices: selectors.ProtocolChoices) -> None:
    """Offer a row for each participant and each earlier open item the protocol has no row for.

    A participant gets a row while in the programme on the day of the meeting,
    if the kind of meeting has participant entries; an open item gets one
    proposed as carried forward, for the team to close or carry on. Shared by
    the portal's form and the admin's, so both show what is still to decide.
    """
    # The rows the formsets show already; their querysets are read once, for the page too.
    entries, reviews = (
        form.formsets.get("participant_entries"),
        form.formsets["action_item_reviews"],
    )
    if entries is not None and protocol.participant_entry_label:
        day = protocol.meeting_day if protocol.starts_at else timezone.localdate()
        recorded = {entry.participant_id for entry in entries.get_queryset()}
        _offer(
            entries,
            [
                {"participant": participant}
                for participant in choices.participants_by_pk.values()
                if participant.is_in_programme_on(day) and participant.pk not in recorded
            ],
        )
    reviewed = {review.action_item_id for review in reviews.get_queryset()}
    _offer(
        reviews,
        [
            {"action_item": item, "outcome": ReviewOutcome.CARRIED_FORWARD}
            for item in choices.open_items
            if item.pk not in reviewed
        ],
    )


def _offer(formset, initial):
    formset.initial_extra = initial
    formset.extra = len(initial)


# --- The rows of a protocol ----------------------------------------------------


class CycleChildForm(forms.ModelForm):
    """A row of a protocol; ``choices`` (``selectors.ProtocolChoices``) come from its form.

    (modelcluster passes them on to each row: ``inherit_kwargs``.)
    """

    # What the error summary at the top of the form names the row by, if anything.
    summary_heading = None

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices


class ParticipantEntryForm(CycleChildForm):
    """The entry about one participant, whose code the page shows as the row's heading."""

    class Meta:
        model = ParticipantEntry
        fields = ["participant", "text", "agreed_steps", "planned_exit"]
        widgets = {
            "participant": forms.HiddenInput,
            "text": _textarea(),
            "agreed_steps": _textarea(2),
        }

    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = self.choices.participants
        label = MeetingProtocol(kind=kind).participant_entry_label
        if label:
            self.fields["text"].label = label
        leave_out_what_the_kind_does_not_record(
            self, rules.participant_entry_fields_not_recorded(kind)
        )

    @property
    def summary_heading(self):
        participant = self.entry_participant
        return participant.code if participant else None

    @property
    def entry_participant(self):
        """The participant of the row, saved or offered by the page, for its heading."""
        if self.instance.participant_id:
            known = self.choices.participants_by_pk.get(self.instance.participant_id)
            return known or self.instance.participant
        return self.initial.get("participant")


ACTION_ITEM_FIELDS = [
    "description",
    "responsible_institution",
    "responsible_person",
    "due_on",
    "guide",
    "service",
]


class ActionItemForm(CycleChildForm):
    """Who does what by when; optionally a guide to read and a service to refer someone to."""

    class Meta:
        model = ActionItem
        fields = ACTION_ITEM_FIELDS
        widgets = {"description": _textarea(2), "due_on": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(
            self.fields["responsible_institution"],
            self.choices.institutions,
            self.choices.institution_choices,
        )
        # Grouped by institution: with JavaScript, only the responsible institution's people show.
        limit_choices(
            self.fields["responsible_person"], self.choices.staff, self.choices.staff_by_institution
        )
        limit_choices(self.fields["guide"], self.choices.guides, self.choices.guide_choices)
        limit_choices(self.fields["service"], self.choices.services, self.choices.service_choices)


class ActionItemReviewForm(CycleChildForm):
    """The meeting's decision on an item of an earlier meeting, shown with the item."""

    class Meta:
        model = ActionItemReview
        fields = ["action_item", "outcome", "due_on", "note"]
        widgets = {
            "action_item": forms.HiddenInput,
            "outcome": forms.RadioSelect,
            "due_on": DATE_INPUT,
            "note": forms.TextInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_item"].queryset = self.choices.action_items

    # The meeting's date as its form was sent (``ProtocolForm.clean``).
    meeting_starts_at = None

    def has_changed(self):
        """Every item offered is decided on, even one the team leaves open as proposed.

        The protocol then records that it was carried forward, except where
        the meeting turns out to be dated before the item was set: a row left
        as offered is then no decision, and not saved.
        """
        item = self.reviewed_item
        set_later = (
            item is not None
            and self.meeting_starts_at is not None
            and item.protocol.starts_at >= self.meeting_starts_at
        )
        return not set_later or super().has_changed()

    @property
    def summary_heading(self):
        item = self.reviewed_item
        return item.description if item else None

    @property
    def reviewed_item(self):
        """The item the row decides on, saved or offered by the page, shown above the row."""
        if self.instance.action_item_id:
            # An item no longer due before the meeting (its date moved) is read on its own.
            known = self.choices.open_items_by_pk.get(self.instance.action_item_id)
            return known or self.instance.action_item
        return self.initial.get("action_item")


class ProtocolRowFormSet(BaseChildFormSet):
    """Rows keep the order they are listed in; nobody types an order number."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].widget = forms.HiddenInput()


def _rows(form, fields, widgets=None, extra=1, inherit=("choices",), can_delete=True):
    # ``widgets`` replaces the row form's own Meta.widgets, so it is given only where that has none.
    return {
        "can_delete": can_delete,
        "form": form,
        "formset": ProtocolRowFormSet,
        "fields": fields,
        "widgets": widgets,
        "extra": extra,
        "inherit_kwargs": list(inherit),
    }


class ProtocolForm(ClusterForm):
    """A protocol with its rows. Which rows and fields appear depends on the kind of meeting.

    ``loaded_revision_id`` travels with the form so that saving can tell whether
    someone else saved in between (``services.ProtocolEditConflict``).
    """

    loaded_revision_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    amendment_reason = amendment_reason_field()

    class Meta:
        model = MeetingProtocol
        fields = [
            "starts_at",
            "place",
            "is_online",
            "language",
            "institutions_present",
            "staff_present",
            "apologies",
            "motivational_interviews",
            "stakeholder_tasks",
            "information_day",
            "referral_to_coordinators",
            "candidate_list",
            "decisions",
            "next_meeting_on",
        ]
        widgets = {
            "starts_at": DATETIME_INPUT,
            "next_meeting_on": DATE_INPUT,
            "institutions_present": forms.CheckboxSelectMultiple,
            "staff_present": forms.CheckboxSelectMultiple,
            "apologies": _textarea(2),
            "motivational_interviews": _textarea(),
            "stakeholder_tasks": _textarea(),
            "information_day": _textarea(),
            "referral_to_coordinators": _textarea(),
            "candidate_list": _textarea(),
            "decisions": _textarea(5),
        }
        formsets = {
            "guests": _rows(CycleChildForm, ["name", "institution"]),
            "agenda_items": _rows(
                CycleChildForm, ["title", "discussion"], {"discussion": _textarea()}
            ),
            "participant_entries": _rows(
                ParticipantEntryForm,
                ["participant", "text", "agreed_steps", "planned_exit"],
                extra=0,
                inherit=("choices", "kind"),
                can_delete=False,
            ),
            "action_items": _rows(ActionItemForm, ACTION_ITEM_FIELDS),
            "action_item_reviews": _rows(
                ActionItemReviewForm,
                ["action_item", "outcome", "due_on", "note"],
                extra=0,
                can_delete=False,
            ),
        }

    def __init__(self, *args, instance, **kwargs):
        # Read by ClusterForm for the rows' forms (``inherit_kwargs``).
        self.kind = instance.kind
        self.choices = selectors.protocol_choices(instance)
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["loaded_revision_id"].initial = instance.latest_revision_id
        limit_choices(
            self.fields["institutions_present"],
            self.choices.institutions,
            self.choices.institution_choices,
        )
        limit_choices(self.fields["staff_present"], self.choices.staff, self.choices.staff_choices)
        leave_out_what_the_kind_does_not_record(self, rules.protocol_fields_not_recorded(self.kind))
        for relation in rules.protocol_rows_not_recorded(self.kind):
            del self.formsets[relation]
        leave_out_amendment_reason_unless_amending(self, instance)
        offer_missing_rows(self, instance, self.choices)

    def clean(self):
        cleaned_data = super().clean()
        for row in self.formsets["action_item_reviews"].forms:
            row.meeting_starts_at = cleaned_data.get("starts_at")
        return cleaned_data

    @property
    def formsets_have_errors(self):
        """Whether a row has an error, for the summary at the top of the form."""
        return any(formset.total_error_count() for formset in self.formsets.values())
