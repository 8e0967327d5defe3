"""The meetings in the Wagtail admin: protocols, cycles, participants, the access log.

Everything here lists, filters and searches only what its user may see
(``meetings.selectors``); the policies, forms and views that keep it so are
in ``meetings.admin_views``. The workflow's entries in each protocol's
history are registered at the end.
"""

import django_filters

from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, selectors
from .models import (
    RECRUITMENT_POINTS,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccessLogEntry,
)


def _visible_cycles(request):
    if request is None:
        return ProgrammeCycle.objects.none()
    return selectors.cycles_visible_to(request.user).select_related("provider")


def _institutions_of_visible_cycles(request):
    return admin_views.institutions_of(_visible_cycles(request))


class VisibleOnlyViewSetMixin:
    """Every view of a record answers 404 unless the user may see it (the policy's ``visible_to``).

    These records stay out of Wagtail's reference index, whose usage listings
    (of an institution, say) would show them to people who may not see them.
    A copy would carry another meeting's rows, or a participant's code, over.
    """

    add_to_reference_index = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return admin_views.only_visible_objects(
            super().get_urlpatterns(), self.permission_policy.visible_to
        )


class VisibleOnlySnippetViewSet(VisibleOnlyViewSetMixin, SnippetViewSet):
    """A snippet listing of the records the user may see, and no chooser."""

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, {"view"})

    def register_chooser_viewset(self):
        """No chooser: nothing in the admin picks these in a modal, which would list them all."""


# --- Meeting protocols ---------------------------------------------------------


class MeetingProtocolFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)
    starts_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    institutions_present = django_filters.ModelChoiceFilter(
        label=_("Institution present"), queryset=_institutions_of_visible_cycles
    )

    class Meta:
        model = MeetingProtocol
        fields = ["cycle", "kind", "status", "starts_at", "institutions_present"]


def _rows(relation, heading, label, panels):
    """The rows of a protocol whose dropdowns offer others' records use ``ProtocolRowsPanel``."""
    return admin_views.ProtocolRowsPanel(relation, heading=heading, label=label, panels=panels)


