"""The admin's views of protocols, cycles, participants and the access log.

Each asks the permission policy about the object in hand, saves through
``meetings.services`` (never ``form.save()``), returns a refusal to the form
with everything typed (``meetings.messages``), and writes every view of a
protocol to the access log, as the portal does.
"""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import Button
from wagtail.search.backends import get_search_backend
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import snippets as snippet_views

from .. import selectors, services
from ..messages import add_refusal_to_form, edit_notice
from ..models import AccessChannel, MeetingKind, MeetingProtocol, ProgrammeCycle, ProtocolAccess
from ..steps import protocol_approve_step, protocol_steps_context, protocol_submit_step

# What the services refuse to save, with the reason for the form.
SERVICE_REFUSALS = (services.ProtocolRefused, PermissionDenied, ValidationError)


class SaveRefused(Exception):
    """A service refused to save; ``error`` is its refusal, for the form the user typed in."""

    def __init__(self, error: Exception):
        super().__init__(error)
        self.error = error


class InstancePermissionMixin:
    """Ask the permission policy about the object in hand, where Wagtail asks about the model."""

    def user_has_permission(self, permission):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, permission, self.object
        )

    def user_has_any_permission(self, permissions):
        return self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, permissions, self.object
        )


class ServiceSaveMixin:
    """The create and edit views save through ``meetings.services``; a refusal returns to the form.

    ``save_instance`` calls ``save_through_services`` and raises ``SaveRefused``;
    the form is shown again with everything the user typed and the reason,
    never a server error.
    """

    def save_through_services(self):
        raise NotImplementedError

    def save_instance(self):
        try:
            return self.save_through_services()
        except SERVICE_REFUSALS as error:
            raise SaveRefused(error) from error

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except SaveRefused as refused:
            add_refusal_to_form(form, refused.error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class WithoutBulkActionsMixin:
    """A snippet listing without the checkboxes for bulk actions (see ``NoBulkDeleteAction``)."""

    @cached_property
    def columns(self):
        return [
            column
            for column in super().columns
            if not isinstance(column, BulkActionsCheckboxColumn)
        ]


class SearchAmongListedMixin:
    """Search the index, then keep the matches among the objects listed (visible and filtered).

    Search backends filter only on the index's own fields, so the privacy rule
    (a subquery on membership) cannot go into the search itself.
    """

    def search_matches(self, query):
        return get_search_backend().autocomplete(query, self.model.objects.all())

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(
            pk__in=[match.pk for match in self.search_matches(self.search_query)]
        )


class ProtectedDeleteMixin:
    """Refuse, with a message, to delete what other records still need.

    These models stay out of Wagtail's reference index (its usage listings
    would show them to people who may not see them), so Wagtail cannot tell
    beforehand; the database's PROTECT does.
    """

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted: other records refer to it.")
                % {"object": self.object},
            )
            return redirect(self.edit_url_name, quote(self.object.pk))


# --- Protocols ---------------------------------------------------------------


def portal_button(protocol):
    return Button(
        _("Open in the portal"),
        url=reverse("meetings:protocol", args=[protocol.pk]),
        icon_name="link-external",
        priority=40,
    )


class ProtocolSaveMixin(ServiceSaveMixin):
    """Save a protocol as the portal does, through ``services.protocol_save``: a revision.

    A form opened before someone else saved is refused, whether or not Wagtail
    would let it through (it checks only autosaves), so nobody overwrites a
    colleague's newer text unknowingly.
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Every save of a protocol is a revision in its history and, once it is
        # submitted, asks every institution present to approve it again: saving
        # is the author's deliberate act, never a timer's.
        self.autosave_enabled = False

    @cached_property
    def loaded_revision_id(self):
        """The revision the form was opened at, as Wagtail's edit form posts it."""
        value = self.request.POST.get("loaded_revision_id", "")
        return int(value) if value.isdigit() else None

    def save_through_services(self):
        protocol = services.protocol_save(
            protocol=self.form.save(commit=False),
            user=self.request.user,
            loaded_revision_id=self.loaded_revision_id,
            reason=self.form.cleaned_data.get("amendment_reason", ""),
        )
        self.new_revision = protocol.latest_revision
        return protocol


class ProtocolAccessRecordMixin:
    """A GET of this view shows the protocol: it goes into the access log."""

    def accessed_protocol(self):
        return self.object

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.protocol_access_record(
            protocol=self.accessed_protocol(),
            user=request.user,
            action=ProtocolAccess.VIEW,
            channel=AccessChannel.ADMIN,
        )
        return response


class ProtocolIndexView(WithoutBulkActionsMixin, SearchAmongListedMixin, snippet_views.IndexView):
    def search_matches(self, query):
        return selectors.protocols_matching(user=self.request.user, query=query)

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), portal_button(instance)]


