"""The demo site, built fast enough to be rebuilt for every browser test.

Live-server tests run in transactions that are flushed afterwards, so each
test needs its pages again. ``load_demo`` syncs every translation through
wagtail-localize and takes seconds; here the same texts (``<app>/demo/``)
become live pages directly: a translation is a page in the translated parent
with the same ``translation_key``, which is all that serving, the menu and the
language switcher read. Revisions and translation sources, which only the
admin needs, are left out.
"""

from django.apps import apps

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page, PageViewRestriction, Site

from knowledge_base.demo.content import (
    DIRECTORY,
    GUIDE_INDEX,
    GUIDES,
    SERVICES,
    STUDY_VISIT_INDEX,
    STUDY_VISITS,
)
from knowledge_base.demo.loader import (
    guide_relations,
    load_service,
    visit_relations,
    with_relations,
)
from news.demo.content import NEWS, NEWS_INDEX, NEWSLETTER_ARCHIVE, newsletter_issue
from partners.demo.institutions import INSTITUTIONS
from partners.demo.pages import PARTNERSHIP
from partners.models import Institution
from portal.demo.content import CHILDREN, HOME
from portal.demo.pages import DemoPage, Heading

TRANSLATIONS = ("hr", "en")


def build_demo_site():
    """The demo home page, its children and the news in every language, and the partners."""
    Institution.objects.bulk_create(Institution(**data) for data in INSTITUTIONS)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    slovenian_home = Site.objects.get(is_default_site=True).root_page.specific
    _fill(slovenian_home, HOME, "sl")
    slovenian_home.save()
    homes = {"sl": slovenian_home}
    for code in TRANSLATIONS:
        homes[code] = _add_page(
            Page.get_first_root_node(), HOME, code, locales[code], slovenian_home
        )
    for data in (PARTNERSHIP, *CHILDREN):
        _add_in_every_language(homes, data, locales)
    news_indexes = _add_in_every_language(homes, NEWS_INDEX, locales)
    news = [_add_in_every_language(news_indexes, data, locales)["sl"] for data in NEWS]
    archives = _add_in_every_language(homes, NEWSLETTER_ARCHIVE, locales)
    # The issue's sections stay in Slovenian here; each language shows its own news items.
    issue = newsletter_issue(
        [page.pk for page, data in zip(news, NEWS, strict=True) if not data.texts]
    )
    _add_in_every_language(archives, issue, locales)
    _add_knowledge_base(homes, locales)


def _add_knowledge_base(homes, locales):
    """The guides, the directory with its services, and the study visits with their internal
    part, in every language."""
    for data in SERVICES:
        load_service(data)
    guide_indexes = _add_in_every_language(homes, GUIDE_INDEX, locales)
    _add_in_every_language(homes, DIRECTORY, locales)
    for data, links in GUIDES:
        _add_in_every_language(
            guide_indexes,
            with_relations(data, guide_relations(guide_indexes["sl"], links)),
            locales,
        )
    visit_indexes = _add_in_every_language(homes, STUDY_VISIT_INDEX, locales)
    for data, links in STUDY_VISITS:
        _add_in_every_language(visit_indexes, with_relations(data, visit_relations(links)), locales)


def _add_in_every_language(parents, data: DemoPage, locales):
    """The page under each language's parent, translations of the Slovenian one; by language."""
    source = _add_page(parents["sl"], data, "sl", locales["sl"])
    pages = {"sl": source}
    for code in TRANSLATIONS:
        pages[code] = _add_page(parents[code], data, code, locales[code], source)
    return pages


def _add_page(parent, data: DemoPage, code, locale, source=None):
    """A live page with the data's texts in ``code``; a translation of ``source`` if given."""
    page = apps.get_model(data.model)(locale=locale, live=True)
    if source is not None:
        page.translation_key = source.translation_key
    _fill(page, data, code)
    if data.relate is not None:
        data.relate(page)
    parent.add_child(instance=page)
    if data.members_only:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def _fill(page, data: DemoPage, code):
    page.title = getattr(data.title, code)
    page.slug = getattr(data.slug, code)
    page.introduction = getattr(data.introduction, code)
    page.show_in_menus = data.show_in_menus
    for name, value in data.fields:
        setattr(page, name, value)
    for name, text in data.texts:
        setattr(page, name, getattr(text, code))
    for name, blocks in data.streams:
        stream_block = page._meta.get_field(name).stream_block
        setattr(page, name, StreamValue(stream_block, list(blocks), is_lazy=True))
    if data.body:
        page.body = [
            ("heading", {"text": getattr(block.text, code), "level": "h2"})
            if isinstance(block, Heading)
            else ("paragraph", f"<p>{getattr(block.text, code)}</p>")
            for block in data.body
        ]
