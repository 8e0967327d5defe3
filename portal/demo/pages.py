"""Demo pages: Slovenian pages published, their translations made through wagtail-localize.

Each page is found again by its Slovenian slug under its parent and
published only when its content differs, so a second run leaves timestamps,
revisions, translations and the search index as they were. Apps' loaders
call ``sync_home_page`` and ``sync_child_pages`` with their ``DemoPage`` data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps

from wagtail.blocks import StreamValue
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource

from .base import DemoDataError, Outcome, Text, assign

TRANSLATION_LANGUAGES = ("hr", "en")


@dataclass(frozen=True)
class Heading:
    text: Text


@dataclass(frozen=True)
class Paragraph:
    text: Text


@dataclass(frozen=True)
class DemoPage:
    """A page of the demo site; the Slovenian slug finds it again under its parent."""

    model: str
    slug: Text
    title: Text
    introduction: Text
    body: tuple[Heading | Paragraph, ...] = ()
    show_in_menus: bool = True
    members_only: bool = False
    # The page type's own fields: the same in every language (a date), or translated.
    fields: tuple[tuple[str, object], ...] = ()
    texts: tuple[tuple[str, Text], ...] = ()
    # Other StreamFields than the body, as stored (Slovenian), and the translations of the
    # texts in them that wagtail-localize asks for.
    streams: tuple[tuple[str, tuple[dict, ...]], ...] = ()
    stream_texts: tuple[Text, ...] = ()
    # What the app's loader sets on the Slovenian page before it is published (its terms,
    # its child records): a function of the page returning whether anything changed; the
    # texts of translatable child records are in ``stream_texts`` too.
    relate: Callable | None = None


@dataclass
class PagesLoaded:
    """What happened to the Slovenian pages, and to their translations."""

    pages: list[Outcome] = field(default_factory=list)
    translations: list[Outcome] = field(default_factory=list)


def site_home_page():
    """The Slovenian home page, created by the migrations as the default site's root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoDataError("There is no default site; run the migrations first.")
    return site.root_page.specific


def sync_home_page(data: DemoPage) -> PagesLoaded:
    """Publish the home page's content and its translations."""
    home = _checked(site_home_page(), data)
    return _translated([(home, data, _sync_page(home, data))])


def sync_child_pages(parent, pages: tuple[DemoPage, ...]) -> PagesLoaded:
    """Publish ``pages`` under the Slovenian ``parent`` (translated already), and translate them."""
    synced = []
    for data in pages:
        page = _child(parent, data)
        synced.append((page, data, _sync_page(page, data, parent=parent)))
    return _translated(synced)


def _translated(synced) -> PagesLoaded:
    loaded = PagesLoaded(pages=[outcome for _page, _data, outcome in synced])
    for page, data, outcome in synced:
        loaded.translations += _sync_translations(
            page, data, source_changed=outcome != Outcome.UNCHANGED
        )
    return loaded


def _child(parent, data: DemoPage):
    """The child page with the data's Slovenian slug, or a new unsaved one."""
    page = parent.get_children().filter(slug=data.slug.sl).specific().first()
    if page is None:
        return apps.get_model(data.model)()
    return _checked(page, data)


def _checked(page, data: DemoPage):
    if not isinstance(page, apps.get_model(data.model)):
        raise DemoDataError(f"{page.url_path} is a {type(page).__name__}, not a {data.model}.")
    return page


def _sync_page(page, data: DemoPage, *, parent=None) -> Outcome:
    """Publish the Slovenian content if it is new or differs from the data.

    ``parent`` is where a new page goes; the home page is never new.
    """
    is_new = page._state.adding
    changed = assign(
        page,
        {
            "title": data.title.sl,
            "slug": data.slug.sl,
            "introduction": data.introduction.sl,
            "show_in_menus": data.show_in_menus,
            **dict(data.fields),
            **{name: text.sl for name, text in data.texts},
        },
    )
    body = _stream_data(data)
    streams = dict(data.streams)
    if hasattr(page, "body") and "body" not in streams and _raw_stream_data(page.body) != body:
        page.body = [(block["type"], block["value"]) for block in body]
        changed = True
    for name, blocks in data.streams:
        stream = getattr(page, name)
        if _raw_stream_data(stream) != [{"type": b["type"], "value": b["value"]} for b in blocks]:
            # As stored, ids included, so that translations find each block again.
            setattr(page, name, StreamValue(stream.stream_block, list(blocks), is_lazy=True))
            changed = True
    if data.relate is not None and data.relate(page):
        changed = True
    if is_new:
        parent.add_child(instance=page)
    republished = changed or not page.live
    if republished:
        page.save_revision().publish()
    restricted = data.members_only and _restrict_to_logged_in_users(page)
    if is_new:
        return Outcome.CREATED
    return Outcome.UPDATED if republished or restricted else Outcome.UNCHANGED


