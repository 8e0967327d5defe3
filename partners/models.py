"""The partnership: the institutions taking part and the people who work for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from portal.languages import in_active_language
from portal.models import BasePage


class Country(models.TextChoices):
    SLOVENIA = "SI", _("Slovenia")
    CROATIA = "HR", _("Croatia")


class InstitutionKind(models.TextChoices):
    SOCIAL_WORK_CENTRE = "social_work_centre", _("Social work centre")
    EMPLOYMENT_OFFICE = "employment_office", _("Employment office")
    COORDINATORS_UNIT = "coordinators_unit", _("Coordinators' regional unit")
    PROGRAMME_PROVIDER = "programme_provider", _("Programme provider")
    MINISTRY = "ministry", _("Ministry")
    FACULTY = "faculty", _("Faculty")
    DEVELOPMENT_AGENCY = "development_agency", _("Development agency")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


# The language in which an institution's own name is written.
COUNTRY_LANGUAGE = {Country.SLOVENIA: "sl", Country.CROATIA: "hr"}


class Institution(index.Indexed, models.Model):
    """A public body or organisation taking part in the partnership.

    Its name is kept in each portal language because the partners read each
    other's names in their own language (a Croatian CSD is "Centar za socijalnu
    skrb" to its staff and "Center za socialno delo" to Slovenian readers).
    """

    name_sl = models.CharField(_("name in Slovenian"), max_length=255)
    name_hr = models.CharField(_("name in Croatian"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=60)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    kind = models.CharField(_("kind"), max_length=32, choices=InstitutionKind.choices)
    region = models.CharField(_("region"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("e-mail of the institution"),
        blank=True,
        help_text=_("A general address of the institution, never a person's."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_sl"), FieldPanel("name_hr"), FieldPanel("name_en")],
            heading=_("Name"),
        ),
        FieldPanel("short_name"),
        FieldPanel("country"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("logo"),
    ]

    search_fields = [
        index.SearchField("name_sl"),
        index.SearchField("name_hr"),
        index.SearchField("name_en"),
        index.SearchField("short_name"),
        index.SearchField("region"),
        # The admin listing searches as you type, in any of the names.
        index.AutocompleteField("short_name"),
        index.AutocompleteField("name_sl"),
        index.AutocompleteField("name_hr"),
        index.AutocompleteField("name_en"),
        index.FilterField("country"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(fields=["short_name"], name="unique_institution_short_name"),
        ]

    def __str__(self):
        return self.short_name

    @property
    def name(self):
        """The name in the active language, else in the institution's own language."""
        return in_active_language(self, "name", fallback=COUNTRY_LANGUAGE.get(self.country, "sl"))


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator (approves for the institution)")
    INSTITUTION_ADMIN = "institution_admin", _("Institution admin (invites colleagues)")


class Membership(models.Model):
    """A person works for an institution in a role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=32, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "institution"], name="unique_membership_per_institution"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.institution} ({self.get_role_display()})"


class PartnershipPage(BasePage):
    """The public list of partners, grouped by country and kind of institution."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnership page")
        verbose_name_plural = _("partnership pages")

    def get_context(self, request, *args, **kwargs):
        from .selectors import institutions_grouped_by_country_and_kind

        context = super().get_context(request, *args, **kwargs)
        context["partner_groups"] = institutions_grouped_by_country_and_kind()
        return context
