"""The admin's translation report: every page whose translation is missing or behind its source.

One row per page and language (``portal.translation_status``), with the step
that catches it up: wagtail-localize's *Translate* for a missing translation,
its *Sync* when the source was published after the last sync, or the translated
page's editor. It is an editors' report: whoever may edit pages sees the pages
they may edit, view restrictions or not.
"""

import django_filters

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_content_type_label
from wagtail.models import Page, get_page_content_types
from wagtail.permissions import page_permission_policy

from . import translation_status
from .translation_status import Lag, TranslationState


def _language_choices():
    return list(get_content_languages().items())


def _page_type(row):
    # ContentType's cache answers after the first row of each type: no query per row.
    return get_content_type_label(ContentType.objects.get_for_id(row.content_type_id))


def _language(row):
    return get_content_languages().get(row.target_language, row.target_language)


def _state(row):
    return TranslationState(row.state).label


def _lag(row):
    return Lag(row.lag).label if row.lag else ""


class TranslationReportFilterSet(WagtailFilterSet):
    """Applied to each language's rows before they are combined (a union takes no filter)."""

    # Named ``locale`` so that it stands in for the one Wagtail adds to a filter set of pages,
    # which would choose the source's language: here the language is the translation's.
    locale = django_filters.ChoiceFilter(
        field_name="target_language",
        label=_("Language"),
        choices=_language_choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=TranslationState.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    content_type = ContentTypeFilter(
        label=_("Page type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = []


class StateColumn(Column):
    cell_template_name = "portal/admin/translation_state_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        return {**super().get_cell_context_data(instance, parent_context), "lag": _lag(instance)}


class ActionColumn(Column):
    """The one step that brings the row up to date, for a user who may take it."""

    cell_template_name = "portal/admin/translation_action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        request = parent_context["request"]
        label, url = translation_action(instance, request.user, back_to=_report_address(request))
        context = super().get_cell_context_data(instance, parent_context)
        return {**context, "label": label, "url": url}


def _report_address(request):
    """The report as the user sees it (filters, order, page), also when only its results came."""
    query = request.GET.copy()
    query.pop("_w_filter_fragment", None)
    address = reverse("portal_admin:translation_report")
    return f"{address}?{query.urlencode()}" if query else address


def translation_action(row, user, *, back_to):
    """The label and address of the step for ``row``, or ``(None, None)`` if ``user`` has none."""
    may_translate = user.has_perm("wagtail_localize.submit_translation")
    if row.state == TranslationState.MISSING:
        if not may_translate:
            return None, None
        url = reverse("wagtail_localize:submit_page_translation", args=[row.pk])
        return _("Translate"), f"{url}?{urlencode({'select_locale': row.target_language})}"
    if row.lag == Lag.SOURCE_PUBLISHED_SINCE_SYNC:
        if not may_translate:
            return None, None
        url = reverse("wagtail_localize:update_translations", args=[row.translation_source_id])
        return _("Sync translation"), f"{url}?{urlencode({'next': back_to})}"
    if row.translation_editable:
        return _("Edit translation"), reverse("wagtailadmin_pages:edit", args=[row.translation_id])
    return None, None


def _in_language(language, lines):
    """``lines`` made in ``language``, however late they are asked for."""
    with translation.override(language):
        yield from lines


class TranslationRowPaginator(WagtailPaginator):
    """Counts the rows as translations to do, not as the pages they are made of."""

    verbose_name = _("translation to do")
    verbose_name_plural = _("translations to do")


class TranslationReportView(ReportView):
    """*Reports › Translations to do*: for whoever may edit pages (``permission_required``)."""

    template_name = "portal/admin/translation_report.html"
    page_title = _("Translations to do")
    header_icon = "globe"
    index_url_name = "portal_admin:translation_report"
    index_results_url_name = "portal_admin:translation_report_results"
    filterset_class = TranslationReportFilterSet
    permission_policy = page_permission_policy
    permission_required = "change"
    default_ordering = "title"
    paginator_class = TranslationRowPaginator
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.pk]),
            sort_key="title",
            width="20%",
        ),
        Column("page_type", label=_("Page type"), accessor=_page_type),
        Column("language", label=_("Language"), accessor=_language, sort_key="target_locale_id"),
        StateColumn("state", label=_("State"), accessor=_state, sort_key="state"),
        DateColumn(
            "last_published_at", label=_("Source last published"), sort_key="last_published_at"
        ),
        DateColumn("synced_at", label=_("Last synced"), sort_key="synced_at"),
        DateColumn(
            "translation_updated_at",
            label=_("Translation last updated"),
            sort_key="translation_updated_at",
        ),
        ActionColumn("action", label=_("Action")),
    ]
    export_filename = "translations-to-do"
    list_export = [
        "title",
        "page_type",
        "language",
        "state",
        "lag",
        "last_published_at",
        "synced_at",
        "translation_updated_at",
    ]
    export_headings = {
        "title": _("Page"),
        "page_type": _("Page type"),
        "language": _("Language"),
        "state": _("State"),
        "lag": _("Why"),
        "last_published_at": _("Source last published"),
        "synced_at": _("Last synced"),
        "translation_updated_at": _("Translation last updated"),
    }
    _export_values = {
        "page_type": _page_type,
        "language": _language,
        "state": _state,
        "lag": _lag,
    }

    def get_queryset(self):
        rows = translation_status.translation_rows_by_language(self.request.user)
        queryset = translation_status.combined([self.filter_queryset(each) for each in rows])
        return self.order_queryset(queryset)

    def get_filtered_queryset(self):
        # Filtered already, language by language, in get_queryset.
        return self.get_queryset()

    def order_queryset(self, queryset):
        # Rows equal in the chosen order follow the pages' titles, then the order of the
        # languages (that of their locales).
        chosen = self.ordering or self.default_ordering
        rest = [name for name in ("title", "pk", "target_locale_id") if name != chosen.lstrip("-")]
        return queryset.order_by(chosen, *rest)

    def stream_csv(self, queryset):
        # The file is written as it is sent, after the view has returned and the admin's
        # language (the user's) has been switched off again: write it in that language.
        return _in_language(translation.get_language(), super().stream_csv(queryset))

    def to_row_dict(self, item):
        return {
            field: self._export_values[field](item)
            if field in self._export_values
            else getattr(item, field)
            for field in self.list_export
        }

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No translations to do match these filters.")
        return _("Every translation of the pages you may edit is up to date.")
