"""Who may do what with each record in the admin, and 404 for what a user may not see.

Wagtail decides most permissions per model; here they depend on the cycle of
each record, so the policies answer per instance, from the same selectors
as the portal, and the views ask them about the object in hand.
"""

from functools import update_wrapper

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404

from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from .. import selectors
from ..models import ProgrammeCycle

# What recording a meeting or a participant takes; a policy grants them together.
EDITING_ACTIONS = {"add", "change", "lock", "unlock"}


def _cycle_ids(user, cache_name, cycles):
    """The pks of ``cycles``, kept on the user for the request: a listing asks once per row."""
    if not hasattr(user, cache_name):
        setattr(user, cache_name, set(cycles.values_list("pk", flat=True)))
    return getattr(user, cache_name)


def visible_cycle_ids(user):
    return _cycle_ids(user, "_meetings_visible_cycle_ids", selectors.cycles_visible_to(user))


def working_cycle_ids(user):
    return _cycle_ids(user, "_meetings_working_cycle_ids", selectors.cycles_worked_in_by(user))


class CycleRecordPermissionPolicy(BasePermissionPolicy):
    """Protocols and participants: membership decides, not Django's model permissions.

    Partner staff have no model permissions for meetings. Whoever works in a
    cycle (``selectors.cycles_worked_in_by``) records its meetings and
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
