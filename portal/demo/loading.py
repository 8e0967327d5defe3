"""Write the demo data so that running ``load_demo`` again changes nothing.

Every row is found again by a natural key (an institution's short name, a
page's Slovenian slug under its parent, a person's e-mail address) and saved
only when one of its fields differs, so a second run leaves timestamps,
revisions, translations and the search index as they were.
"""

import secrets
from dataclasses import dataclass
from enum import StrEnum

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource

from partners.models import Institution
from partners.services import membership_grant

from .institutions import INSTITUTIONS
from .pages import CHILDREN, HOME, DemoPage, Heading
from .people import PEOPLE, DemoPerson

TRANSLATION_LANGUAGES = ("hr", "en")


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class DemoDataError(Exception):
    """The demo data does not fit the database, e.g. a text lacks a translation."""


@dataclass(frozen=True)
class PersonResult:
    email: str
    role: str
    outcome: Outcome
    # Set only when the password was (re)generated: it is never stored in clear.
    password: str | None


def _assign(instance, values) -> bool:
    """Set the fields whose value differs; whether there was any."""
    changed = False
    for field, value in values.items():
        if getattr(instance, field) != value:
            setattr(instance, field, value)
            changed = True
    return changed


def _sync(instance, values) -> Outcome:
    """Save ``instance`` with ``values`` if it is new or one of them differs."""
    is_new = instance._state.adding
    if not _assign(instance, values) and not is_new:
        return Outcome.UNCHANGED
    instance.full_clean()
    instance.save()
    return Outcome.CREATED if is_new else Outcome.UPDATED


# --- Institutions ---------------------------------------------------------


def load_institutions() -> list[Outcome]:
    """The partner institutions, found by short name."""
    return [
        _sync(
            Institution.objects.filter(short_name=data["short_name"]).first() or Institution(), data
        )
        for data in INSTITUTIONS
    ]


# --- Pages and their translations ---------------------------------------


def load_pages() -> tuple[list[Outcome], list[Outcome]]:
    """The Slovenian home page and its children, then their translations.

    Returns what happened to the Slovenian pages and to their translations.
    """
    home = _site_root()
    synced = [(home, HOME, _sync_page(home, HOME))]
    for data in CHILDREN:
        page = _child(home, data)
        synced.append((page, data, _sync_page(page, data, parent=home)))
    # The home page comes first, so each child's translation finds its translated parent.
    translated = []
    for page, data, outcome in synced:
        translated += _sync_translations(page, data, source_changed=outcome != Outcome.UNCHANGED)
    return [outcome for _page, _data, outcome in synced], translated


def _site_root():
    """The Slovenian home page, created by the migrations as the default site's root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoDataError("There is no default site; run the migrations first.")
    return _checked(site.root_page.specific, HOME)


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
    changed = _assign(
        page,
        {
            "title": data.title.sl,
            "slug": data.slug.sl,
            "introduction": data.introduction.sl,
            "show_in_menus": data.show_in_menus,
        },
    )
    body = _stream_data(data)
    if hasattr(page, "body") and _raw_stream_data(page.body) != body:
        page.body = [(block["type"], block["value"]) for block in body]
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
    texts = [data.slug, data.title, data.introduction, *(block.text for block in data.body)]
    return {text.sl: getattr(text, language) for text in texts}


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


# --- People ----------------------------------------------------------------


def load_people(*, reset_passwords: bool = False) -> list[PersonResult]:
    """One user per role; a password is generated for new users, or for all on request."""
    return [_sync_person(person, reset_password=reset_passwords) for person in PEOPLE]


def _sync_person(person: DemoPerson, *, reset_password: bool) -> PersonResult:
    email = f"{person.key}@{settings.PORTAL_DEMO_EMAIL_DOMAIN}"
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    password = None
    if user is None:
        user = user_model(username=get_adapter().generate_unique_username([email]), email=email)
        password = _new_password()
        user.set_password(password)
    outcome = _sync(
        user,
        {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "is_active": True,
            "is_staff": person.is_superuser,
            "is_superuser": person.is_superuser,
        },
    )
    if reset_password and outcome is not Outcome.CREATED:
        password = _new_password()
        user.set_password(password)
        user.save(update_fields=["password"])
    _sync(
        EmailAddress.objects.filter(user=user, email=email).first()
        or EmailAddress(user=user, email=email),
        {"primary": True, "verified": True},
    )
    user.groups.set([Group.objects.get(name=name) for name in person.groups])
    if person.membership:
        short_name, role = person.membership
        membership_grant(
            user=user, institution=Institution.objects.get(short_name=short_name), role=role
        )
    return PersonResult(email=email, role=person.role, outcome=outcome, password=password)


def _new_password() -> str:
    return secrets.token_urlsafe(12)
