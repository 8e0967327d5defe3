"""An action item links a practice guide and a local service, in both doors, on the page and PDF.

The forms' data are read from the rendered pages (``tests.sent_form``). The
guides are translated as wagtail-localize does it: the Slovenian page is the
translation source, and its Croatian translation shares its translation key.
"""

import ast
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import TranslationSource

from knowledge_base.factories import (
    DirectoryPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    LocalServiceFactory,
)
from meetings import services
from meetings.models import ActionItem, ApprovedProtocolDocument, MeetingKind, MeetingProtocol
from tests.sent_form import sent_form

from .admin.conftest import PROTOCOLS, admin_url, edit_form_data, in_the_admin
from .conftest import saved_protocol

pytestmark = pytest.mark.django_db

MID_TERM_DAY = date(2026, 4, 1)


def _url(name, *args, language="sl"):
    with translation.override(language):
        return reverse(f"meetings:{name}", args=args)


def _published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translated(page, language, **fields):
    """``page`` translated into ``language`` and published, with its source as wagtail-localize
    keeps it (what tells a translation from a source)."""
    TranslationSource.get_or_create_from_instance(page)
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    return _published(copy)


def _pdf_text(pdf: bytes) -> str:
    """The PDF's words, whatever lines a table cell wraps them into."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages).split())


@pytest.fixture
def guide_indexes(home_pages):
    slovenian = _published(GuideIndexPageFactory(parent=home_pages["sl"]))
    return {"sl": slovenian, "hr": _translated(slovenian, "hr", title="Vodiči", slug="vodici")}


@pytest.fixture
def directories(home_pages):
    slovenian = _published(DirectoryPageFactory(parent=home_pages["sl"]))
    return {"sl": slovenian, "hr": _translated(slovenian, "hr", title="Imenik usluga")}


@pytest.fixture
def guide(guide_indexes):
    """A published guide in Slovenian, the translation source of ``croatian_guide``."""
    return _published(
        GuidePageFactory(
            parent=guide_indexes["sl"], title="Informativni dan", slug="informativni-dan"
        )
    )


@pytest.fixture
def croatian_guide(guide):
    return _translated(guide, "hr", title="Informativni dan na hrvatskom", slug="informativni")


@pytest.fixture
def service(directories):
    return LocalServiceFactory(name="Karitas", municipality="Ormož")


@pytest.fixture
def author(team, client):
    user = team.members[team.csd.pk]
    client.force_login(user)
    return user


def _protocol_with_an_item(team, **item):
    """A draft mid-term protocol with one action item of the CSD."""
    return saved_protocol(
        team,
        MeetingKind.MID_TERM,
        MID_TERM_DAY,
        action_items=[
            ActionItem(
                description="Povabiti udeležence na informativni dan",
                responsible_institution=team.csd,
                due_on=date(2026, 4, 20),
                **item,
            )
        ],
    )


def _options(html, name) -> dict[int, str]:
    """The choices a dropdown of the page offers, by value, with their labels."""
    select = BeautifulSoup(html, "html.parser").select_one(f'select[name="{name}"]')
    return {
        int(option["value"]): option.get_text(strip=True)
        for option in select.find_all("option")
        if option["value"]
    }


# --- The portal's form -----------------------------------------------------------------


def test_a_new_protocols_action_item_saves_the_guide_and_service_chosen(
    client, team, author, croatian_guide, guide, service
):
    new = _url("protocol_create", team.cycle.pk) + f"?kind={MeetingKind.MID_TERM}&on={MID_TERM_DAY}"
    html = client.get(new).content.decode()

    response = client.post(
        new,
        sent_form(
            html,
            selector="form.protocol-form",
            button={"action": "save"},
            **{
                "action_items-0-description": "Povabiti udeležence na informativni dan",
                "action_items-0-responsible_institution": team.csd.pk,
                "action_items-0-due_on": "2026-04-20",
                "action_items-0-guide": guide.pk,
                "action_items-0-service": service.pk,
            },
        ),
    )

    assert response.status_code == 302, response.context["form"].formsets["action_items"].errors
    item = MeetingProtocol.objects.get().action_items.get()
    assert (item.guide, item.service) == (guide, service)


def test_the_form_offers_each_published_public_guide_once_in_the_readers_language(
    client, team, author, guide, croatian_guide, guide_indexes
):
    GuidePageFactory(parent=guide_indexes["sl"], title="Osnutek vodnika", live=False)
    private = _published(GuidePageFactory(parent=guide_indexes["sl"], title="Interni vodnik"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    protocol = _protocol_with_an_item(team)

    html = client.get(_url("protocol_edit", protocol.pk, language="hr")).content.decode()

    assert _options(html, "action_items-0-guide") == {guide.pk: "Informativni dan na hrvatskom"}


def test_the_form_offers_every_service_by_municipality_and_name(client, team, author, service):
    later = LocalServiceFactory(name="Ljudska univerza", municipality="Ptuj")
    earlier = LocalServiceFactory(name="Društvo Sožitje", municipality="Ptuj")
    protocol = _protocol_with_an_item(team)

    html = client.get(_url("protocol_edit", protocol.pk)).content.decode()

    assert list(_options(html, "action_items-0-service").items()) == [
        (service.pk, "Karitas, Ormož"),
        (earlier.pk, "Društvo Sožitje, Ptuj"),
        (later.pk, "Ljudska univerza, Ptuj"),
    ]


def _not_offered(which, croatian_guide, guide_indexes):
    if which == "translation":
        return croatian_guide
    return GuidePageFactory(parent=guide_indexes["sl"], title="Osnutek vodnika", live=False)


@pytest.mark.parametrize("which", ["translation", "unpublished"])
def test_a_guide_the_form_does_not_offer_is_refused_with_the_forms_error(
    client, team, author, croatian_guide, guide_indexes, which
):
    not_offered = _not_offered(which, croatian_guide, guide_indexes)
    protocol = _protocol_with_an_item(team)
    edit = _url("protocol_edit", protocol.pk)
    html = client.get(edit).content.decode()

    response = client.post(
        edit,
        sent_form(html, selector="form.protocol-form", **{"action_items-0-guide": not_offered.pk}),
    )

    with translation.override("sl"):
        message = gettext("Select a valid choice. That choice is not one of the available choices.")
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert protocol.action_items.get().guide is None
    assert protocol.revisions.count() == 1


def test_a_guide_unpublished_after_it_was_linked_stays_linked_when_the_protocol_is_saved(
    client, team, author, guide
):
    protocol = _protocol_with_an_item(team, guide=guide)
    guide.unpublish()
    edit = _url("protocol_edit", protocol.pk)
    html = client.get(edit).content.decode()

    response = client.post(
        edit, sent_form(html, selector="form.protocol-form", decisions="Nov sklep.")
    )

    assert response.status_code == 302
    assert protocol.action_items.get().guide_id == guide.pk


# --- The admin's form ------------------------------------------------------------------


def test_the_admin_saves_the_guide_and_service_chosen_for_an_action_item(
    client, team, guide, croatian_guide, service
):
    client.force_login(in_the_admin(team.members[team.csd.pk]))
    protocol = _protocol_with_an_item(team)
    url = admin_url(PROTOCOLS, "edit", protocol.pk)
    html = client.get(url).content.decode()
    assert _options(html, "action_items-0-guide") == {guide.pk: "Informativni dan"}
    assert _options(html, "action_items-0-service") == {service.pk: "Karitas, Ormož"}

    response = client.post(
        url,
        edit_form_data(
            client, url, **{"action_items-0-guide": guide.pk, "action_items-0-service": service.pk}
        ),
    )

    assert response.status_code == 302
    item = protocol.action_items.get()
    assert (item.guide, item.service) == (guide, service)


def test_the_admin_refuses_a_guide_it_does_not_offer(client, team, croatian_guide):
    client.force_login(in_the_admin(team.members[team.csd.pk]))
    protocol = _protocol_with_an_item(team)
    url = admin_url(PROTOCOLS, "edit", protocol.pk)

    response = client.post(
        url, edit_form_data(client, url, **{"action_items-0-guide": croatian_guide.pk})
    )

    with translation.override("en"):
        message = gettext("Select a valid choice. That choice is not one of the available choices.")
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert protocol.action_items.get().guide is None


# --- The protocol's page and PDF -------------------------------------------------------


def test_the_protocol_page_links_the_guide_in_croatian_and_the_service_under_hr(
    client, team, author, guide, croatian_guide, service, directories
):
    protocol = _protocol_with_an_item(team, guide=guide, service=service)

    response = client.get(_url("protocol", protocol.pk, language="hr"))

    links = {
        link.get_text(strip=True): link["href"]
        for link in BeautifulSoup(response.content.decode(), "html.parser").select(
            "table.action-items a"
        )
    }
    assert links["Informativni dan na hrvatskom"] == croatian_guide.url
    assert links["Karitas, Ormož"] == f"{directories['hr'].url}{service.pk}/"
    assert "Informativni dan" not in links


def test_a_guide_without_a_translation_into_the_readers_language_is_linked_as_it_is(
    client, team, author, guide, croatian_guide
):
    protocol = _protocol_with_an_item(team, guide=guide)

    html = client.get(_url("protocol", protocol.pk, language="en")).content.decode()

    links = BeautifulSoup(html, "html.parser").select("table.action-items a")
    assert [(link.get_text(strip=True), link["href"]) for link in links] == [
        ("Informativni dan", guide.url)
    ]


def test_the_pdf_names_the_guide_and_the_service_as_text(client, team, author, guide, service):
    protocol = _protocol_with_an_item(team, guide=guide, service=service)

    response = client.get(_url("protocol_pdf", protocol.pk))

    text = _pdf_text(response.content)
    with translation.override("sl"):
        guide_word, service_word = gettext("Guide"), gettext("Service")
    assert f"{guide_word}: Informativni dan" in text
    assert f"{service_word}: Karitas, Ormož" in text


def test_a_deleted_guide_leaves_the_item_without_its_link_and_the_filed_pdf_as_filed(
    team, guide, service
):
    protocol = _protocol_with_an_item(team, guide=guide, service=service)
    services.protocol_submit(protocol=protocol, user=team.members[team.csd.pk])
    for institution in team.institutions:
        services.protocol_approve(
            protocol=protocol, user=team.coordinators[institution.pk], institution=institution
        )
    filed = bytes(ApprovedProtocolDocument.objects.get().pdf)

    guide.delete()

    item = protocol.action_items.get()
    assert (item.guide, item.service) == (None, service)
    assert bytes(ApprovedProtocolDocument.objects.get().pdf) == filed
    with translation.override(protocol.language):
        assert f"{gettext('Guide')}: Informativni dan" in _pdf_text(filed)


# --- Which way the imports go ----------------------------------------------------------


def test_the_knowledge_base_imports_nothing_of_the_meetings():
    """The meetings name guides and services; the knowledge base knows no meeting."""
    root = Path(settings.BASE_DIR) / "knowledge_base"
    imported = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)

    assert not {module for module in imported if module.partition(".")[0] == "meetings"}
