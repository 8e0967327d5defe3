"""Where each portal language leads from the page being read."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.middleware import locale as middleware
from django.urls import translate_url
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from wagtail.models import Locale, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    # False when the page has no translation and the link leads to that
    # language's home page instead; such links get no hreflang alternate.
    is_translation: bool


def language_links(request, page=None):
    """One link per portal language: the same page translated, else that language's home."""
    current = get_language()
    if page is None:
        path = request.get_full_path()
        return [
            _link(request, code, name, translate_url(path, code), current, True)
            for code, name in settings.LANGUAGES
        ]

    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    missing = [code for code, _name in settings.LANGUAGES if code not in translations]
    homes = {}
    if missing:
        site = Site.find_for_request(request)
        if site is not None:
            homes = {
                p.locale.language_code: p
                for p in site.root_page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = target.get_url(request) if target else f"/{code}/"
        links.append(_link(request, code, name, url, current, code in translations))
    return links


# The Locale of each language code asked for, kept by the process: the migrations make the
# locales, and a page asks for the active one several times (its menu, lists, feeds).
_locales: dict[str, Locale] = {}


def active_locale() -> Locale:
    """``Locale.get_active()``, without a query each time it is asked."""
    code = get_language() or settings.LANGUAGE_CODE
    if code not in _locales:
        _locales[code] = Locale.get_active()
    return _locales[code]


def _forget_locales(**kwargs):
    _locales.clear()


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="portal.languages.locales")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="portal.languages.locales.gone")


def in_active_language(instance, field: str, *, fallback: str) -> str:
    """``<field>_<language>`` of ``instance`` in the active language, else in ``fallback``.

    For names kept once per portal language (an institution's, a programme's),
    where a missing translation shows the name in its own language.
    """
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return getattr(instance, f"{field}_{language}", "") or getattr(instance, f"{field}_{fallback}")


def _link(request, code, name, url, current, is_translation):
    return LanguageLink(
        code=code,
        name=name,
        url=url,
        absolute_url=request.build_absolute_uri(url),
        is_current=code == current,
        is_translation=is_translation,
    )


class LocaleMiddleware(middleware.LocaleMiddleware):
    """Django's, except that a 404 answered by a view outside the language prefixes stays a 404.

    Django retries a path it could not resolve with the language prefix, and
    the pages' catch-all makes every prefixed path look valid: a record the
    admin hides (``/admin/…/edit/7/``) would turn into a redirect to
    ``/sl/admin/…`` instead of "not found". A path that did resolve was
    answered by its own view, so there is nothing to retry.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
