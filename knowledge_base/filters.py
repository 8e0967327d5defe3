"""The public lists' filters: GET forms whose state is the page's address.

Each filter takes the values a reader can pick from the form; an address
with a value no form offers (edited by hand, an old link) is shown as the
form's error beside an empty list, never as a server error.
"""

import django_filters

from django.utils.translation import gettext_lazy as _

from partners.models import Country

from .models import LocalService, Region, ServiceKind, SpokenLanguage, TargetGroup, Topic
from .models.regions import SLOVENIAN_REGIONS


def _regions_by_country():
    return [
        (Country.SLOVENIA.label, [(r.value, r.label) for r in Region if r in SLOVENIAN_REGIONS]),
        (
            Country.CROATIA.label,
            [(r.value, r.label) for r in Region if r not in SLOVENIAN_REGIONS],
        ),
    ]


def _term_filter(label, field_name, model, empty_label):
    """A vocabulary's term by its slug, as the list's address names it."""
    return django_filters.ModelChoiceFilter(
        label=label,
        field_name=field_name,
        to_field_name="slug",
        queryset=model.objects.all(),
        empty_label=empty_label,
    )


class DirectoryFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=_regions_by_country, empty_label=_("All regions")
    )
    municipality = django_filters.ChoiceFilter(
        label=_("Municipality"), empty_label=_("All municipalities")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of service"), choices=ServiceKind.choices, empty_label=_("All kinds")
    )
    target_group = _term_filter(
        _("Target group"), "target_groups", TargetGroup, _("All target groups")
    )
    language = _term_filter(_("Language spoken"), "languages", SpokenLanguage, _("Any language"))

    class Meta:
        model = LocalService
        fields = ["region", "municipality", "kind", "target_group", "language"]

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["municipality"].extra["choices"] = [(m, m) for m in municipalities]


class GuideFilter(django_filters.FilterSet):
    topic = _term_filter(_("Topic"), "topics", Topic, _("All topics"))
    target_group = _term_filter(
        _("Target group"), "target_groups", TargetGroup, _("All target groups")
    )


class StudyVisitFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="starts_on__year", empty_label=_("All years")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=Country.choices, empty_label=_("Both countries")
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]
