"""The directory's rows for django-import-export: what a CSV or XLSX file of services holds.

Columns have English names (``name``, ``kind``, ``municipality``, ``region``,
…); ``kind`` and ``region`` take the code or the name in any portal
language, ``target_groups`` and ``languages`` their terms' slugs or names
separated by ";". A service is found again by its name and municipality, so
importing the same file twice changes nothing.
"""

from import_export import fields, resources, widgets

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from .models import LocalService, Region, ServiceKind, SpokenLanguage, TargetGroup

TERM_SEPARATOR = ";"


def _normalised(text) -> str:
    return " ".join(force_str(text).split()).casefold()


class ChoiceWidget(widgets.Widget):
    """A choice by its code or by its label in Slovenian, Croatian or English."""

    def __init__(self, choices, unknown_message, **kwargs):
        self.choices = choices
        self.unknown_message = unknown_message
        super().__init__(**kwargs)

    def _codes(self):
        codes = {}
        for language in ("sl", "hr", "en"):
            with translation.override(language):
                codes.update({_normalised(choice.label): choice.value for choice in self.choices})
        codes.update({_normalised(choice.value): choice.value for choice in self.choices})
        return codes

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        code = self._codes().get(_normalised(value))
        if code is None:
            raise ValueError(str(self.unknown_message) % {"value": value})
        return code

    def render(self, value, obj=None, **kwargs):
        return value or ""


class TermsWidget(widgets.ManyToManyWidget):
    """Terms by slug or by name in any language, separated by ";"; an unknown one is refused."""

    def __init__(self, model, unknown_message, **kwargs):
        self.unknown_message = unknown_message
        super().__init__(model, separator=TERM_SEPARATOR, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        wanted = [part.strip() for part in force_str(value or "").split(self.separator)]
        wanted = [part for part in wanted if part]
        if not wanted:
            return self.model.objects.none()
        found, unknown = [], []
        terms = list(self.model.objects.all())
        for text in wanted:
            key = _normalised(text)
            term = next(
                (
                    term
                    for term in terms
                    if key
                    in {
                        _normalised(t)
                        for t in (term.slug, term.name_sl, term.name_hr, term.name_en)
                        if t
                    }
                ),
                None,
            )
            (found if term else unknown).append(term or text)
        if unknown:
            raise ValueError(
                str(self.unknown_message) % {"value": ", ".join(f"“{t}”" for t in unknown)}
            )
        return self.model.objects.filter(Q(pk__in=[term.pk for term in found]))


class LocalServiceResource(resources.ModelResource):
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(
            ServiceKind,
            _("Unknown kind of service “%(value)s”; use one of the kinds in the admin."),
        ),
    )
    region = fields.Field(
        attribute="region",
        column_name="region",
        widget=ChoiceWidget(
            Region,
            _(
                "Unknown region “%(value)s”; use a Slovenian statistical region or a Croatian "
                "county, such as “podravska” or “osjecko-baranjska”."
            ),
        ),
    )
    target_groups = fields.Field(
        attribute="target_groups",
        column_name="target_groups",
        widget=TermsWidget(TargetGroup, _("Unknown target groups: %(value)s.")),
    )
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=TermsWidget(SpokenLanguage, _("Unknown languages: %(value)s.")),
    )

    # The revisions of what an import saved name who imported it.
    def __init__(self, *, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    class Meta:
        model = LocalService
        fields = (
            "name",
            "kind",
            "municipality",
            "region",
            "address",
            "opening_hours",
            "phone",
            "email",
            "website",
            "target_groups",
            "languages",
            "description_sl",
            "description_hr",
            "description_en",
        )
        export_order = fields
        import_id_fields = ("name", "municipality")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        # The preview lists changes in its own words; the HTML diff would only cost time.
        skip_html_diff = True

    def import_instance(self, instance, row, **kwargs):
        """Also check the terms before anything is saved, so an unknown one refuses the row."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in ("target_groups", "languages"):
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[name] = [ValidationError(force_str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        # Parental many-to-many relations are kept in memory until committed.
        instance.target_groups.commit()
        instance.languages.commit()
        if not self._is_dry_run(kwargs):
            instance.save_revision(user=self.user, log_action=True)
