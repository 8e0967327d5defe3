"""The benchmark's guides, services and study visits are records the portal would accept."""

import random

import pytest

from bench import dataset
from knowledge_base.models import StudyVisitPage
from partners.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_its_services_pass_the_directorys_rules():
    rng = random.Random(1)  # noqa: S311

    for number in range(30):
        dataset._service(rng, number).full_clean(exclude=["id"])


def test_its_guides_pass_the_guides_rules(home_pages):
    rng = random.Random(2)  # noqa: S311
    institutions = [InstitutionFactory(), InstitutionFactory()]

    for number in range(5):
        for guide in dataset._guide_pair(rng, number, institutions).values():
            guide.full_clean(exclude=["path", "depth", "locale", "translation_key"])


def test_its_study_visits_are_valid_and_have_an_internal_part(home_pages):
    from knowledge_base.factories import StudyVisitIndexPageFactory

    rng = random.Random(3)  # noqa: S311
    index = StudyVisitIndexPageFactory(parent=home_pages["sl"])

    dataset._add_study_visit(rng, index, 0, [InstitutionFactory(), InstitutionFactory()])

    visit = StudyVisitPage.objects.get()
    visit.full_clean()
    assert visit.internal_parts.count() == 1 and visit.hosts.count() == 2
