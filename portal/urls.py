from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import urls as accounts_urls

from . import views
from .admin_api import (
    snippet_detail,
    snippet_translation_submit,
    snippets_listing,
    translations_report,
    translations_report_results,
)
from .sitemaps import PortalSitemap

urlpatterns = [
    # The admin's own login form would bypass MFA and the rate limits.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    # Before the admin's own URLs: wagtail-localize's would answer for records the user
    # may not see (``portal.admin_api``).
    path("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/", snippets_listing),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        snippet_detail,
    ),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        snippet_translation_submit,
    ),
    path("admin/localize/reports/translations/", translations_report),
    path("admin/localize/reports/translations/results/", translations_report_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("favicon.ico", views.favicon),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(accounts_urls)),
    path("accounts/", include("allauth.urls")),
    path("search/", views.search, name="search"),
    path("meetings/", include("meetings.urls")),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
