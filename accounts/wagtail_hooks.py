"""The site administrators' overview of invitations in the Wagtail admin."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Invitation


class InvitationFilterSet(WagtailFilterSet):
    accepted = django_filters.BooleanFilter(
        label=_("Accepted"), field_name="accepted_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Invitation
        fields = ["institution"]


class InvitationPermissionPolicy(ModelPermissionPolicy):
    """Administrators review, extend and revoke invitations, but never add one.

    An invitation is made on the portal page, whose e-mail carries the only
    copy of the link; one added in the admin would reach nobody.
    """

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["email", "institution", "invited_by", "created_at", "expires_at", "accepted_at"]
    filterset_class = InvitationFilterSet
    # Extending a link is the one change that makes sense: the invitee still has the e-mail.
    form_fields = ["expires_at"]
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["token_hash"]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return InvitationPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    return InvitationViewSet("invitations")
