"""The meetings in the Wagtail admin: who may do what, the forms, and the views.

The privacy rule of ``meetings.selectors`` holds here as on the portal: a
programme cycle, its participants and its protocols exist only for members
of the institutions taking part in the cycle and for site administrators.
Wagtail decides most permissions per model; here they depend on the cycle of
each record, so the policies below answer per instance, the views ask them
about the object in hand, and every form offers only what its user may see.
Changes go through ``meetings.services``, like those made on the portal.
"""

from functools import update_wrapper

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy
from wagtail.search.backends import get_search_backend
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import snippets as snippet_views

from partners.models import Institution

from . import selectors, services
from .forms import offer_missing_rows
from .models import (
    RECRUITMENT_POINTS,
    AccessChannel,
    ActionItem,
    MeetingKind,
    MeetingProtocol,
    Participant,
    ProgrammeCycle,
    ProtocolAccess,
)

# What recording a meeting or a participant takes; a policy grants them together.
EDITING_ACTIONS = {"add", "change", "lock", "unlock"}


# --- Whom a record exists for ------------------------------------------------


def cycles_user_works_in(user):
    """The cycles whose meetings and participants the user records (``user_works_in_cycle``)."""
    if not user or not user.is_authenticated:
        return ProgrammeCycle.objects.none()
    if user.is_superuser:
        return ProgrammeCycle.objects.all()
    return ProgrammeCycle.objects.filter(institutions__memberships__user=user).distinct()


def institutions_of(cycles):
    return Institution.objects.filter(programme_cycles__in=cycles).distinct().order_by("short_name")


def staff_of(cycles):
    """People working for an institution of ``cycles``: those a protocol may name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__institution__programme_cycles__in=cycles)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def participants_of(user, cycles):
    """The participants of ``cycles`` that ``user`` may see, for a protocol's rows."""
    if not user:
        return Participant.objects.none()
    return (
        selectors.participants_visible_to(user).filter(cycle__in=cycles).order_by("cycle", "number")
    )


def person_label(user):
    return user.get_full_name() or user.email


def _cycle_ids(user, cache_name, cycles):
    """The pks of ``cycles``, kept on the user for the request: a listing asks once per row."""
    if not hasattr(user, cache_name):
        setattr(user, cache_name, set(cycles.values_list("pk", flat=True)))
    return getattr(user, cache_name)


def visible_cycle_ids(user):
    return _cycle_ids(user, "_meetings_visible_cycle_ids", selectors.cycles_visible_to(user))


def working_cycle_ids(user):
    return _cycle_ids(user, "_meetings_working_cycle_ids", cycles_user_works_in(user))


# --- Permission policies -----------------------------------------------------


class CycleRecordPermissionPolicy(BasePermissionPolicy):
    """Protocols and participants: membership decides, not Django's model permissions.

    Partner staff have no model permissions for meetings. Whoever works in a
    cycle (``selectors.user_works_in_cycle``) records its meetings and
    participants; whoever may see it reads them. ``visible_to`` is the
    selector of the records that exist for a user.
    """

    visible_to = None

    def user_has_permission(self, user, action):
        if action == "view":
            return selectors.user_has_staff_area(user)
        if action in EDITING_ACTIONS:
            return bool(working_cycle_ids(user))
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.cycle_id not in visible_cycle_ids(user):
            return False
        if action == "view":
            return True
        if action in EDITING_ACTIONS:
            return instance.cycle_id in working_cycle_ids(user)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.visible_to(user)


class ProtocolPermissionPolicy(CycleRecordPermissionPolicy):
    """Only a superuser deletes a protocol, and only a draft: what was submitted is a record."""

    visible_to = staticmethod(selectors.protocols_visible_to)

    def user_has_permission(self, user, action):
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete":
            return (
                instance.cycle_id in visible_cycle_ids(user)
                and self.user_has_permission(user, "delete")
                and instance.is_draft
            )
        return super().user_has_permission_for_instance(user, action, instance)


class ParticipantPermissionPolicy(CycleRecordPermissionPolicy):
    """Nobody deletes a participant: one who leaves gets an exit date, and entries refer to them."""

    visible_to = staticmethod(selectors.participants_visible_to)


