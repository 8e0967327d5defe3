import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from partners.factories import InstitutionFactory

from .models import (
    DirectoryPage,
    GuideIndexPage,
    GuidePage,
    LocalService,
    ServiceKind,
    SpokenLanguage,
    StudyVisitIndexPage,
    StudyVisitPage,
    TargetGroup,
    Topic,
)


class TermFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"term-{n}")
    name_sl = factory.Sequence(lambda n: f"Izraz {n}")
    name_hr = factory.Sequence(lambda n: f"Pojam {n}")
    name_en = factory.Sequence(lambda n: f"Term {n}")


class TopicFactory(TermFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class TargetGroupFactory(TermFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)


class SpokenLanguageFactory(TermFactory):
    class Meta:
        model = SpokenLanguage
        django_get_or_create = ("slug",)


class LocalServiceFactory(DjangoModelFactory):
    class Meta:
        model = LocalService

    name = factory.Sequence(lambda n: f"Društvo za pomoč {n}")
    kind = ServiceKind.ASSOCIATION
    municipality = "Ptuj"
    region = "podravska"
    address = "Mestni trg 1, 2250 Ptuj"
    email = factory.Sequence(lambda n: f"info@drustvo-{n}.example")
    description_sl = "Skupine za samopomoč in pomoč pri iskanju zaposlitve."
    description_hr = "Grupe samopomoći i pomoć pri traženju posla."


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuideIndexPage

    title = "Vodniki"
    slug = "vodniki"


class GuidePageFactory(wagtail_factories.PageFactory):
    """A guide; its ``parent`` is the guide index of its language."""

    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Vodnik {n}")
    slug = factory.Sequence(lambda n: f"vodnik-{n}")
    introduction = "Kako partnerji skupaj pripravijo informativni dan."
    owner_institution = factory.SubFactory(InstitutionFactory)
    last_reviewed_on = factory.LazyFunction(timezone.localdate)


class DirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DirectoryPage

    title = "Imenik storitev"
    slug = "imenik"


class StudyVisitIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StudyVisitIndexPage

    title = "Študijski obiski"
    slug = "obiski"


class StudyVisitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StudyVisitPage

    title = factory.Sequence(lambda n: f"Obisk {n}")
    slug = factory.Sequence(lambda n: f"obisk-{n}")
    introduction = "Delegacija je spoznala socialno aktivacijo na Ptuju."
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on)
