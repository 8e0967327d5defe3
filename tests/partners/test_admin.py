import pytest
from allauth.mfa.models import Authenticator

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory
from partners.factories import InstitutionFactory, MembershipFactory
from partners.models import Country, InstitutionKind, MembershipRole

pytestmark = pytest.mark.django_db

INSTITUTIONS_URL = reverse("wagtailsnippets_partners_institution:list")
MEMBERSHIPS_URL = reverse("membership:index")


@pytest.fixture
def partners():
    """One institution of each side of the border and of two kinds."""
    return {
        "zik": InstitutionFactory(
            short_name="ZIK Črnomelj",
            name_sl="Zavod za izobraževanje in kulturo Črnomelj",
            name_hr="Zavod za obrazovanje i kulturu Črnomelj",
            name_en="Institute for Education and Culture Črnomelj",
            kind=InstitutionKind.PROGRAMME_PROVIDER,
            region="Dolenjska in Bela krajina",
        ),
        "hzz": InstitutionFactory(
            short_name="HZZ Osijek",
            name_sl="Hrvaški zavod za zaposlovanje, regionalni urad Osijek",
            name_hr="Hrvatski zavod za zapošljavanje, Regionalni ured Osijek",
            name_en="Croatian Employment Service, Osijek Regional Office",
            country=Country.CROATIA,
            kind=InstitutionKind.EMPLOYMENT_OFFICE,
            region="Osječko-baranjska županija",
        ),
        "csd": InstitutionFactory(
            short_name="CSD Gorenjska",
            name_sl="Center za socialno delo Gorenjska",
            kind=InstitutionKind.SOCIAL_WORK_CENTRE,
            region="Gorenjska",
        ),
    }


def test_administrator_sees_the_institutions_with_their_names(admin_client, partners):
    response = admin_client.get(INSTITUTIONS_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert "ZIK Črnomelj" in content
    assert "HZZ Osijek" in content
    assert "Center za socialno delo Gorenjska" in content


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("Črnomelj", "ZIK Črnomelj", "HZZ Osijek"),
        ("Osijek", "HZZ Osijek", "ZIK Črnomelj"),
        ("zapošljavanje", "HZZ Osijek", "CSD Gorenjska"),
    ],
)
def test_search_finds_an_institution_by_a_word_with_diacritics(
    admin_client, partners, query, found, not_found
):
    response = admin_client.get(INSTITUTIONS_URL, {"q": query})

    content = response.content.decode()
    assert found in content
    assert not_found not in content


def test_country_filter_keeps_only_that_countrys_institutions(admin_client, partners):
    response = admin_client.get(INSTITUTIONS_URL, {"country": Country.CROATIA})

    content = response.content.decode()
    assert "HZZ Osijek" in content
    assert "ZIK Črnomelj" not in content
    assert "CSD Gorenjska" not in content


def test_kind_filter_keeps_only_institutions_of_that_kind(admin_client, partners):
    response = admin_client.get(INSTITUTIONS_URL, {"kind": InstitutionKind.SOCIAL_WORK_CENTRE})

    content = response.content.decode()
    assert "CSD Gorenjska" in content
    assert "ZIK Črnomelj" not in content
    assert "HZZ Osijek" not in content


def test_anonymous_visitor_is_sent_to_login_from_the_institutions(client):
    response = client.get(INSTITUTIONS_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_membership_listing_filters_by_institution(admin_client, partners):
    MembershipFactory(institution=partners["csd"], user__email="mojca@example.org")
    MembershipFactory(institution=partners["hzz"], user__email="dora@example.org")

    response = admin_client.get(MEMBERSHIPS_URL, {"institution": partners["hzz"].pk})

    content = response.content.decode()
    assert response.status_code == 200
    assert "dora@example.org" in content
    assert "mojca@example.org" not in content


def test_membership_listing_filters_by_role(admin_client, partners):
    MembershipFactory(
        institution=partners["csd"],
        user__email="coordinator@example.org",
        role=MembershipRole.COORDINATOR,
    )
    MembershipFactory(institution=partners["csd"], user__email="member@example.org")

    response = admin_client.get(MEMBERSHIPS_URL, {"role": MembershipRole.COORDINATOR})

    content = response.content.decode()
    assert "coordinator@example.org" in content
    assert "member@example.org" not in content


def test_partner_staff_cannot_open_the_memberships(client):
    staff = UserFactory()
    staff.groups.add(Group.objects.get(name="Partner staff"))
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={})
    client.force_login(staff)

    response = client.get(MEMBERSHIPS_URL)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_membership_listing_finds_a_person_by_surname(admin_client, partners):
    MembershipFactory(
        institution=partners["hzz"], user__last_name="Perić", user__email="dora.peric@example.org"
    )
    MembershipFactory(
        institution=partners["hzz"], user__last_name="Kos", user__email="andrej.kos@example.org"
    )

    response = admin_client.get(MEMBERSHIPS_URL, {"q": "Perić"})

    content = response.content.decode()
    assert "dora.peric@example.org" in content
    assert "andrej.kos@example.org" not in content
