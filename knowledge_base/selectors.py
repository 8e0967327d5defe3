"""Read queries of the knowledge base: its lists, a page's relations, what staff must do.

Every list is a fixed number of queries however many records it shows: the
records, then one query per kind of related record.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.http import urlencode

from wagtail.search.backends import get_search_backend
from wagtail_localize.models import TranslationSource

from partners.models import Membership
from partners.selectors import is_partner_staff
from portal.languages import active_locale

from . import rules
from .filters import DirectoryFilter, GuideFilter, StudyVisitFilter
from .models import (
    DirectoryPage,
    GuidePage,
    LocalService,
    StudyVisitFollowUp,
    StudyVisitInternalPart,
    StudyVisitPage,
)

GUIDES_PER_PAGE = 20
SERVICES_PER_PAGE = 25
VISITS_PER_PAGE = 20
# *My work* lists this many of each; the admin's report has them all.
WORK_LIST_LENGTH = 20
# The search page shows the first of each area; narrow the words to find the rest.
SEARCH_LIMIT = 10


@dataclass(frozen=True)
class Listing:
    """One page of a filtered list, the filters' form, and the address that keeps them."""

    items: PaginatorPage
    filters: object

    @property
    def page_query(self) -> str:
        """The filters' state for the addresses of the other pages of the list."""
        kept = {
            name: value
            for name, value in self.filters.data.items()
            if name != "page" and name in self.filters.filters and value
        }
        return f"{urlencode(kept)}&" if kept else ""

    @property
    def is_filtered(self) -> bool:
        return any(self.filters.data.get(name) for name in self.filters.filters)


def _paged(filterset, per_page, number) -> Listing:
    # An address with a value the form does not offer lists nothing, and the form says why.
    items = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return Listing(items=Paginator(items, per_page).get_page(number), filters=filterset)


# --- Guides -------------------------------------------------------------------


def guides_published(locale):
    return GuidePage.objects.live().public().filter(locale=locale)


def guide_listing(index, params) -> Listing:
    """The index's guides, narrowed by topic and target group, by title."""
    guides = (
        guides_published(index.locale_id)
        .child_of(index)
        .order_by("title")
        .select_related("owner_institution")
        .prefetch_related("topics")
        .defer_streamfields()
    )
    filterset = GuideFilter(params, queryset=guides)
    return _paged(filterset, GUIDES_PER_PAGE, params.get("page"))


def in_locale(pages, locale, model) -> list:
    """``pages`` as their live translations in ``locale``, or as they are where there is none."""
    pages = list(pages)
    translated = {
        page.translation_key: page
        for page in model.objects.live().filter(
            locale=locale, translation_key__in=[page.translation_key for page in pages]
        )
    }
    return [translated.get(page.translation_key, page) for page in pages]


def guide_relations(guide) -> dict:
    """What a guide's page shows beside its body: its terms, related guides and services."""
    related = [
        link.guide
        for link in guide.related_guides.select_related("guide").order_by("sort_order")
        if link.guide.live
    ]
    return {
        "directory_url": directory_url(guide.locale_id),
        "topics": list(guide.topics.all()),
        "target_groups": list(guide.target_groups.all()),
        "related_guides": in_locale(related, guide.locale_id, GuidePage),
        "related_services": list(guide.related_services.order_by("name")),
    }


def translation_sources_only(pages: QuerySet) -> QuerySet:
    """Leave out the pages that are another page's translation: each record once.

    A translation carries its source's synchronised fields (an owner, follow-ups),
    so lists of what someone must do read the source alone.
    """
    copies = TranslationSource.objects.filter(object_id=OuterRef("translation_key")).exclude(
        locale_id=OuterRef("locale_id")
    )
    return pages.exclude(Exists(copies))


def pages_about_topic(pages, slug: str):
    """Of ``pages``, the guides about the topic ``slug``: the portal's search narrowed."""
    about = GuidePage.objects.filter(topics__slug=slug).values_list("pk", flat=True)
    return pages.filter(id__in=list(about))