class MeetingProtocolViewSet(VisibleOnlySnippetViewSet):
    """The protocols of joint team meetings, for the staff of each cycle and the administrators.

    Saving goes through ``services.protocol_save``: every save is a revision,
    a stale form is refused, a change after submission resets the approvals.
    Submitting and approving happen on the portal, where the protocol is read
    as a whole ("Open in the portal").
    """

    model = MeetingProtocol
    icon = "doc-full"
    menu_label = _("Meeting protocols")
    inspect_view_enabled = True
    inspect_view_fields = [
        "cycle",
        "kind",
        "starts_at",
        "place",
        "is_online",
        "language",
        "institutions_present",
        "staff_present",
        "decisions",
        "next_meeting_on",
        "status",
        "created_by",
        "submitted_at",
        "approved_at",
    ]
    index_view_class = admin_views.ProtocolIndexView
    add_view_class = admin_views.ProtocolCreateView
    edit_view_class = admin_views.ProtocolEditView
    revisions_revert_view_class = admin_views.ProtocolRevisionsRevertView
    revisions_compare_view_class = admin_views.ProtocolRevisionsCompareView
    inspect_view_class = admin_views.ProtocolInspectView
    history_view_class = admin_views.ProtocolHistoryView
    delete_view_class = admin_views.ProtocolDeleteView
    usage_view_class = admin_views.ProtocolUsageView
    lock_view_class = admin_views.ProtocolLockView
    unlock_view_class = admin_views.ProtocolUnlockView
    list_display = [
        "__str__",
        "cycle",
        "kind",
        Column(
            "starts_at",
            label=_("Date and time"),
            accessor=lambda protocol: admin_views.local_datetime(protocol.starts_at),
            sort_key="starts_at",
        ),
        "status",
        UpdatedAtColumn(),
    ]
    list_per_page = 50
    filterset_class = MeetingProtocolFilterSet
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("cycle", widget=forms.Select),
                    FieldPanel("kind"),
                    FieldPanel("starts_at"),
                    FieldPanel("place"),
                    FieldPanel("is_online"),
                    FieldPanel("language"),
                ],
                heading=_("Meeting"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("institutions_present", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("staff_present", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("apologies"),
                ],
                heading=_("Present"),
            ),
            InlinePanel("guests", heading=_("Guests without an account"), label=_("Guest")),
            MultiFieldPanel(
                [FieldPanel(field) for field, _label in RECRUITMENT_POINTS],
                heading=_("Recruitment: what the team agreed"),
                help_text=_("Only for recruitment meetings."),
            ),
            InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
            _rows(
                "participant_entries",
                _("Participants: goals, progress or exit plan"),
                _("Participant entry"),
                [
                    FieldPanel("participant", widget=forms.Select),
                    FieldPanel("text"),
                    FieldPanel("agreed_steps"),
                    FieldPanel("planned_exit"),
                ],
            ),
            _rows(
                "action_items",
                _("Action items: who does what by when"),
                _("Action item"),
                [
                    FieldPanel("description"),
                    FieldPanel("responsible_institution", widget=forms.Select),
                    FieldPanel("responsible_person", widget=forms.Select),
                    FieldPanel("due_on"),
                ],
            ),
            _rows(
                "action_item_reviews",
                _("Action items of earlier meetings"),
                _("Review of an action item"),
                [
                    FieldPanel("action_item", widget=forms.Select),
                    FieldPanel("outcome"),
                    FieldPanel("due_on"),
                    FieldPanel("note"),
                ],
            ),
            FieldPanel("decisions"),
            FieldPanel("next_meeting_on"),
        ],
        base_form_class=admin_views.ProtocolAdminForm,
    )

    @property
    def permission_policy(self):
        return admin_views.ProtocolPermissionPolicy(self.model)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("cycle__provider", "latest_revision")


# --- Programme cycles ------------------------------------------------------------


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


class ProgrammeCycleViewSet(VisibleOnlySnippetViewSet):
    """Cycles are set up by the administrators (Django permissions) and read by their staff."""

    model = ProgrammeCycle
    icon = "date"
    menu_label = _("Programme cycles")
    inspect_view_enabled = True
    index_view_class = admin_views.ProgrammeCycleIndexView
    edit_view_class = admin_views.ProgrammeCycleEditView
    inspect_view_class = admin_views.ProgrammeCycleInspectView
    history_view_class = admin_views.ProgrammeCycleHistoryView
    delete_view_class = admin_views.ProgrammeCycleDeleteView
    usage_view_class = admin_views.ProgrammeCycleUsageView
    list_display = ["__str__", "provider", "target_group", "starts_on", "ends_on"]
    list_per_page = 50
    filterset_class = ProgrammeCycleFilterSet
    ordering = ["-starts_on", "code"]
    edit_handler = ObjectList(
        ProgrammeCycle.panels, base_form_class=admin_views.ProgrammeCycleAdminForm
    )

    @property
    def permission_policy(self):
        return admin_views.ProgrammeCyclePermissionPolicy(self.model)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")


# --- Participants ----------------------------------------------------------------


class ParticipantFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)

    class Meta:
        model = Participant
        fields = ["cycle", "target_group", "exit_outcome"]


