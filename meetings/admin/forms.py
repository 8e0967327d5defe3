"""The admin's forms: every choice limited to what the user may name, as on the portal.

The forms validate fields only; whether a record as a whole may be saved is
the services' decision (``meetings.rules``), and their refusal comes back to
the form through ``meetings.messages``.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel

from .. import rules, selectors
from ..forms import (
    amendment_reason_field,
    leave_out_amendment_reason_unless_amending,
    leave_out_what_the_kind_does_not_record,
    limit_choices,
    offer_missing_rows,
)
from ..models import MeetingProtocol

# The fields of a protocol's rows that offer other records, and where their choices come from
# (``selectors.ProtocolChoices``): (the queryset that validates, the list the page offers).
ROW_CHOICES = {
    "participant": ("participants", "participant_choices"),
    "responsible_institution": ("institutions", "institution_choices"),
    "responsible_person": ("staff", "staff_by_institution"),
    "action_item": ("action_items", "action_item_choices"),
    "guide": ("guides", "guide_choices"),
    "service": ("services", "service_choices"),
}


class ProtocolRowForm(WagtailAdminModelForm):
    """A row of a protocol; its dropdowns offer only ``row_choices``, from the protocol form.

    A row built without them offers nothing, so no row ever lists another
    cycle's participants, people or action items. ``protocol_kind`` is the
    kind of a saved protocol, whose rows show only what that kind records.
    """

    def __init__(self, *args, row_choices=None, protocol_kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (queryset, choices) in ROW_CHOICES.items():
            if name not in self.fields:
                continue
            if row_choices is None:
                self.fields[name].queryset = self.fields[name].queryset.none()
            else:
                limit_choices(
                    self.fields[name], getattr(row_choices, queryset), getattr(row_choices, choices)
                )
        if protocol_kind and "participant" in self.fields:
            leave_out_what_the_kind_does_not_record(
                self, rules.participant_entry_fields_not_recorded(protocol_kind)
            )


class ProtocolRowsPanel(InlinePanel):
    """An InlinePanel whose rows get the protocol form's choices and kind (``inherit_kwargs``)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=ProtocolRowForm, inherit_kwargs=["row_choices", "protocol_kind"]
        )
        return options


class ProtocolAdminForm(WagtailAdminModelForm):
    """A protocol in the admin; every choice is limited to the cycles the user works in.

    A new protocol may belong to any of them, unless it was opened from its
    cycle for a kind of meeting; one of a known cycle and kind (saved, or so
    opened) stays in its cycle, keeps its kind, and offers only that cycle's
    institutions, staff, participants and earlier action items, as on the
    portal, with a row for each participant and each earlier open item it has
    none for.
    """

    amendment_reason = amendment_reason_field()

    class Media:
        js = ["meetings/js/responsible.js"]

    def __init__(self, *args, for_user=None, instance=None, **kwargs):
        placed = instance is not None and instance.cycle_id is not None and bool(instance.kind)
        cycles = selectors.cycles_worked_in_by(for_user)
        if placed:
            cycles = cycles.filter(pk=instance.cycle_id)
        self.row_choices = selectors.protocol_choices(
            instance if placed else MeetingProtocol(), cycles=cycles
        )
        self.protocol_kind = instance.kind if placed else None
        super().__init__(*args, for_user=for_user, instance=instance, **kwargs)
        self.fields["cycle"].queryset = cycles
        limit_choices(
            self.fields["institutions_present"],
            self.row_choices.institutions,
            self.row_choices.institution_choices,
        )
        limit_choices(
            self.fields["staff_present"], self.row_choices.staff, self.row_choices.staff_choices
        )
        leave_out_amendment_reason_unless_amending(self, instance or MeetingProtocol())
        if placed:
            # A protocol never moves to another cycle, and its kind decides what it records.
            self.fields["cycle"].disabled = True
            self.fields["kind"].disabled = True
            leave_out_what_the_kind_does_not_record(
                self, rules.protocol_fields_not_recorded(instance.kind)
            )
            # An offered row left as it is is not saved: the item stays open, the entry unwritten.
            offer_missing_rows(self, instance, self.row_choices)


class ProgrammeCycleAdminForm(WagtailAdminModelForm):
    """A cycle and the institutions taking part, who alone see it (the provider among them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        institutions = self.fields["institutions"]
        institutions.widget = forms.CheckboxSelectMultiple(choices=institutions.choices)


class ParticipantAdminForm(WagtailAdminModelForm):
    """A participant of a cycle the user works in; the code is given on saving and never changes.

    Someone joining has not left yet: the exit fields appear once they are in.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["cycle"].queryset = selectors.cycles_worked_in_by(for_user)
        if self.instance.pk:
            self.fields["cycle"].disabled = True
        else:
            del self.fields["exited_on"]
            del self.fields["exit_outcome"]
