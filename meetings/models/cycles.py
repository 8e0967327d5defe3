"""Programme cycles and the pseudonymous participants in them."""

from modelcluster.models import ClusterableModel, ParentalKey

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from partners.models import COUNTRY_LANGUAGE, Institution
from portal.languages import in_active_language
from portal.personal_data import ScreenedTextField


class TargetGroup(models.TextChoices):
    ADULTS = "adults", _("Adults")
    WOMEN_FROM_OTHER_CULTURES = "women_other_cultures", _("Women from other cultural environments")
    ROMA_WOMEN = "roma_women", _("Roma women")
    OTHER = "other", _("Other")


class ExitOutcome(models.TextChoices):
    FURTHER_PROGRAMME = "further_programme", _("Further programme")
    ACTIVE_JOB_SEEKER = "active_job_seeker", _("Registered as an active job seeker")
    EMPLOYMENT_MEASURE = (
        "employment_measure",
        _("Employment through an active employment policy measure"),
    )
    EMPLOYMENT = "employment", _("Ordinary employment")
    EDUCATION = "education", _("Education")
    LEFT_EARLY = "left_early", _("Left early for personal reasons")
    NONE = "none", _("None")


class ProgrammeCycle(index.Indexed, ClusterableModel):
    """One run of a social activation programme for one group, and who works on it together.

    The participating institutions decide who may see the cycle at all: its
    participants and protocols exist only for their members (and site
    administrators). The provider is one of them.
    """

    programme_name_sl = models.CharField(_("programme name in Slovenian"), max_length=255)
    programme_name_hr = models.CharField(_("programme name in Croatian"), max_length=255)
    programme_name_en = models.CharField(_("programme name in English"), max_length=255, blank=True)
    code = models.CharField(
        _("code"),
        max_length=10,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9]{1,9}$",
                _("Use 2 to 10 capital letters or digits, starting with a letter."),
            )
        ],
        help_text=_("Starts the participants' codes, e.g. KR gives KR-2026-07."),
    )
    provider = models.ForeignKey(
        Institution,
        verbose_name=_("programme provider"),
        on_delete=models.PROTECT,
        related_name="cycles_provided",
    )
    locations = models.CharField(
        _("locations"),
        max_length=255,
        help_text=_("Where the group meets; separate places with commas."),
    )
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    max_group_size = models.PositiveSmallIntegerField(
        _("maximum group size"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    institutions = models.ManyToManyField(
        Institution,
        verbose_name=_("participating institutions"),
        related_name="programme_cycles",
        help_text=_(
            "Only their staff see this cycle, its participants and its protocols. "
            "Include the provider."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("programme_name_sl"),
                FieldPanel("programme_name_hr"),
                FieldPanel("programme_name_en"),
            ],
            heading=_("Programme"),
        ),
        FieldPanel("code"),
        FieldPanel("provider"),
        FieldPanel("locations"),
        FieldPanel("target_group"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("max_group_size"),
        FieldPanel("institutions"),
        InlinePanel("phases", heading=_("Phases or modules"), label=_("Phase")),
    ]

    search_fields = [
        index.SearchField("programme_name_sl"),
        index.SearchField("programme_name_hr"),
        index.SearchField("programme_name_en"),
        index.SearchField("locations"),
        index.AutocompleteField("code"),
        index.AutocompleteField("programme_name_sl"),
        index.AutocompleteField("programme_name_hr"),
        index.FilterField("target_group"),
        index.FilterField("starts_on"),
        index.FilterField("provider"),
    ]

    class Meta:
        verbose_name = _("programme cycle")
        verbose_name_plural = _("programme cycles")
        ordering = ["-starts_on", "code"]
        permissions = [
            ("view_every_cycle", _("Can see every programme cycle and its protocols")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cycle_ends_after_it_starts",
                # A form checks the constraint before the services' rules see the cycle.
                violation_error_message=_("The cycle cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.programme_name}"

    @property
    def programme_name(self):
        """The name in the active language, else in the provider's language."""
        return in_active_language(
            self, "programme_name", fallback=COUNTRY_LANGUAGE.get(self.provider.country, "sl")
        )


class CyclePhase(Orderable):
    """A phase or module of a cycle (preparation, workshops, work module, after exit)."""

    cycle = ParentalKey(ProgrammeCycle, on_delete=models.CASCADE, related_name="phases")
    name_sl = models.CharField(_("name in Slovenian"), max_length=255)
    name_hr = models.CharField(_("name in Croatian"), max_length=255, blank=True)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    panels = [
        FieldPanel("name_sl"),
        FieldPanel("name_hr"),
        FieldPanel("name_en"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language, else in Slovenian, the cycle's source language."""
        return in_active_language(self, "name", fallback="sl")


class Participant(models.Model):
    """A person in a cycle, known to the portal only by a code such as ``KR-2026-07``.

    No name, personal identification number or contact data: the note is
    screened for them (``ScreenedTextField``), and the code is generated by
    ``participant_create``.
    """

    cycle = models.ForeignKey(
        ProgrammeCycle,
        verbose_name=_("programme cycle"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    number = models.PositiveSmallIntegerField(_("number"), editable=False)
    code = models.CharField(_("code"), max_length=32, editable=False)
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices)
    entered_on = models.DateField(_("date of entry"))
    exited_on = models.DateField(_("date of exit"), null=True, blank=True)
    exit_outcome = models.CharField(
        _("exit outcome"), max_length=32, choices=ExitOutcome.choices, blank=True
    )
    note = ScreenedTextField(
        _("note"),
        max_length=1000,
        blank=True,
        refuse_phone_numbers=True,
        help_text=_("A short note for the team. No names, identification numbers or contact data."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="unique_participant_code"),
            models.UniqueConstraint(fields=["cycle", "number"], name="unique_participant_number"),
        ]

    def __str__(self):
        return self.code

    def is_in_programme_on(self, day) -> bool:
        """Whether the participant had not yet left on ``day``."""
        return self.exited_on is None or self.exited_on >= day
