"""Read queries about the partnership."""

from itertools import groupby

from .models import Country, Institution, InstitutionKind


def institutions_grouped_by_country_and_kind():
    """Partners as [(country label, [(kind label, [institution, ...]), ...]), ...].

    Countries and kinds keep the order of their choices, so the page reads the
    same in every language; one query with the logo and its renditions' source.
    """
    country_order = {value: position for position, value in enumerate(Country.values)}
    kind_order = {value: position for position, value in enumerate(InstitutionKind.values)}
    institutions = sorted(
        Institution.objects.select_related("logo"),
        key=lambda i: (country_order[i.country], kind_order[i.kind], i.name.casefold()),
    )
    return [
        (
            Country(country).label,
            [
                (InstitutionKind(kind).label, list(members))
                for kind, members in groupby(by_country, key=lambda i: i.kind)
            ],
        )
        for country, by_country in groupby(institutions, key=lambda i: i.country)
    ]
