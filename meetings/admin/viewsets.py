"""The admin's viewsets: protocols, cycles, participants and the access log, under one menu.

Everything here lists, filters and searches only what its user may see
(``meetings.selectors``); the policies, forms and views that keep it so are
beside this module. ``meetings.wagtail_hooks`` registers the group.
"""

from django.forms import CheckboxSelectMultiple, Select
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..messages import local_datetime
from ..models import (
    RECRUITMENT_POINTS,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccessLogEntry,
)
from . import filters, forms, permissions, views
from .forms import ProtocolRowsPanel
from .permissions import only_visible_objects


class VisibleOnlyViewSetMixin:
    """Every view of a record answers 404 unless the user may see it (the policy's ``visible_to``).

    These records stay out of Wagtail's reference index, whose usage listings
    (of an institution, say) would show them to people who may not see them.
    A copy would carry another meeting's rows, or a participant's code, over.
    """

    add_to_reference_index = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return only_visible_objects(
            [*super().get_urlpatterns(), *self.get_extra_urlpatterns()],
            self.permission_policy.visible_to,
        )

    def get_extra_urlpatterns(self):
        """The viewset's own views besides Wagtail's, kept to the same visibility."""
        return []


class VisibleOnlySnippetViewSet(VisibleOnlyViewSetMixin, SnippetViewSet):
    """A snippet listing of the records the user may see, and no chooser."""

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, {"view"})

    def register_chooser_viewset(self):
        """No chooser: nothing in the admin picks these in a modal, which would list them all."""


# --- Meeting protocols ---------------------------------------------------------


def _rows(relation, heading, label, panels):
    """The rows of a protocol whose dropdowns offer others' records use ``ProtocolRowsPanel``."""
    return ProtocolRowsPanel(relation, heading=heading, label=label, panels=panels)


