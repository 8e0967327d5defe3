"""How far each page's translations are behind it: the translation report's states and rows.

A row is a live source page and one other language, annotated from
wagtail-localize's own records; nothing is stored beside them. The states
are defined in docs/translations.md. Everything is decided in SQL, so a
listing of any length costs the same few queries, and the report filters,
orders and pages it in the database.
"""

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import StringSegment, StringTranslation, Translation


class TranslationState(TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT_ONLY = "draft", _("Draft only")
    OUTDATED = "outdated", _("Outdated")
    INCOMPLETE = "incomplete", _("Incomplete")


class Lag(TextChoices):
    """Why a translation is behind its source; each names the step that catches it up."""

    SOURCE_PUBLISHED_SINCE_SYNC = "sync", _("The source was published after the last sync.")
    SYNC_NOT_PUBLISHED = "publish", _("The last sync has not been published.")
    SOURCE_PUBLISHED_SINCE_TRANSLATION = (
        "edit",
        _("The source was published after the translation, which is edited by hand."),
    )


# The rules of docs/translations.md, on the annotations of ``_rows_into``; checked in this
# order. ``synced_at`` is set only while an enabled wagtail-localize translation exists.
_LAG = Case(
    When(
        Q(synced_at__isnull=False, last_published_at__gt=F("synced_at")),
        then=Value(Lag.SOURCE_PUBLISHED_SINCE_SYNC),
    ),
    When(
        Q(synced_at__isnull=False, translation_last_published_at__lt=F("synced_at")),
        then=Value(Lag.SYNC_NOT_PUBLISHED),
    ),
    When(
        Q(synced_at__isnull=True, last_published_at__gt=F("translation_last_published_at")),
        then=Value(Lag.SOURCE_PUBLISHED_SINCE_TRANSLATION),
    ),
    default=None,
    output_field=CharField(),
)
_STATE = Case(
    When(
        Q(translation_id__isnull=True) | Q(translation_alias_of_id__isnull=False),
        then=Value(TranslationState.MISSING),
    ),
    When(translation_live=False, then=Value(TranslationState.DRAFT_ONLY)),
    When(lag__isnull=False, then=Value(TranslationState.OUTDATED)),
    When(has_untranslated_texts=True, then=Value(TranslationState.INCOMPLETE)),
    default=None,
    output_field=CharField(),
)


def _is_synced_translation():
    """The page is the target of an enabled wagtail-localize translation."""
    return Exists(
        Translation.objects.filter(
            enabled=True,
            source__object_id=OuterRef("translation_key"),
            target_locale_id=OuterRef("locale_id"),
        )
    )


def source_pages(user):
    """The live pages ``user`` may edit that their translations are made from.

    Of the pages of one translation key, those that may be its source are
    neither an alias nor the target of an enabled wagtail-localize translation.
    The source is the one in the default language (Slovenian), or, when none
    of them is, the first created (a page written in Croatian first, or
    translated from Croatian into Slovenian through wagtail-localize). The tree's
    root (depth 1) is no page of the site.
    """
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    other_candidates = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), alias_of__isnull=True)
        .exclude(pk=OuterRef("pk"))
        .exclude(_is_synced_translation())
    )
    preferred_candidate = other_candidates.filter(
        Q(locale__language_code=default_language) | Q(pk__lt=OuterRef("pk"))
    )
    return (
        page_permission_policy.instances_user_has_permission_for(user, "change")
        .filter(live=True, depth__gt=1, alias_of__isnull=True)
        .exclude(_is_synced_translation())
        .filter(Q(locale__language_code=default_language) | ~Exists(preferred_candidate))
    )


def _untranslated_texts(locale):
    """A text of the synced translation's source that has no translation into ``locale``.

    wagtail-localize's own test of a translation "waiting for translations";
    until it has one, the translated page shows the source's text instead.
    """
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    return Exists(
        StringSegment.objects.filter(source_id=OuterRef("translation_source_id")).exclude(
            Exists(translated)
        )
    )


def _rows_into(sources, locale, editable):
    """A row for each source page whose translation into ``locale`` is not up to date."""
    translation = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    synced = Translation.objects.filter(
        enabled=True,
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        target_locale=locale,
    )
    return (
        sources.exclude(locale=locale)
        .order_by()
        .annotate(
            target_locale_id=Value(locale.pk, output_field=IntegerField()),
            target_language=Value(locale.language_code, output_field=CharField()),
            translation_id=Subquery(translation.values("pk")),
            translation_alias_of_id=Subquery(translation.values("alias_of_id")),
            translation_live=Subquery(translation.values("live")),
            translation_last_published_at=Subquery(translation.values("last_published_at")),
            translation_updated_at=Subquery(translation.values("latest_revision_created_at")),
            translation_source_id=Subquery(synced.values("source_id")),
            synced_at=Subquery(synced.values("source__last_updated_at")),
        )
        .annotate(lag=_LAG, has_untranslated_texts=_untranslated_texts(locale))
        .annotate(
            state=_STATE,
            translation_editable=Exists(editable.filter(pk=OuterRef("translation_id"))),
        )
        .filter(state__isnull=False)
    )


def translation_rows_by_language(user):
    """For each language, the rows of the pages ``user`` may edit: a queryset of pages each.

    Each page carries ``target_locale_id``, ``target_language``, ``state``, ``lag`` (a ``Lag``, or
    None), ``synced_at`` (when its translation into that language was last
    synced), ``translation_id``, ``translation_source_id``,
    ``translation_updated_at``, ``translation_last_published_at``,
    ``has_untranslated_texts`` and ``translation_editable`` (whether ``user``
    may edit the translated page).
    """
    sources = source_pages(user)
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return [_rows_into(sources, locale, editable) for locale in Locale.objects.order_by("pk")]


def combined(rows_by_language):
    """The rows of every language in one queryset, which the database orders and slices."""
    if not rows_by_language:
        return Page.objects.none()
    first, *others = rows_by_language
    return first.union(*others, all=True)
