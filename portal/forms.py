"""How every form of the portal lays out a field: label, errors, the field, then its help.

Django's own layout puts the help text between the label and the field; for
the login form's password that is the "Forgot your password?" link, which then
stands between the label and what it labels. The help stays tied to the field
by ``aria-describedby``, so screen readers read it with the field.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from . import search
from .search_terms import clean_search_query


class PortalFormRenderer(TemplatesSetting):
    field_template_name = "includes/form_field.html"


class SearchForm(forms.Form):
    """The search page's form: the words, and what to search among (GET, no script needed).

    The choices are what the apps registered (``portal.search``): kinds of pages,
    areas of other records, and filters of pages such as a guide's topic.
    """

    q = forms.CharField(label=_("Search for"), required=False)
    type = forms.ChoiceField(label=_("Search among"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {kind.name: kind for kind in search.page_kinds()}
        self.areas = {area.name: area for area in search.search_areas()}
        self.fields["type"].choices = [
            ("", _("Everything")),
            *((kind.name, kind.label) for kind in self.kinds.values()),
            *((area.name, area.heading) for area in self.areas.values()),
        ]
        self.filters = {found.name: found for found in search.search_filters()}
        for name, found in self.filters.items():
            self.fields[name] = forms.ChoiceField(
                label=found.label, required=False, choices=[("", _("Any")), *found.choices()]
            )

    def chosen(self) -> "search.SearchChoice":
        """What the person asked for; a value the form does not offer is left out (and the
        form shows why)."""
        self.is_valid()
        data = self.cleaned_data
        kind_or_area = data.get("type") or ""
        return search.SearchChoice(
            query=clean_search_query(data.get("q") or ""),
            kind=self.kinds.get(kind_or_area),
            area=self.areas.get(kind_or_area),
            filters={self.filters[name]: data[name] for name in self.filters if data.get(name)},
        )
