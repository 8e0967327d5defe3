"""The admin's newsletter pages: sending an issue, and the subscribers (counts; export).

Sending asks the issue's page permissions: whoever may publish the issue
may send it. Subscribers' counts are for whoever may view subscribers (the
Editors); the list itself only for those who may export it (the
Administrators). Every step is a service of ``news.services``.
"""

import csv
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import rules, selectors, services, tasks
from .models import NewsletterIssuePage, Subscriber

logger = logging.getLogger(__name__)


class NewsletterSendingView(WagtailAdminTemplateMixin, TemplateView):
    """An issue's sending: the test to oneself, the send, its progress while it runs, its result."""

    template_name = "news/admin/newsletter_sending.html"
    page_title = _("Send by e-mail")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.issue = get_object_or_404(NewsletterIssuePage, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not self.issue.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.issue)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_pages:edit", args=[self.issue.pk]), "label": self.issue},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **selectors.newsletter_sending_state(self.issue),
            "issue": self.issue,
        }

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "test":
                services.newsletter_send_test(self.issue, request.user)
                messages.success(
                    request, _("The test was sent to %(email)s.") % {"email": request.user.email}
                )
            elif action == "start":
                services.newsletter_send_start(self.issue, request.user)
                self._queue()
                messages.success(request, _("The issue is being sent."))
            elif action == "resume":
                uncertain = services.newsletter_send_resume(self.issue)
                self._queue()
                messages.success(request, _("Sending resumed."))
                if uncertain:
                    messages.warning(request, _("Some messages are uncertain; see below."))
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        except rules.MAIL_FAILURES:
            messages.error(
                request, _("The mail server did not take the test message; try again later.")
            )
        return redirect("news_admin:newsletter_sending", pk=self.issue.pk)

    def _queue(self):
        issue_pk = self.issue.pk
        transaction.on_commit(lambda: tasks.newsletter_send.enqueue(issue_pk))


class SubscribersView(WagtailAdminTemplateMixin, TemplateView):
    """How many subscribe, by language; the list only for those who may export it."""

    template_name = "news/admin/subscribers.html"
    page_title = _("Newsletter subscribers")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("news.view_subscriber"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **selectors.subscriber_counts(),
            "may_export": self.request.user.has_perm("news.export_subscriber"),
        }


class SubscribersExportView(View):
    """Every address with its language and consent, as CSV: for administrators only."""

    def get(self, request):
        if not request.user.has_perm("news.export_subscriber"):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(["email", "language", "consent_version", "consented_at", "confirmed_at"])
        rows = Subscriber.objects.order_by("email").values_list(
            "email", "language", "consent_version", "consented_at", "confirmed_at"
        )
        for email, *rest in rows:
            writer.writerow([_spreadsheet_safe(email), *rest])
        # A list of personal data left the portal: who took it, and how much, is on record.
        logger.info("Subscribers exported by user %s: %d addresses", request.user.pk, len(rows))
        return response


def _spreadsheet_safe(value: str) -> str:
    """An address may begin with = + - or @, which spreadsheets would run as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
