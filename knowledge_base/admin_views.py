"""The admin's pages of the knowledge base: the directory's import and export, the reviews due.

The import is three steps on two pages: upload (the file is checked and kept),
preview (what each row would do, and why a row is refused), apply. Every
step is a service of ``knowledge_base.services``; these views only ask
permissions and show the outcome.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import rules, selectors, services
from .models import DirectoryImport
from .resources import LocalServiceResource


def may_import(user) -> bool:
    return user.has_perm("knowledge_base.add_localservice") and user.has_perm(
        "knowledge_base.change_localservice"
    )


def may_see_reviews(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File of services"),
        help_text=_("CSV (UTF-8) or XLSX, with a header row; see the columns below."),
    )


class _DirectoryAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("wagtailsnippets_knowledge_base_localservice:list"),
                "label": _("Local services"),
            },
            {"url": "", "label": self.page_title},
        ]


class DirectoryImportView(_DirectoryAdminMixin, FormView):
    template_name = "knowledge_base/admin/import_upload.html"
    page_title = _("Import services")
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "columns": LocalServiceResource.Meta.fields,
            "required_columns": services.REQUIRED_COLUMNS,
        }

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            directory_import = services.directory_import_upload(
                user=self.request.user, file_name=upload.name, content=upload.read()
            )
        except services.DirectoryImportError as refusal:
            form.add_error("file", refusal.message)
            return self.form_invalid(form)
        return redirect("knowledge_base_admin:import_preview", pk=directory_import.pk)


class DirectoryImportPreviewView(_DirectoryAdminMixin, TemplateView):
    """What the uploaded file would change; applying it on confirmation."""

    template_name = "knowledge_base/admin/import_preview.html"
    page_title = _("Preview of the import")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.directory_import = get_object_or_404(DirectoryImport, pk=kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["directory_import"] = self.directory_import
        if self.directory_import.applied_at is None:
            context["report"] = services.directory_import_preview(
                self.directory_import, user=self.request.user
            )
        return context

    def post(self, request, *args, **kwargs):
        try:
            report = services.directory_import_apply(self.directory_import.pk, user=request.user)
        except services.DirectoryImportError as refusal:
            messages.error(request, refusal.message)
            return redirect("knowledge_base_admin:import_preview", pk=self.directory_import.pk)
        totals = report.totals
        messages.success(
            request,
            _(
                "Imported: %(new)d new, %(update)d updated, %(unchanged)d unchanged, "
                "%(refused)d refused."
            )
            % totals,
        )
        return redirect("wagtailsnippets_knowledge_base_localservice:list")


class DirectoryExportView(View):
    """Every service as CSV or XLSX, for whoever may see the services in the admin."""

    def get(self, request):
        if not request.user.has_perm("knowledge_base.view_localservice"):
            raise PermissionDenied
        file_format = request.GET.get("format", DirectoryImport.Format.CSV)
        if file_format not in DirectoryImport.Format.values:
            file_format = DirectoryImport.Format.CSV
        content_type = {
            DirectoryImport.Format.CSV: "text/csv; charset=utf-8",
            DirectoryImport.Format.XLSX: (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        }[file_format]
        response = HttpResponse(services.directory_export(file_format), content_type=content_type)
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = (
            f'attachment; filename="local-services-{stamp}.{file_format}"'
        )
        return response


class GuideReviewsView(WagtailAdminTemplateMixin, TemplateView):
    """Guides whose review is due or near, soonest first, with who keeps each."""

    template_name = "knowledge_base/admin/guide_reviews.html"
    page_title = _("Guides due for review")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return {
            **super().get_context_data(**kwargs),
            "guides": selectors.guides_due_for_review(today=today),
            "today": today,
            "notice_days": rules.REVIEW_NOTICE_DAYS,
        }