def _stream_data(data: DemoPage) -> list[dict]:
    """The body's Slovenian blocks in the shape StreamField stores them (less the ids)."""
    return [
        {"type": "heading", "value": {"text": block.text.sl, "level": "h2"}}
        if isinstance(block, Heading)
        else {"type": "paragraph", "value": f"<p>{block.text.sl}</p>"}
        for block in data.body
    ]


def _raw_stream_data(stream_value) -> list[dict]:
    return [{"type": block["type"], "value": block["value"]} for block in stream_value.raw_data]


def _restrict_to_logged_in_users(page) -> bool:
    """Add the login restriction if missing; whether it was."""
    restriction = PageViewRestriction.LOGIN
    if page.view_restrictions.filter(restriction_type=restriction).exists():
        return False
    PageViewRestriction.objects.create(page=page, restriction_type=restriction)
    return True


def _sync_translations(page, data: DemoPage, *, source_changed: bool) -> list[Outcome]:
    """Translate the page through wagtail-localize, so the admin shows synced translations.

    The page's TranslationSource is refreshed only when the Slovenian page
    changed; a translation is saved (and published) only when it is missing,
    its strings changed, or its source did.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if source_changed and not created:
        source.update_from_db()
    return [
        _sync_translation(
            source, page, data, Locale.objects.get(language_code=code), source_changed
        )
        for code in TRANSLATION_LANGUAGES
    ]


def _sync_translation(source, page, data: DemoPage, locale, source_changed: bool) -> Outcome:
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    strings_changed = _import_strings(translation, _translated_strings(data, locale.language_code))
    target_exists = page.get_translations().filter(locale=locale).exists()
    if target_exists and not (strings_changed or source_changed):
        return Outcome.UNCHANGED
    translation.save_target(publish=False)
    _publish_latest_revision(source.get_translated_instance(locale))
    return Outcome.UPDATED if target_exists else Outcome.CREATED


def _publish_latest_revision(page):
    """Publish the draft that wagtail-localize has just saved.

    ``save_target(publish=True)`` would publish when the transaction commits,
    from the page as it was in memory: by then the translated children exist,
    and the stale child count it saves hides them from Wagtail's routing. A
    page read afresh from the database has the right count.
    """
    page.get_latest_revision().publish()


def _translated_strings(data: DemoPage, language: str) -> dict[str, str]:
    """Each Slovenian text of the page mapped to its translation into ``language``."""
    texts = [
        data.slug,
        data.title,
        data.introduction,
        *(block.text for block in data.body),
        *(text for _name, text in data.texts),
        *data.stream_texts,
    ]
    strings = {text.sl: getattr(text, language) for text in texts}
    # wagtail-localize offers a text field's lines as one string joined by <br/>.
    return {
        **strings,
        **{
            sl.replace("\n", "<br/>"): translated.replace("\n", "<br/>")
            for sl, translated in strings.items()
            if "\n" in sl
        },
    }


def _import_strings(translation, strings: dict[str, str]) -> bool:
    """Fill the translation's PO file from ``strings`` and import it; whether any changed."""
    po = translation.export_po()
    changed = False
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid not in strings:
            raise DemoDataError(
                f"No {translation.target_locale.language_code} translation of "
                f"{entry.msgid!r} ({entry.msgctxt})."
            )
        if entry.msgstr != strings[entry.msgid]:
            entry.msgstr = strings[entry.msgid]
            changed = True
    if changed:
        translation.import_po(po)
    return changed
