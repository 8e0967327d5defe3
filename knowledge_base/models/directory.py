"""The directory of local services: the places participants are referred to.

Services are snippets with revisions, so every change says who made it, and
the directory page lists them for everyone, filtered by region, municipality,
kind, target group and language spoken.
"""

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import RevisionMixin
from wagtail.search import index

from portal.languages import in_active_language
from portal.models import BasePage
from portal.personal_data import ScreenedTextField

from .. import rules
from .regions import REGION_COUNTRY, Region


class ServiceKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    HEALTH_PROMOTION_CENTRE = "health_promotion_centre", _("Health promotion centre")
    HEALTH_CENTRE = "health_centre", _("Health centre")
    LIBRARY = "library", _("Library")
    NGO = "ngo", _("Non-governmental organisation")
    EDUCATION = "education", _("Education")
    EMPLOYER = "employer", _("Employer")
    PUBLIC_SERVICE = "public_service", _("Public service")
    OTHER = "other", _("Other")


class LocalService(index.Indexed, RevisionMixin, ClusterableModel):
    """A service in a municipality that takes referrals: who it is for, where, in which languages.

    Its contact is the organisation's own (switchboard, general address),
    never a person's: the directory is public.
    """

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=ServiceKind.choices)
    municipality = models.CharField(_("municipality"), max_length=120)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices)
    address = models.CharField(_("address"), max_length=255, blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=255,
        blank=True,
        help_text=_("As people there write them, e.g. “pon.–pet. 8.00–15.00”."),
    )
    phone = models.CharField(_("phone of the organisation"), max_length=40, blank=True)
    email = models.EmailField(
        _("e-mail of the organisation"),
        blank=True,
        help_text=_("A general address of the organisation, never a person's."),
    )
    website = models.URLField(_("website"), blank=True)
    target_groups = ParentalManyToManyField(
        "knowledge_base.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="services",
    )
    languages = ParentalManyToManyField(
        "knowledge_base.SpokenLanguage",
        verbose_name=_("languages spoken"),
        blank=True,
        related_name="services",
    )
    description_sl = ScreenedTextField(_("description in Slovenian"), max_length=1000, blank=True)
    description_hr = ScreenedTextField(_("description in Croatian"), max_length=1000, blank=True)
    description_en = ScreenedTextField(_("description in English"), max_length=1000, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("region"), FieldPanel("address")],
            heading=_("Where"),
        ),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact of the organisation"),
        ),
        FieldPanel("target_groups"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("description_sl"),
                FieldPanel("description_hr"),
                FieldPanel("description_en"),
            ],
            heading=_("Description"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("municipality"),
        index.SearchField("description_sl"),
        index.SearchField("description_hr"),
        index.SearchField("description_en"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("local service")
        verbose_name_plural = _("local services")
        ordering = ["municipality", "name"]
        constraints = [
            # The import finds a service again by its name and municipality.
            models.UniqueConstraint(
                fields=["name", "municipality"], name="unique_service_per_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.municipality}"

    @property
    def country(self):
        return REGION_COUNTRY.get(self.region)

    @property
    def description(self):
        return in_active_language(self, "description", fallback="sl") or self.description_hr

    def clean(self):
        super().clean()
        errors = rules.service_errors(self)
        if errors:
            raise ValidationError(errors)


class DirectoryPage(RoutablePageMixin, BasePage):
    """The directory of local services in one language, and a page per service."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory of local services")
        verbose_name_plural = _("directories of local services")

    @path("")
    def directory(self, request):
        from ..selectors import directory_listing

        return self.render(request, context_overrides={"listing": directory_listing(request.GET)})

    @path("<int:pk>/", name="service")
    def service(self, request, pk):
        from ..views import service_detail

        return service_detail(request, self, pk)


class DirectoryImport(models.Model):
    """A file of services an editor uploaded: previewed first, applied once on confirmation.

    The file is kept so that what is applied is what was previewed, and as a
    record of who changed the directory with which file.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("content"))
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    totals = models.JSONField(_("totals"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import of services")
        verbose_name_plural = _("imports of services")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.file_name
