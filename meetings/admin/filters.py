"""The admin listings' filters: each offers only the cycles and institutions its user may see."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .. import selectors
from ..models import MeetingProtocol, Participant, ProgrammeCycle, ProtocolAccessLogEntry


def _visible_cycles(request):
    if request is None:
        return ProgrammeCycle.objects.none()
    return selectors.cycles_visible_to(request.user).select_related("provider")


def _institutions_of_visible_cycles(request):
    return selectors.institutions_of_cycles(_visible_cycles(request))


def _people_in_the_log(request):
    return selectors.people_in_access_log()


class MeetingProtocolFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)
    starts_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    institutions_present = django_filters.ModelChoiceFilter(
        label=_("Institution present"), queryset=_institutions_of_visible_cycles
    )

    class Meta:
        model = MeetingProtocol
        fields = ["cycle", "kind", "status", "starts_at", "institutions_present"]


class ProgrammeCycleFilterSet(WagtailFilterSet):
    provider = django_filters.ModelChoiceFilter(
        label=_("Programme provider"), queryset=_institutions_of_visible_cycles
    )
    starts_on = django_filters.DateFromToRangeFilter(
        label=_("Starts on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ProgrammeCycle
        fields = ["target_group", "provider", "starts_on"]


class ParticipantFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)

    class Meta:
        model = Participant
        fields = ["cycle", "target_group", "exit_outcome"]


class AccessLogFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(label=_("User"), queryset=_people_in_the_log)
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)
    accessed_at = django_filters.DateFromToRangeFilter(
        label=_("When"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ProtocolAccessLogEntry
        fields = ["user", "action", "channel", "cycle", "accessed_at"]