class ProgrammeCyclePermissionPolicy(ModelPermissionPolicy):
    """Administrators set cycles up (Django permissions); everyone reads the cycles they may see."""

    visible_to = staticmethod(selectors.cycles_visible_to)

    def user_has_permission(self, user, action):
        if action == "view" and selectors.user_has_staff_area(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.pk not in visible_cycle_ids(user):
            return False
        return action == "view" or super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ProgrammeCycle.objects.none()
        return self.visible_to(user)


class AccessLogPermissionPolicy(BasePermissionPolicy):
    """The access log is read by site administrators; nobody adds, changes or deletes an entry."""

    def user_has_permission(self, user, action):
        return action == "view" and selectors.user_is_site_administrator(user)


def only_visible_objects(urlpatterns, visible_to):
    """Make every view of one object answer 404 unless the object is in ``visible_to(user)``.

    Wrapping the URL patterns that take a pk covers every such view a
    viewset has (edit, inspect, history, delete, revisions, lock, usage …),
    including any a later Wagtail adds, before the view looks at anything:
    for everyone else the record does not exist, so not even 403.
    """

    def decorate(view):
        def visible_only(request, *args, **kwargs):
            try:
                found = visible_to(request.user).filter(pk=unquote(str(kwargs["pk"]))).exists()
            except (ValueError, ValidationError):
                found = False
            if not found:
                raise Http404
            return view(request, *args, **kwargs)

        return update_wrapper(visible_only, view)

    for pattern in urlpatterns:
        if "pk" in pattern.pattern.regex.groupindex:
            pattern.callback = decorate(pattern.callback)
    return urlpatterns


# --- Forms ---------------------------------------------------------------------


class SaveRefused(Exception):
    """A service refused to save; ``error`` says why, for the form the user typed in."""

    def __init__(self, error: ValidationError):
        super().__init__(error)
        self.error = error


def _add_to_form(form, error: ValidationError):
    """Show the refusal on the fields it names, and on the form for everything else."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Fields of a protocol's rows that offer other records to choose from.
ROW_CHOICE_FIELDS = ("participant", "responsible_institution", "responsible_person", "action_item")


class ProtocolRowForm(WagtailAdminModelForm):
    """A row of a protocol; its dropdowns offer only ``row_choices``, from the protocol form.

    A row built without them offers nothing, so no row ever lists another
    cycle's participants, people or action items.
    """

    def __init__(self, *args, row_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ROW_CHOICE_FIELDS:
            if name in self.fields:
                field = self.fields[name]
                field.queryset = (row_choices or {}).get(name, field.queryset.none())
        if "responsible_person" in self.fields:
            self.fields["responsible_person"].label_from_instance = person_label


class ProtocolRowsPanel(InlinePanel):
    """An InlinePanel whose rows get the protocol form's ``row_choices`` (``inherit_kwargs``)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=ProtocolRowForm, inherit_kwargs=["row_choices"]
        )
        return options


class ProtocolAdminForm(WagtailAdminModelForm):
    """A protocol in the admin; every choice is limited to the cycles the user works in.

    A new protocol may belong to any of them; an existing one stays in its
    cycle and keeps its kind, and offers only that cycle's institutions,
    staff, participants and earlier action items, as on the portal, with a
    row for each participant and each earlier open item it has none for.
    """

    def __init__(self, *args, for_user=None, instance=None, **kwargs):
        existing = instance is not None and instance.pk is not None
        cycles = cycles_user_works_in(for_user)
        if existing:
            cycles = cycles.filter(pk=instance.cycle_id)
        action_items = ActionItem.objects.filter(protocol__cycle__in=cycles).select_related(
            "protocol"
        )
        self.row_choices = {
            "participant": participants_of(for_user, cycles),
            "responsible_institution": institutions_of(cycles),
            "responsible_person": staff_of(cycles),
            "action_item": action_items.exclude(protocol=instance) if existing else action_items,
        }
        super().__init__(*args, for_user=for_user, instance=instance, **kwargs)
        self.fields["cycle"].queryset = cycles
        self.fields["institutions_present"].queryset = institutions_of(cycles)
        self.fields["institutions_present"].label_from_instance = lambda i: i.name
        self.fields["staff_present"].queryset = staff_of(cycles)
        self.fields["staff_present"].label_from_instance = person_label
        if existing:
            # A protocol never moves to another cycle, and its kind decides what it records.
            self.fields["cycle"].disabled = True
            self.fields["kind"].disabled = True
            if self.instance.kind != MeetingKind.RECRUITMENT:
                for field, _label in RECRUITMENT_POINTS:
                    del self.fields[field]
            # An offered row left as it is is not saved: the item stays open, the entry unwritten.
            offer_missing_rows(
                self,
                instance,
                participants=self.row_choices["participant"],
                action_items=selectors.action_items_to_review(
                    cycle=instance.cycle, before=instance.starts_at, protocol=instance
                ),
            )

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        if kind and kind != MeetingKind.RECRUITMENT:
            for field, _label in RECRUITMENT_POINTS:
                if cleaned_data.get(field, "").strip():
                    self.add_error(field, _("Only a recruitment meeting records this point."))
        return cleaned_data


class ProgrammeCycleAdminForm(WagtailAdminModelForm):
    """A cycle: the provider is one of the participating institutions, who alone see the cycle."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        institutions = self.fields["institutions"]
        institutions.widget = forms.CheckboxSelectMultiple(choices=institutions.choices)

    def clean(self):
        cleaned_data = super().clean()
        provider = cleaned_data.get("provider")
        institutions = cleaned_data.get("institutions")
        if provider and institutions is not None and provider not in institutions:
            self.add_error(
                "institutions",
                _(
                    "Include the programme provider, %(provider)s, among the participating "
                    "institutions: its staff run the cycle."
                )
                % {"provider": provider},
            )
        return cleaned_data


class ParticipantAdminForm(WagtailAdminModelForm):
    """A participant of a cycle the user works in; the code is given on saving and never changes.

    Someone joining has not left yet: the exit fields appear once they are in.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["cycle"].queryset = cycles_user_works_in(for_user)
        if self.instance.pk:
            self.fields["cycle"].disabled = True
        else:
            del self.fields["exited_on"]
            del self.fields["exit_outcome"]