def guides_due_for_review(*, today: date | None = None, owners=None) -> QuerySet[GuidePage]:
    """Guides whose next review is within ``REVIEW_NOTICE_DAYS`` or past, soonest first."""
    today = today or timezone.localdate()
    guides = translation_sources_only(
        GuidePage.objects.live().filter(
            next_review_on__lte=today + timedelta(days=rules.REVIEW_NOTICE_DAYS)
        )
    )
    if owners is not None:
        guides = guides.filter(owner_institution__in=owners)
    return guides.select_related("owner_institution").order_by("next_review_on", "title")


# --- The directory ------------------------------------------------------------


def directory_listing(params) -> Listing:
    """The services, narrowed by the filters the reader chose, by municipality and name."""
    services = LocalService.objects.prefetch_related("target_groups", "languages").order_by(
        "municipality", "name"
    )
    municipalities = (
        LocalService.objects.order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )
    filterset = DirectoryFilter(params, queryset=services, municipalities=municipalities)
    return _paged(filterset, SERVICES_PER_PAGE, params.get("page"))


def service_get(pk):
    return (
        LocalService.objects.prefetch_related("target_groups", "languages", "guides")
        .filter(pk=pk)
        .first()
    )


def guides_of_service(service, locale) -> list:
    """The public guides that name the service, once each, in ``locale`` where translated."""
    sources = translation_sources_only(service.guides.live().public().order_by("title"))
    return in_locale(sources, locale, GuidePage)


def directory_url(locale) -> str:
    """The address of the directory page of ``locale``, or "" where the site has none."""
    directory = DirectoryPage.objects.live().public().filter(locale=locale).first()
    return directory.url if directory is not None else ""


def services_matching(*, user, query: str):
    """Services whose name, municipality or description matches: the directory is public.

    Each found service knows its address in the directory of the active language.
    """
    found = list(get_search_backend().search(query, LocalService.objects.all())[:SEARCH_LIMIT])
    base = directory_url(active_locale()) if found else ""
    for service in found:
        service.url = f"{base}{service.pk}/" if base else ""
    return found


# --- Study visits -------------------------------------------------------------


def study_visits_published(locale):
    return StudyVisitPage.objects.live().public().filter(locale=locale)


def study_visit_listing(index, params) -> Listing:
    visits = (
        study_visits_published(index.locale_id)
        .child_of(index)
        .order_by("-starts_on", "title")
        .defer_streamfields()
    )
    years = sorted({day.year for day in visits.values_list("starts_on", flat=True)}, reverse=True)
    filterset = StudyVisitFilter(params, queryset=visits, years=years)
    return _paged(filterset, VISITS_PER_PAGE, params.get("page"))


def study_visit_details(visit, *, user) -> dict:
    """Who hosted and visited; for partner staff alone, what was learned and what follows."""
    details = {
        "hosts": list(visit.hosts.order_by("short_name")),
        "visiting_institutions": list(visit.visiting_institutions.order_by("short_name")),
        "internal": None,
    }
    if is_partner_staff(user):
        details["internal"] = {
            "parts": list(visit.internal_parts.all()),
            "follow_ups": list(
                visit.follow_ups.select_related("institution").order_by("due_on", "sort_order")
            ),
        }
    return details


def follow_ups_open_for(user, *, today: date | None = None) -> QuerySet[StudyVisitFollowUp]:
    """Open follow-ups of study visits that the user's institutions are responsible for."""
    if not user.is_authenticated:
        return StudyVisitFollowUp.objects.none()
    visits = translation_sources_only(StudyVisitPage.objects.live())
    return (
        StudyVisitFollowUp.objects.filter(
            done_on__isnull=True,
            page__in=visits,
            institution__in=Membership.objects.filter(user=user).values("institution_id"),
        )
        .select_related("page", "institution")
        .order_by("due_on", "pk")
    )


def study_visits_internal_matching(*, user, query: str):
    """Study visits of the active language whose internal part matches: partner staff only."""
    if not is_partner_staff(user):
        return StudyVisitPage.objects.none()
    visits = {
        visit.pk: visit for visit in study_visits_published(active_locale()).defer_streamfields()
    }
    parts = get_search_backend().search(
        query, StudyVisitInternalPart.objects.filter(page_id__in=list(visits))
    )
    return [visits[part.page_id] for part in parts]
