"""Registers the knowledge base with Wagtail and the portal: the directory and vocabularies
in the admin, the directory's import and export, the review report, the search areas and
*My work* sections.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views, search, work
from .models import LocalService, SpokenLanguage, TargetGroup, Topic

hooks.register("register_portal_search_area", search.services_search_area)
hooks.register("register_portal_search_area", search.study_visits_internal_search_area)
hooks.register("register_portal_search_page_kind", search.guides_page_kind)
hooks.register("register_portal_search_page_kind", search.study_visits_page_kind)
hooks.register("register_portal_search_filter", search.topic_filter)
hooks.register("register_portal_work_section", work.reviews_due_section)
hooks.register("register_portal_work_section", work.follow_ups_section)


class LocalServiceFilterSet(WagtailFilterSet):
    class Meta:
        model = LocalService
        fields = ["region", "kind", "target_groups", "languages"]


class LocalServiceIndexView(IndexView):
    """The services' listing, with the import and the export in its header's menu."""

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if admin_views.may_import(user):
            buttons.append(
                Button(
                    _("Import from CSV or XLSX"),
                    url=reverse("knowledge_base_admin:import"),
                    icon_name="upload",
                    priority=30,
                )
            )
        export = reverse("knowledge_base_admin:export")
        buttons += [
            Button(
                _("Export as CSV"), url=f"{export}?format=csv", icon_name="download", priority=40
            ),
            Button(
                _("Export as XLSX"), url=f"{export}?format=xlsx", icon_name="download", priority=41
            ),
        ]
        return buttons


class LocalServiceViewSet(SnippetViewSet):
    model = LocalService
    index_view_class = LocalServiceIndexView
    icon = "site"
    menu_label = _("Local services")
    list_display = [
        "name",
        "municipality",
        Column("region", label=_("Region"), accessor="get_region_display"),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
    ]
    list_per_page = 50
    filterset_class = LocalServiceFilterSet
    ordering = ["municipality", "name"]


class TermViewSet(SnippetViewSet):
    list_display = ["name_sl", "name_hr", "name_en", "slug"]
    ordering = ["sort_order", "name_sl"]
    copy_view_enabled = False


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")


class SpokenLanguageViewSet(TermViewSet):
    model = SpokenLanguage
    icon = "globe"
    menu_label = _("Languages spoken")


class KnowledgeBaseViewSetGroup(SnippetViewSetGroup):
    items = (LocalServiceViewSet, TopicViewSet, TargetGroupViewSet, SpokenLanguageViewSet)
    menu_icon = "help"
    menu_label = _("Knowledge base")
    menu_name = "knowledge-base"
    menu_order = 230


register_snippet(KnowledgeBaseViewSetGroup)

admin_urlpatterns = [
    path("services/import/", admin_views.DirectoryImportView.as_view(), name="import"),
    path(
        "services/import/<int:pk>/",
        admin_views.DirectoryImportPreviewView.as_view(),
        name="import_preview",
    ),
    path("services/export/", admin_views.DirectoryExportView.as_view(), name="export"),
    path("guides/reviews/", admin_views.GuideReviewsView.as_view(), name="guide_reviews"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("knowledge-base/", include((admin_urlpatterns, "knowledge_base_admin")))]


class GuideReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_guide_reviews_report():
    return GuideReviewsMenuItem(
        _("Guides due for review"), reverse("knowledge_base_admin:guide_reviews"), icon_name="time"
    )
