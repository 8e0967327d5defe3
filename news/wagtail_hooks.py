"""Registers what the news add to the portal and its admin.

The home page's sections; in the admin, each issue's *Send by e-mail* page
(from the issue's header and listing menus) and the subscribers' report.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import admin_views, home, search
from .models import NewsletterIssuePage

hooks.register("register_portal_home_section", home.news_section)
hooks.register("register_portal_search_page_kind", search.news_page_kind)
hooks.register("register_portal_search_page_kind", search.newsletter_page_kind)

admin_urlpatterns = [
    path(
        "issue/<int:pk>/send/",
        admin_views.NewsletterSendingView.as_view(),
        name="newsletter_sending",
    ),
    path("subscribers/", admin_views.SubscribersView.as_view(), name="subscribers"),
    path(
        "subscribers/export/",
        admin_views.SubscribersExportView.as_view(),
        name="subscribers_export",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletter/", include((admin_urlpatterns, "news_admin")))]


class SubscribersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("news.view_subscriber")


@hooks.register("register_reports_menu_item")
def register_subscribers_report():
    return SubscribersMenuItem(
        _("Newsletter subscribers"), reverse("news_admin:subscribers"), icon_name="group"
    )


def _send_button(page, user):
    is_issue = issubclass(page.specific_class or object, NewsletterIssuePage)
    if is_issue and page.live and page.permissions_for_user(user).can_publish():
        yield Button(
            _("Send by e-mail"),
            reverse("news_admin:newsletter_sending", args=[page.pk]),
            icon_name="mail",
            priority=55,
        )


@hooks.register("register_page_header_buttons")
def send_header_button(page, user, view_name, next_url=None):
    yield from _send_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def send_listing_button(page, user, next_url=None):
    yield from _send_button(page, user)