# --- Views -------------------------------------------------------------------


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

    ``save_instance`` raises ``SaveRefused``; the form is shown again with
    everything the user typed and the reason, never a server error.
    """

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except SaveRefused as refused:
            _add_to_form(form, refused.error)
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


def local_datetime(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


# Protocols


def portal_button(protocol):
    return Button(
        _("Open in the portal"),
        url=reverse("meetings:protocol", args=[protocol.pk]),
        icon_name="link-external",
        priority=40,
    )


def refusal(error) -> ValidationError:
    """What ``services.protocol_save`` refused, in words for the person who pressed Save."""
    if isinstance(error, services.ProtocolEditConflict):
        revision = error.revision
        return ValidationError(
            _(
                "%(person)s saved this protocol at %(time)s, after you opened it, so your changes "
                "were not saved. They are still in the form below. Open the protocol in a new tab "
                "to compare; if you save this form again, your version replaces theirs."
            )
            % {
                "person": revision.user.get_full_name() if revision.user else _("Someone"),
                "time": local_datetime(revision.created_at),
            }
        )
    if isinstance(error, services.ProtocolLocked):
        return ValidationError(error.args[0])
    if isinstance(error, services.ProtocolIncomplete):
        return ValidationError([_("A submitted protocol must stay complete."), *error.missing])
    if isinstance(error, PermissionDenied):
        return ValidationError(
            _("Only the staff of the institutions of a cycle record its meetings.")
        )
    return error


class ProtocolSaveMixin(ServiceSaveMixin):
    """Save a protocol as ``services.protocol_save`` does on the portal: a revision, and the rules.

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

    def save_instance(self):
        try:
            protocol = services.protocol_save(
                protocol=self.form.save(commit=False),
                user=self.request.user,
                loaded_revision_id=self.loaded_revision_id,
            )
        except (
            services.ProtocolEditConflict,
            services.ProtocolLocked,
            services.ProtocolIncomplete,
            PermissionDenied,
            ValidationError,
        ) as error:
            raise SaveRefused(refusal(error)) from error
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
        return selectors.search_protocols(user=self.request.user, query=query)

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), portal_button(instance)]


class ProtocolCreateView(ProtocolSaveMixin, snippet_views.CreateView):
    pass


class ProtocolEditView(
    ProtocolAccessRecordMixin,
    InstancePermissionMixin,
    ProtocolSaveMixin,
    snippet_views.EditView,
):
    def get(self, request, *args, **kwargs):
        if self.object.approvals.filter(superseded_at__isnull=True).exists():
            messages.warning(
                request,
                _(
                    "Institutions present have approved this protocol. If you save a change, "
                    "their approvals are reset and every institution present approves it again."
                ),
            )
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, portal_button(self.object)]


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
        return [*super().header_more_buttons, portal_button(self.object)]


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


# Programme cycles


class ProgrammeCycleIndexView(
    WithoutBulkActionsMixin, SearchAmongListedMixin, snippet_views.IndexView
):
    pass


class ProgrammeCycleEditView(InstancePermissionMixin, snippet_views.EditView):
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


# Participants


class ParticipantIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, {"view"}
        ).select_related("cycle__provider")


class ParticipantCreateView(ServiceSaveMixin, generic.CreateView):
    """The code is the next free one of the cycle, as ``services.participant_create`` gives it."""

    def save_instance(self):
        data = self.form.cleaned_data
        try:
            participant = services.participant_create(
                cycle=data["cycle"],
                user=self.request.user,
                target_group=data["target_group"],
                entered_on=data["entered_on"],
                note=data["note"],
            )
        except PermissionDenied as error:
            raise SaveRefused(refusal(error)) from error
        except ValidationError as error:
            raise SaveRefused(error) from error
        log(instance=participant, action="wagtail.create", content_changed=True)
        return participant


class ParticipantEditView(ServiceSaveMixin, InstancePermissionMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The permission check before dispatching needs the participant.
        self.object = self.get_object()

    def save_instance(self):
        changes = {
            field: self.form.cleaned_data[field]
            for field in ("target_group", "entered_on", "exited_on", "exit_outcome", "note")
        }
        try:
            participant = services.participant_update(
                participant=self.object, user=self.request.user, **changes
            )
        except PermissionDenied as error:
            raise SaveRefused(refusal(error)) from error
        except ValidationError as error:
            raise SaveRefused(error) from error
        log(instance=participant, action="wagtail.edit", content_changed=self.form.has_changed())
        return participant


class ParticipantHistoryView(InstancePermissionMixin, HistoryView):
    any_permission_required = ["add", "change", "delete", "view"]


class ParticipantDeleteView(InstancePermissionMixin, generic.DeleteView):
    pass


class ParticipantUsageView(InstancePermissionMixin, UsageView):
    pass


# The access log


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