class MeetingProtocolViewSet(VisibleOnlySnippetViewSet):
    """The protocols of joint team meetings, for the staff of each cycle and the administrators.

    Saving goes through ``services.protocol_save``: every save is a revision,
    a stale form is refused, a change after submission resets the approvals.
    Submitting and approving happen on a page of their own that shows the
    protocol as a whole, as the portal's protocol page does
    (*Submission and approval*).
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
    index_view_class = views.ProtocolIndexView
    add_view_class = views.ProtocolCreateView
    edit_view_class = views.ProtocolEditView
    revisions_revert_view_class = views.ProtocolRevisionsRevertView
    revisions_compare_view_class = views.ProtocolRevisionsCompareView
    inspect_view_class = views.ProtocolInspectView
    history_view_class = views.ProtocolHistoryView
    delete_view_class = views.ProtocolDeleteView
    usage_view_class = views.ProtocolUsageView
    lock_view_class = views.ProtocolLockView
    unlock_view_class = views.ProtocolUnlockView

    def get_extra_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path(
                f"approval/<{conv}:pk>/",
                views.ProtocolApprovalView.as_view(),
                name="approval",
            ),
            path(f"submit/<{conv}:pk>/", views.ProtocolSubmitView.as_view(), name="submit"),
        ]

    list_display = [
        "__str__",
        "cycle",
        "kind",
        Column(
            "starts_at",
            label=_("Date and time"),
            accessor=lambda protocol: local_datetime(protocol.starts_at),
            sort_key="starts_at",
        ),
        "status",
        # Wagtail's own label is translated once, in whatever language loads the module.
        UpdatedAtColumn(label=_("Updated")),
    ]
    list_per_page = 50
    filterset_class = filters.MeetingProtocolFilterSet
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("amendment_reason"),
            MultiFieldPanel(
                [
                    FieldPanel("cycle", widget=Select),
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
                    FieldPanel("institutions_present", widget=CheckboxSelectMultiple),
                    FieldPanel("staff_present", widget=CheckboxSelectMultiple),
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
                    FieldPanel("participant", widget=Select),
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
                    FieldPanel("responsible_institution", widget=Select),
                    FieldPanel("responsible_person", widget=Select),
                    FieldPanel("due_on"),
                    # The choices of ``ProtocolChoices``, not Wagtail's page and snippet choosers.
                    FieldPanel("guide", widget=Select),
                    FieldPanel("service", widget=Select),
                ],
            ),
            _rows(
                "action_item_reviews",
                _("Action items of earlier meetings"),
                _("Review of an action item"),
                [
                    FieldPanel("action_item", widget=Select),
                    FieldPanel("outcome"),
                    FieldPanel("due_on"),
                    FieldPanel("note"),
                ],
            ),
            FieldPanel("decisions"),
            FieldPanel("next_meeting_on"),
        ],
        base_form_class=forms.ProtocolAdminForm,
    )

    @property
    def permission_policy(self):
        return permissions.ProtocolPermissionPolicy(self.model)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("cycle__provider", "latest_revision")


# --- Programme cycles ------------------------------------------------------------


class ProgrammeCycleViewSet(VisibleOnlySnippetViewSet):
    """Cycles are set up by the administrators (Django permissions) and read by their staff."""

    model = ProgrammeCycle
    icon = "date"
    menu_label = _("Programme cycles")
    inspect_view_enabled = True
    index_view_class = views.ProgrammeCycleIndexView
    add_view_class = views.ProgrammeCycleCreateView
    edit_view_class = views.ProgrammeCycleEditView
    inspect_view_class = views.ProgrammeCycleInspectView
    history_view_class = views.ProgrammeCycleHistoryView
    delete_view_class = views.ProgrammeCycleDeleteView
    usage_view_class = views.ProgrammeCycleUsageView
    list_display = ["__str__", "provider", "target_group", "starts_on", "ends_on"]
    list_per_page = 50
    filterset_class = filters.ProgrammeCycleFilterSet
    ordering = ["-starts_on", "code"]
    edit_handler = ObjectList(ProgrammeCycle.panels, base_form_class=forms.ProgrammeCycleAdminForm)

    @property
    def permission_policy(self):
        return permissions.ProgrammeCyclePermissionPolicy(self.model)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")


# --- Participants ----------------------------------------------------------------


class ParticipantViewSet(VisibleOnlyViewSetMixin, ModelViewSet):
    """The participants of the cycles, by code: added and changed through the services."""

    model = Participant
    url_prefix = "meetings/participants"
    url_namespace = "meetings_participants"
    icon = "user"
    menu_label = _("Participants")
    index_view_class = views.ParticipantIndexView
    add_view_class = views.ParticipantCreateView
    edit_view_class = views.ParticipantEditView
    history_view_class = views.ParticipantHistoryView
    delete_view_class = views.ParticipantDeleteView
    usage_view_class = views.ParticipantUsageView
    list_display = ["code", "cycle", "target_group", "entered_on", "exited_on", "exit_outcome"]
    list_per_page = 50
    filterset_class = filters.ParticipantFilterSet
    search_fields = ["code"]
    search_backend_name = None
    ordering = ["cycle__code", "number"]
    edit_handler = ObjectList(
        [
            FieldPanel("cycle", widget=Select),
            FieldPanel("target_group"),
            FieldPanel("entered_on"),
            FieldPanel("exited_on"),
            FieldPanel("exit_outcome"),
            FieldPanel("note"),
        ],
        base_form_class=forms.ParticipantAdminForm,
    )

    @property
    def permission_policy(self):
        return permissions.ParticipantPermissionPolicy(self.model)


# --- The access log ----------------------------------------------------------------


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
    index_view_class = views.AccessLogIndexView
    list_display = [
        Column("user_email", label=_("Who")),
        "action",
        "channel",
        "protocol_title",
        "cycle",
        Column(
            "accessed_at",
            label=_("When"),
            accessor=lambda entry: local_datetime(entry.accessed_at),
            sort_key="accessed_at",
        ),
    ]
    list_per_page = 100
    filterset_class = filters.AccessLogFilterSet
    search_fields = ["user_email", "protocol_title"]
    search_backend_name = None
    ordering = ["-accessed_at"]

    @property
    def permission_policy(self):
        return permissions.AccessLogPermissionPolicy(self.model)

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