class ProtocolCreateView(ProtocolSaveMixin, snippet_views.CreateView):
    """A new protocol; opened from a cycle (``?cycle=<pk>&kind=<kind>``), it is of that cycle.

    Then the form knows the cycle and the kind before the first save and, as
    the portal's does, offers a row for each open item and each participant;
    without them the author chooses both in the form. A cycle the author does
    not work in is not found.
    """

    @cached_property
    def chosen(self):
        """The cycle and the kind the address names, or ``None``."""
        cycle_pk, kind = self.request.GET.get("cycle", ""), self.request.GET.get("kind", "")
        if not cycle_pk and not kind:
            return None
        if kind not in MeetingKind.values or not cycle_pk.isdigit():
            raise Http404
        cycle = selectors.cycles_worked_in_by(self.request.user).filter(pk=cycle_pk).first()
        if cycle is None:
            raise Http404
        return cycle, kind

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance()
        if self.chosen:
            instance = instance or MeetingProtocol()
            instance.cycle, instance.kind = self.chosen
        return instance

    def get_add_url(self):
        url = super().get_add_url()
        if not self.chosen:
            return url
        cycle, kind = self.chosen
        return f"{url}{'&' if '?' in url else '?'}{urlencode({'cycle': cycle.pk, 'kind': kind})}"


def new_protocol_buttons(cycle):
    """A button for each kind of meeting: the admin's new-protocol form, already of ``cycle``."""
    add_url = reverse(MeetingProtocol.snippet_viewset.get_url_name("add"))
    return [
        Button(
            _("New protocol: %(kind)s") % {"kind": label},
            url=f"{add_url}?{urlencode({'cycle': cycle.pk, 'kind': kind})}",
            icon_name="plus",
            priority=50 + number,
        )
        for number, (kind, label) in enumerate(MeetingKind.choices)
    ]


class ProtocolEditView(
    ProtocolAccessRecordMixin,
    InstancePermissionMixin,
    ProtocolSaveMixin,
    snippet_views.EditView,
):
    def get(self, request, *args, **kwargs):
        notice = edit_notice(self.object)
        if notice:
            messages.warning(request, notice)
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            approval_button(self.object),
            portal_button(self.object),
        ]


class ProtocolApprovalView(ProtocolAccessRecordMixin, WagtailAdminTemplateMixin, TemplateView):
    """The protocol as it stands, to submit it or approve it for one's institution (POST).

    The same page furniture and steps as the portal's protocol page
    (``meetings.steps``): whoever approves has the text of the revision they
    approve in front of them, and the form says which revision it was.
    """

    template_name = "meetings/admin/protocol_approval.html"
    page_title = _("Submission and approval")
    header_icon = "tick"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            selectors.protocols_visible_to(request.user).select_related("cycle", "latest_revision"),
            pk=unquote(str(kwargs["pk"])),
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        viewset = MeetingProtocol.snippet_viewset
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(viewset.get_url_name("list")), "label": viewset.menu_label},
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def edit_url(self):
        return reverse(MeetingProtocol.snippet_viewset.get_url_name("edit"), args=[self.object.pk])

    def get_context_data(self, **kwargs):
        viewset = MeetingProtocol.snippet_viewset
        return {
            **super().get_context_data(**kwargs),
            **protocol_steps_context(self.request.user, self.object),
            "submit_url": reverse(viewset.get_url_name("submit"), args=[self.object.pk]),
            "approve_url": reverse(viewset.get_url_name("approval"), args=[self.object.pk]),
            "button_class": "button",
        }

    def post(self, request, *args, **kwargs):
        protocol_approve_step(request, self.object)
        return redirect(request.path)


class ProtocolSubmitView(View):
    """Submit the protocol (POST only), then back to its approval page, which says how it went."""

    http_method_names = ["post"]

    def post(self, request, pk):
        visible = selectors.protocols_visible_to(request.user)
        protocol = get_object_or_404(visible, pk=unquote(str(pk)))
        protocol_submit_step(request, protocol)
        return redirect(MeetingProtocol.snippet_viewset.get_url_name("approval"), protocol.pk)


def approval_button(protocol):
    return Button(
        _("Submission and approval"),
        url=reverse(MeetingProtocol.snippet_viewset.get_url_name("approval"), args=[protocol.pk]),
        icon_name="tick",
        priority=30,
    )


class ProtocolRevisionsRevertView(generic.RevisionsRevertMixin, ProtocolEditView):
    view_name = "revisions_revert"

    def accessed_protocol(self):
        return self.live_object

    def save_instance(self):
        # Going back to an earlier version is a change like any other: through
        # the services, not straight into a revision as RevisionsRevertMixin would.
        return ProtocolSaveMixin.save_instance(self)


