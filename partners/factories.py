import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Collection

from .models import (
    Country,
    Institution,
    InstitutionKind,
    Membership,
    MembershipRole,
    PartnershipPage,
)


class LogoFactory(wagtail_factories.ImageFactory):
    """An institution's logo, in the root collection like an editor's upload."""

    title = factory.Sequence(lambda n: f"Logo {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=320, height=160, color="navy")


class InstitutionFactory(DjangoModelFactory):
    class Meta:
        model = Institution

    short_name = factory.Sequence(lambda n: f"CSD {n}")
    name_sl = factory.LazyAttribute(lambda o: f"Center za socialno delo {o.short_name}")
    name_hr = factory.LazyAttribute(lambda o: f"Centar za socijalnu skrb {o.short_name}")
    name_en = factory.LazyAttribute(lambda o: f"Social work centre {o.short_name}")
    country = Country.SLOVENIA
    kind = InstitutionKind.SOCIAL_WORK_CENTRE
    region = "Gorenjska"
    email = factory.LazyAttribute(lambda o: f"info@{slugify(o.short_name)}.example")

    class Params:
        with_logo = factory.Trait(logo=factory.SubFactory(LogoFactory))


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("accounts.factories.UserFactory")
    institution = factory.SubFactory(InstitutionFactory)
    role = MembershipRole.MEMBER


class PartnershipPageFactory(wagtail_factories.PageFactory):
    """The partners page; pass ``parent`` (a home page), as Wagtail allows it nowhere else."""

    class Meta:
        model = PartnershipPage

    title = "Partnerstvo"
    slug = "partnerstvo"
    introduction = "Javne ustanove, ki skupaj razvijajo socialno aktivacijo."
