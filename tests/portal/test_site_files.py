"""The files every site has: robots.txt, a favicon, and markup that validates."""

import re
from xml.etree import ElementTree

import pytest

from wagtail.models import Locale

from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_robots_txt_keeps_crawlers_out_of_the_staff_area_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Disallow: /sl/meetings/" in text
    assert "Disallow: /hr/accounts/" in text
    # Personal links of the newsletter's e-mails, should one ever be shared.
    assert "Disallow: /en/newsletter/unsubscribe/" in text
    assert "Disallow: /sl/newsletter/confirm/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_favicon_is_linked_and_answered(client, home_pages):
    page = client.get("/sl/").content.decode()

    assert 'rel="icon"' in page
    assert client.get("/favicon.ico").url.endswith("portal/favicon.svg")


def test_a_pages_time_of_publishing_is_a_valid_datetime_without_microseconds(client, home_pages):
    page = StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")
    page.save_revision().publish()

    html = client.get("/sl/o-projektu/").content.decode()

    stamp = re.search(r'<time datetime="([^"]+)"', html)[1]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp)


def test_the_sitemap_names_each_pages_translations_as_alternates(client, home_pages):
    about = StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")
    about.save_revision().publish()
    croatian = about.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.save_revision().publish()
    alone = StandardPageFactory(parent=home_pages["sl"], title="Samo slovensko", slug="samo")
    alone.save_revision().publish()

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own

    alternates = {
        url.findtext("sm:loc", namespaces=SITEMAP): sorted(
            (link.get("hreflang"), link.get("href"))
            for link in url.findall("xhtml:link", namespaces=SITEMAP)
        )
        for url in sitemap.findall("sm:url", namespaces=SITEMAP)
    }
    both = [("hr", croatian.get_full_url()), ("sl", about.get_full_url())]
    assert alternates[about.get_full_url()] == both
    assert alternates[croatian.get_full_url()] == both
    assert alternates[alone.get_full_url()] == []