class ProtocolInspectView(
    ProtocolAccessRecordMixin, InstancePermissionMixin, snippet_views.InspectView
):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            approval_button(self.object),
            portal_button(self.object),
        ]


class ProtocolHistoryView(
    ProtocolAccessRecordMixin, InstancePermissionMixin, snippet_views.HistoryView
):
    # Whoever may read the protocol may read who changed it.
    any_permission_required = ["add", "change", "delete", "view"]


class ProtocolRevisionsCompareView(
    ProtocolAccessRecordMixin, InstancePermissionMixin, snippet_views.RevisionsCompareView
):
    # Comparing versions is reading; site administrators audit without changing.
    permission_required = "view"


class ProtocolDeleteView(ProtectedDeleteMixin, InstancePermissionMixin, snippet_views.DeleteView):
    pass


class ProtocolUsageView(InstancePermissionMixin, snippet_views.UsageView):
    pass


class ProtocolLockView(InstancePermissionMixin, snippet_views.LockView):
    pass


class ProtocolUnlockView(InstancePermissionMixin, snippet_views.UnlockView):
    pass


# --- Programme cycles --------------------------------------------------------


class ProgrammeCycleSaveMixin(ServiceSaveMixin):
    """Set a cycle up through ``services.programme_cycle_save``, its institutions with it."""

    def save_through_services(self):
        return services.programme_cycle_save(
            cycle=self.form.save(commit=False),
            institutions=self.form.cleaned_data["institutions"],
            user=self.request.user,
        )


class ProgrammeCycleIndexView(
    WithoutBulkActionsMixin, SearchAmongListedMixin, snippet_views.IndexView
):
    @cached_property
    def cycles_worked_in(self):
        """The listed cycles whose protocols the user may write, read once for the page."""
        return set(selectors.cycles_worked_in_by(self.request.user).values_list("pk", flat=True))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.pk in self.cycles_worked_in:
            buttons += new_protocol_buttons(instance)
        return buttons


class ProgrammeCycleCreateView(ProgrammeCycleSaveMixin, snippet_views.CreateView):
    pass


class ProgrammeCycleEditView(
    InstancePermissionMixin, ProgrammeCycleSaveMixin, snippet_views.EditView
):
    pass


class ProgrammeCycleInspectView(InstancePermissionMixin, snippet_views.InspectView):
    pass


class ProgrammeCycleHistoryView(InstancePermissionMixin, snippet_views.HistoryView):
    any_permission_required = ["add", "change", "delete", "view"]


class ProgrammeCycleDeleteView(
    ProtectedDeleteMixin, InstancePermissionMixin, snippet_views.DeleteView
):
    pass


class ProgrammeCycleUsageView(InstancePermissionMixin, snippet_views.UsageView):
    pass


# --- Participants ------------------------------------------------------------


class ParticipantIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, {"view"}
        ).select_related("cycle__provider")


class ParticipantCreateView(ServiceSaveMixin, generic.CreateView):
    """The code is the next free one of the cycle, as ``services.participant_create`` gives it."""

    def save_through_services(self):
        data = self.form.cleaned_data
        return services.participant_create(
            cycle=data["cycle"],
            user=self.request.user,
            target_group=data["target_group"],
            entered_on=data["entered_on"],
            note=data["note"],
        )


class ParticipantEditView(ServiceSaveMixin, InstancePermissionMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The permission check before dispatching needs the participant.
        self.object = self.get_object()

    def save_through_services(self):
        changes = {
            field: self.form.cleaned_data[field] for field in services.PARTICIPANT_CHANGEABLE
        }
        return services.participant_update(
            participant=self.object, user=self.request.user, **changes
        )


class ParticipantHistoryView(InstancePermissionMixin, HistoryView):
    any_permission_required = ["add", "change", "delete", "view"]


class ParticipantDeleteView(InstancePermissionMixin, generic.DeleteView):
    pass


class ParticipantUsageView(InstancePermissionMixin, UsageView):
    pass


# --- The access log ----------------------------------------------------------


class AccessLogIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.access_log_visible_to(self.request.user).select_related("cycle__provider")


class NoBulkDeleteAction(DeleteBulkAction):
    """Protocols and cycles are deleted one at a time; their bulk-delete address does not exist.

    Registered after Wagtail's snippet bulk delete, which it replaces for
    these models: that one finds any object by its id and names those the
    user may not delete, so it would show the titles of other cycles'
    protocols. Deleting is rare here (drafts, cycles set up by mistake) and
    each deletion is a decision about one record.
    """

    models = [MeetingProtocol, ProgrammeCycle]

    def dispatch(self, request, *args, **kwargs):
        raise Http404
