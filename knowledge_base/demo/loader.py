"""Write the demo's knowledge base: its three index pages, the guides, the directory's
services and the two study visits of the seeds, with their translations."""

from wagtail.models import Locale

from partners.models import Institution
from portal.demo.base import DemoReport, Outcome, sync
from portal.demo.pages import DemoPage, site_home_page, sync_child_pages

from ..models import (
    GuidePage,
    GuideRelatedGuide,
    LocalService,
    SpokenLanguage,
    StudyVisitFollowUp,
    StudyVisitInternalPart,
    TargetGroup,
    Topic,
)
from .content import DIRECTORY, GUIDE_INDEX, GUIDES, SERVICES, STUDY_VISIT_INDEX, STUDY_VISITS


def load(**options) -> DemoReport:
    services = [load_service(data) for data in SERVICES]
    home = site_home_page()
    loaded = [sync_child_pages(home, (GUIDE_INDEX, DIRECTORY, STUDY_VISIT_INDEX))]
    guide_index = _child(home, GUIDE_INDEX)
    loaded.append(
        sync_child_pages(
            guide_index,
            tuple(
                with_relations(page, guide_relations(guide_index, links)) for page, links in GUIDES
            ),
        )
    )
    visit_index = _child(home, STUDY_VISIT_INDEX)
    loaded.append(
        sync_child_pages(
            visit_index,
            tuple(with_relations(page, visit_relations(links)) for page, links in STUDY_VISITS),
        )
    )
    return DemoReport(
        counts={
            "Local services": services,
            "Slovenian pages": [o for pages in loaded for o in pages.pages],
            "Translations": [o for pages in loaded for o in pages.translations],
        }
    )


def _child(parent, data: DemoPage):
    return parent.get_children().get(slug=data.slug.sl).specific


def with_relations(page: DemoPage, relate) -> DemoPage:
    return DemoPage(**{**page.__dict__, "relate": relate})


def load_service(data: dict) -> Outcome:
    values = {k: v for k, v in data.items() if k not in ("target_groups", "languages")}
    service = (
        LocalService.objects.filter(name=data["name"], municipality=data["municipality"]).first()
        or LocalService()
    )
    outcome = sync(service, values)
    groups = set(TargetGroup.objects.filter(slug__in=data["target_groups"]))
    languages = set(SpokenLanguage.objects.filter(slug__in=data["languages"]))
    if set(service.target_groups.all()) != groups or set(service.languages.all()) != languages:
        service.target_groups.set(groups)
        service.languages.set(languages)
        service.save()
        outcome = Outcome.UPDATED if outcome == Outcome.UNCHANGED else outcome
    return outcome


def _set_terms(page, name, wanted) -> bool:
    relation = getattr(page, name)
    if {term.pk for term in relation.all()} == {term.pk for term in wanted}:
        return False
    relation.set(wanted)
    return True


def guide_relations(index, links):
    def relate(page) -> bool:
        changed = False
        owner = Institution.objects.get(short_name=links["owner"])
        if page.owner_institution_id != owner.pk:
            page.owner_institution = owner
            changed = True
        changed |= _set_terms(page, "topics", list(Topic.objects.filter(slug__in=links["topics"])))
        changed |= _set_terms(
            page, "target_groups", list(TargetGroup.objects.filter(slug__in=links["target_groups"]))
        )
        changed |= _set_terms(
            page, "related_services", list(LocalService.objects.filter(name__in=links["services"]))
        )
        guides = [GuidePage.objects.child_of(index).get(slug=slug) for slug in links["guides"]]
        if [link.guide_id for link in page.related_guides.all()] != [g.pk for g in guides]:
            page.related_guides = [GuideRelatedGuide(guide=guide) for guide in guides]
            changed = True
        return changed

    return relate


def visit_relations(links):
    def relate(page) -> bool:
        changed = _set_terms(
            page, "hosts", list(Institution.objects.filter(short_name__in=links["hosts"]))
        )
        changed |= _set_terms(
            page,
            "visiting_institutions",
            list(Institution.objects.filter(short_name__in=links["visitors"])),
        )
        lessons = links["lessons"].sl
        if [part.lessons_learned for part in page.internal_parts.all()] != [lessons]:
            page.internal_parts = [
                StudyVisitInternalPart(lessons_learned=lessons, locale=Locale.get_default())
            ]
            changed = True
        institutions = {i.short_name: i for i in Institution.objects.all()}
        wanted = [
            (description, institutions[owner].pk, due_on, done_on)
            for description, owner, due_on, done_on in links["follow_ups"]
        ]
        current = [
            (f.description, f.institution_id, f.due_on, f.done_on) for f in page.follow_ups.all()
        ]
        if current != wanted:
            page.follow_ups = [
                StudyVisitFollowUp(
                    description=description, institution_id=owner, due_on=due_on, done_on=done_on
                )
                for description, owner, due_on, done_on in wanted
            ]
            changed = True
        return changed

    return relate
