import pytest

from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SECRET_WORD = "Zaupnoprotokolirano"


@pytest.fixture
def members_only_page(home_pages):
    page = StandardPageFactory(
        parent=home_pages["sl"],
        title="Za partnerje",
        slug="za-partnerje",
        introduction=f"Notranja navodila: {SECRET_WORD}.",
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def public_page(home_pages):
    return StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")


def test_anonymous_search_does_not_find_a_word_of_a_login_restricted_page(
    client, members_only_page
):
    response = client.get("/sl/search/", {"q": SECRET_WORD})

    assert response.status_code == 200
    assert "Za partnerje" not in response.content.decode()
    assert response.context["search_results"].paginator.count == 0


def test_signed_in_search_finds_the_login_restricted_page(client, members_only_page):
    client.force_login(UserFactory())

    response = client.get("/sl/search/", {"q": SECRET_WORD})

    assert [page.pk for page in response.context["search_results"]] == [members_only_page.pk]


def test_sitemap_leaves_out_login_restricted_pages(client, members_only_page, public_page):
    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert "/sl/o-projektu/" in xml
    assert "za-partnerje" not in xml


def test_sitemap_lists_every_language(client, home_pages):
    xml = client.get("/sitemap.xml").content.decode()

    for code in ("sl", "hr", "en"):
        assert f"/{code}/</loc>" in xml


def test_anonymous_visitor_of_a_restricted_page_is_sent_to_the_login(client, members_only_page):
    response = client.get("/sl/za-partnerje/")

    assert response.status_code == 302
    assert response["Location"].startswith("/sl/accounts/login/?next=/sl/za-partnerje/")


def test_page_privacy_offers_no_shared_password(members_only_page):
    form = PageViewRestrictionForm(private_page_options=members_only_page.private_page_options)

    choices = dict(form.fields["restriction_type"].choices)

    assert PageViewRestriction.PASSWORD not in choices
    assert PageViewRestriction.LOGIN in choices


def test_menu_offers_a_login_restricted_page_only_to_signed_in_people(client, members_only_page):
    members_only_page.show_in_menus = True
    members_only_page.save_revision().publish()

    assert 'href="/sl/za-partnerje/"' not in client.get("/sl/").content.decode()
    client.force_login(UserFactory())
    assert 'href="/sl/za-partnerje/"' in client.get("/sl/").content.decode()