class ParticipantViewSet(VisibleOnlyViewSetMixin, ModelViewSet):
    """The participants of the cycles, by code: added and changed through the services."""

    model = Participant
    url_prefix = "meetings/participants"
    url_namespace = "meetings_participants"
    icon = "user"
    menu_label = _("Participants")
    index_view_class = admin_views.ParticipantIndexView
    add_view_class = admin_views.ParticipantCreateView
    edit_view_class = admin_views.ParticipantEditView
    history_view_class = admin_views.ParticipantHistoryView
    delete_view_class = admin_views.ParticipantDeleteView
    usage_view_class = admin_views.ParticipantUsageView
    list_display = ["code", "cycle", "target_group", "entered_on", "exited_on", "exit_outcome"]
    list_per_page = 50
    filterset_class = ParticipantFilterSet
    search_fields = ["code"]
    search_backend_name = None
    ordering = ["cycle__code", "number"]
    edit_handler = ObjectList(
        [
            FieldPanel("cycle", widget=forms.Select),
            FieldPanel("target_group"),
            FieldPanel("entered_on"),
            FieldPanel("exited_on"),
            FieldPanel("exit_outcome"),
            FieldPanel("note"),
        ],
        base_form_class=admin_views.ParticipantAdminForm,
    )

    @property
    def permission_policy(self):
        return admin_views.ParticipantPermissionPolicy(self.model)


# --- The access log ----------------------------------------------------------------


def _people_in_the_log(request):
    return (
        get_user_model()
        .objects.filter(protocol_access_log__isnull=False)
        .distinct()
        .order_by("email")
    )


class AccessLogFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(label=_("User"), queryset=_people_in_the_log)
    cycle = django_filters.ModelChoiceFilter(label=_("Programme cycle"), queryset=_visible_cycles)
    accessed_at = django_filters.DateFromToRangeFilter(
        label=_("When"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ProtocolAccessLogEntry
        fields = ["user", "action", "channel", "cycle", "accessed_at"]


class ProtocolAccessLogViewSet(ModelViewSet):
    """Who viewed or exported which protocol, where and when: for site administrators to audit.

    Read-only: the entries are written by ``services.protocol_access_record``,
    so the viewset has no views to add, change or delete one.
    """

    model = ProtocolAccessLogEntry
    url_prefix = "meetings/access-log"
    url_namespace = "meetings_access_log"
    icon = "list-ul"
    menu_label = _("Protocol access log")
    add_to_reference_index = False
    index_view_class = admin_views.AccessLogIndexView
    list_display = [
        Column("user_email", label=_("Who")),
        "action",
        "channel",
        "protocol_title",
        "cycle",
        Column(
            "accessed_at",
            label=_("When"),
            accessor=lambda entry: admin_views.local_datetime(entry.accessed_at),
            sort_key="accessed_at",
        ),
    ]
    list_per_page = 100
    filterset_class = AccessLogFilterSet
    search_fields = ["user_email", "protocol_title"]
    search_backend_name = None
    ordering = ["-accessed_at"]

    @property
    def permission_policy(self):
        return admin_views.AccessLogPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


class JointTeamMeetingsViewSetGroup(SnippetViewSetGroup):
    items = (
        MeetingProtocolViewSet,
        ProgrammeCycleViewSet,
        ParticipantViewSet,
        ProtocolAccessLogViewSet,
    )
    menu_label = _("Joint team meetings")
    menu_icon = "group"
    menu_name = "meetings"
    menu_order = 230


register_snippet(JointTeamMeetingsViewSetGroup)
hooks.register("register_bulk_action", admin_views.NoBulkDeleteAction, order=1)


# --- The workflow's entries in each protocol's history ------------------------


@hooks.register("register_log_actions")
def register_protocol_workflow_actions(actions):
    """The workflow steps, so the admin's history and the portal's list them in words."""
    actions.register_action(
        "meetings.submit", _("Submit for approval"), _("Submitted for approval")
    )
    actions.register_action(
        "meetings.approved", _("Approved by all"), _("Approved by every institution present")
    )
    actions.register_action(
        "meetings.approvals_reset",
        _("Approvals reset"),
        _("Changed after submission: every institution present approves again"),
    )

    @actions.register_action("meetings.approve")
    class ApproveForInstitution(LogFormatter):
        label = _("Approve for an institution")

        def format_message(self, log_entry):
            return _("Approved for %(institution)s") % {
                "institution": log_entry.data.get("institution", "")
            }
