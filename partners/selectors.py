"""Read queries about the partnership."""

import unicodedata
from itertools import groupby

from .models import Country, Institution, InstitutionKind, Membership


def institutions_grouped_by_country_and_kind():
    """Partners as [(country label, [(kind label, [institution, ...]), ...]), ...].

    Countries and kinds keep the order of their choices, so the page reads the
    same in every language. Two queries however many partners there are: the
    institutions with their logos, and the logos' renditions.
    """
    country_order = {value: position for position, value in enumerate(Country.values)}
    kind_order = {value: position for position, value in enumerate(InstitutionKind.values)}
    institutions = sorted(
        Institution.objects.select_related("logo").prefetch_related("logo__renditions"),
        key=lambda i: (country_order[i.country], kind_order[i.kind], _sort_key(i.name)),
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


def _sort_key(name):
    """Sort "Č" right after "C", as Slovenian and Croatian readers expect, not after "Z"."""
    return unicodedata.normalize("NFKD", name.casefold())


def is_partner_staff(user) -> bool:
    """Whether ``user`` works for a partner institution (or runs the site): what partners
    share among themselves, and only with each other, is for them."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or Membership.objects.filter(user=user).exists()
