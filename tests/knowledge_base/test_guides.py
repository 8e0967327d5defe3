"""Practice guides: made in the admin, listed by topic, read with their relations, in PDF."""

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from django.utils import timezone, translation

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from knowledge_base.factories import GuidePageFactory, LocalServiceFactory, TopicFactory
from knowledge_base.models import GuideIndexPage, GuidePage, GuideRelatedGuide
from knowledge_base.selectors import GUIDES_PER_PAGE
from partners.factories import InstitutionFactory

from .conftest import add_page_form, page_tests, published, queries_of, translated

pytestmark = pytest.mark.django_db


def _titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_an_editor_creates_a_guide_index_and_a_guide_with_every_kind_of_block(
    client, editor, home_pages
):
    tests = page_tests(client)
    tests.assertCanCreate(
        home_pages["sl"],
        GuideIndexPage,
        add_page_form(client, home_pages["sl"], GuideIndexPage, title="Vodniki", slug="vodniki"),
    )
    index = GuideIndexPage.objects.get(slug="vodniki")
    owner = InstitutionFactory(short_name="Urad za delo Ptuj")
    service = LocalServiceFactory(name="Knjižnica Ivana Potrča Ptuj")
    intake = TopicFactory(slug="intake-x", name_sl="Vključitev")
    form = add_page_form(
        client,
        index,
        GuidePage,
        title="Kako izvesti informativni dan",
        slug="informativni-dan",
        introduction="Od izbire kandidatov do prijav.",
        owner_institution=owner.pk,
        topics=intake.pk,
        related_services=service.pk,
        review_interval_months=24,
    )
    body = streamfield(
        [
            ("paragraph", rich_text("<p>Dober informativni dan poveča število prijav.</p>")),
            ("checklist", {"heading": "Pred dnem", "items": streamfield([("item", "Prostor")])}),
            (
                "steps",
                {
                    "heading": "Potek",
                    "steps": streamfield(
                        [("item", {"title": "Povabite jih osebno", "text": rich_text("")})]
                    ),
                },
            ),
            ("callout", {"kind": "tip", "text": rich_text("<p>Povabite nekdanjo udeleženko.</p>")}),
        ]
    )
    form.update(nested_form_data({"body": body}))
    tests.assertCanCreate(index, GuidePage, form)

    guide = GuidePage.objects.get(slug="informativni-dan")
    assert [block.block_type for block in guide.body] == [
        "paragraph",
        "checklist",
        "steps",
        "callout",
    ]
    assert (guide.owner_institution, list(guide.topics.all())) == (owner, [intake])
    assert list(guide.related_services.all()) == [service]
    assert guide.next_review_on == guide.last_reviewed_on.replace(
        year=guide.last_reviewed_on.year + 2
    )


def test_a_negative_review_interval_is_refused_and_everything_typed_is_kept(
    client, editor, guide_indexes
):
    form = add_page_form(
        client,
        guide_indexes["sl"],
        GuidePage,
        title="Delo z mediatorjem",
        slug="mediator",
        introduction="Kdaj povabiti mediatorja.",
        owner_institution=InstitutionFactory().pk,
        review_interval_months=-6,
    )
    form.update(nested_form_data({"body": streamfield([]), "action-publish": "action-publish"}))
    response = client.post(
        f"/admin/pages/add/knowledge_base/guidepage/{guide_indexes['sl'].pk}/", form
    )

    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("en"):
        assert "A guide is reviewed every 1 to 60 months; give a number in that range." in html
    assert 'value="Delo z mediatorjem"' in html and "Kdaj povabiti mediatorja." in html
    assert not GuidePage.objects.filter(slug="mediator").exists()


def test_guides_cannot_be_made_outside_a_guide_index(home_pages):
    tests = page_tests(None)
    tests.assertCanNotCreateAt(type(home_pages["sl"]), GuidePage)
    tests.assertCanCreateAt(GuideIndexPage, GuidePage)


def _guide(index, title, *topics, **fields):
    guide = GuidePageFactory(parent=index, title=title, **fields)
    guide.topics.set(topics)
    return published(guide)


def test_the_index_lists_its_guides_by_title_and_narrows_them_by_topic(client, guide_indexes):
    intake = TopicFactory(slug="intake-t")
    exits = TopicFactory(slug="exits-t")
    _guide(guide_indexes["sl"], "Vključitev v program", intake)
    _guide(guide_indexes["sl"], "Izhodi iz programa", exits)
    _guide(guide_indexes["hr"], "Uključivanje u program", intake)

    everything = client.get(guide_indexes["sl"].url).content.decode()
    narrowed = client.get(guide_indexes["sl"].url, {"topic": "intake-t"}).content.decode()

    assert _titles(everything) == ["Izhodi iz programa", "Vključitev v program"]
    assert _titles(narrowed) == ["Vključitev v program"]
    assert _titles(client.get(guide_indexes["hr"].url).content.decode()) == [
        "Uključivanje u program"
    ]


