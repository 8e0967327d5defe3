"""Admin screens for the partnership: the institutions and who works for them."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Institution, Membership


class InstitutionFilterSet(WagtailFilterSet):
    """Partners are looked up by side of the border and by what they do."""

    class Meta:
        model = Institution
        fields = ["country", "kind"]


class InstitutionViewSet(SnippetViewSet):
    """Institutions are snippets so that other content can choose them (meetings, visits)."""

    model = Institution
    icon = "site"
    menu_label = _("Institutions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "short_name",
        # The name in the language of the person using the admin.
        Column("name", label=_("Name")),
        "country",
        "kind",
        "region",
    ]
    list_per_page = 50
    filterset_class = InstitutionFilterSet
    ordering = "short_name"


class MembershipFilterSet(WagtailFilterSet):
    """Administrators look at one institution's people, or at everyone in one role."""

    class Meta:
        model = Membership
        fields = ["institution", "role"]


class MembershipIndexView(IndexView):
    """Each row shows its person and institution: fetch them with the memberships."""

    queryset = Membership.objects.select_related("user", "institution")


class MembershipViewSet(ModelViewSet):
    """Administrators decide who works for which institution, and in which role."""

    model = Membership
    index_view_class = MembershipIndexView
    icon = "group"
    menu_label = _("Memberships")
    menu_order = 220
    add_to_admin_menu = True
    form_fields = ["user", "institution", "role"]
    list_display = [
        "user__email",
        Column("person", label=_("Name"), accessor=lambda m: m.user.get_full_name()),
        "institution",
        "role",
        "created_at",
    ]
    list_per_page = 50
    filterset_class = MembershipFilterSet
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    ordering = ["institution__short_name", "user__email"]
    copy_view_enabled = False


register_snippet(InstitutionViewSet)


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet()
