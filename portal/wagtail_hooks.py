"""Registers what the ground floor adds to the admin: the translation report; and hides
wagtail-localize's own report from those who may not translate (``portal.admin_api``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from .admin_api import TRANSLATE
from .admin_views import TranslationReportView

admin_urlpatterns = [
    path("", TranslationReportView.as_view(), name="translation_report"),
    path(
        "results/",
        TranslationReportView.as_view(results_only=True),
        name="translation_report_results",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/translations/", include((admin_urlpatterns, "portal_admin")))]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_permission(
            request.user, TranslationReportView.permission_required
        )


@hooks.register("register_reports_menu_item")
def register_translation_report():
    return TranslationReportMenuItem(
        _("Translations to do"), reverse("portal_admin:translation_report"), icon_name="globe"
    )


@hooks.register("construct_reports_menu")
def hide_localize_report_from_non_translators(request, menu_items):
    if not request.user.has_perm(TRANSLATE):
        localize_report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != localize_report]