def test_a_topic_no_form_offers_lists_nothing_and_says_so(client, guide_indexes):
    _guide(guide_indexes["sl"], "Vključitev v program")

    response = client.get(guide_indexes["sl"].url, {"topic": "<script>"})

    assert response.status_code == 200
    html = response.content.decode()
    assert _titles(html) == [] and "<script>" not in html
    with translation.override("sl"):
        assert (
            translation.gettext(
                "This address asks for a value the list does not know; choose again from the "
                "filters."
            )
            in html
        )


def test_the_index_keeps_its_filter_on_every_page(client, guide_indexes):
    topic = TopicFactory(slug="intake-p")
    for n in range(GUIDES_PER_PAGE + 1):
        _guide(guide_indexes["sl"], f"Vodnik {n:02d}", topic)

    first = client.get(guide_indexes["sl"].url, {"topic": "intake-p"}).content.decode()
    second = client.get(guide_indexes["sl"].url, {"topic": "intake-p", "page": 2}).content.decode()

    assert "?topic=intake-p&amp;page=2" in first
    assert _titles(second) == [f"Vodnik {GUIDES_PER_PAGE:02d}"]


def test_the_index_costs_the_same_queries_however_many_guides(client, guide_indexes):
    topic = TopicFactory(slug="t-count")
    _guide(guide_indexes["sl"], "Prvi", topic)
    client.get(guide_indexes["sl"].url)
    one = queries_of(client, guide_indexes["sl"].url)
    for n in range(5):
        _guide(guide_indexes["sl"], f"Vodnik {n}", topic, owner_institution=InstitutionFactory())

    assert queries_of(client, guide_indexes["sl"].url) == one


def test_a_croatian_guide_links_the_related_guides_in_croatian(client, guide_indexes):
    intake = _guide(guide_indexes["sl"], "Vključitev v program")
    translated(intake, "hr", title="Uključivanje u program", slug="ukljucivanje")
    guide = GuidePageFactory(parent=guide_indexes["sl"], title="Informativni dan")
    guide.related_guides = [GuideRelatedGuide(guide=intake)]
    service = LocalServiceFactory(name="Udruga Slap", municipality="Osijek")
    guide.related_services.set([service])
    guide = published(guide)
    croatian = translated(guide, "hr", title="Informativni dan HR", slug="informativni-dan")

    html = client.get(croatian.url).content.decode()

    assert "Uključivanje u program" in html and "Vključitev v program" not in html
    assert "Udruga Slap" in html
    with translation.override("hr"):
        assert translation.gettext("Related guides") in html


def test_a_guide_downloads_as_a_tagged_pdf_in_the_language_of_its_page(client, guide_indexes):
    guide = GuidePageFactory(
        parent=guide_indexes["sl"],
        title="Kako izvesti informativni dan",
        body=[
            ("checklist", {"heading": "Pred dnem", "items": ["Prostor brez ovir", "Vabila"]}),
            (
                "steps",
                {"heading": "Potek", "steps": [{"title": "Povabite jih osebno", "text": ""}]},
            ),
        ],
    )
    guide = published(guide)
    croatian = translated(guide, "hr", title="Kako provesti informativni dan", slug="dan")

    response = client.get(f"{croatian.url}pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Kako provesti informativni dan" in text
    assert "Prostor brez ovir" in text and "Povabite jih osebno" in text
    with translation.override("hr"):
        assert translation.gettext("Last reviewed") in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "hr"


def test_the_pdf_of_a_new_version_is_made_anew(client, guide_indexes):
    guide = published(GuidePageFactory(parent=guide_indexes["sl"], title="Prva različica"))
    client.get(f"{guide.url}pdf/")
    guide.title = "Druga različica"
    guide = published(guide)

    text = PdfReader(io.BytesIO(client.get(f"{guide.url}pdf/").content)).pages[0].extract_text()

    assert "Druga različica" in text and "Prva različica" not in text


def test_a_guide_due_for_review_is_on_the_admins_report(client, editor, guide_indexes):
    today = timezone.localdate()
    due = _guide(
        guide_indexes["sl"],
        "Zapadel",
        last_reviewed_on=today - timedelta(days=400),
    )
    soon = _guide(
        guide_indexes["sl"],
        "Kmalu",
        last_reviewed_on=date(today.year - 1, today.month, 1) + timedelta(days=40),
    )
    _guide(guide_indexes["sl"], "Svež", last_reviewed_on=today)
    translated(due, "hr", title="Zapadel HR", slug="zapadel")

    html = client.get("/admin/knowledge-base/guides/reviews/").content.decode()

    titles = re.findall(r"/edit/\">([^<]+)</a>", html)
    assert titles[0] == "Zapadel"
    assert "Svež" not in titles and "Zapadel HR" not in titles
    assert ("Kmalu" in titles) == (soon.next_review_on <= today + timedelta(days=30))
