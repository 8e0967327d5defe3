import factory
from factory.django import DjangoModelFactory

from .models import Country, Institution, InstitutionKind, Membership, MembershipRole


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
    email = factory.LazyAttribute(lambda o: f"info-{o.short_name.replace(' ', '').lower()}@example.org")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("accounts.factories.UserFactory")
    institution = factory.SubFactory(InstitutionFactory)
    role = MembershipRole.MEMBER
