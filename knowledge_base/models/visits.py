"""Study visits: who visited whom, what they saw, and what the partners do about it.

A visit's page is public: its summary, programme, places and photos. What
the partners learned and agreed to do next is its internal part, kept apart
from the page (``StudyVisitInternalPart`` and ``StudyVisitFollowUp``), so
that the page's search index, its sitemap entry and what a visitor receives
never contain it; only partner staff get it with the page.
"""

from types import SimpleNamespace

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from partners.models import Country
from portal.blocks import BodyBlock, FigureBlock
from portal.models import BasePage
from portal.personal_data import ScreenedTextField

from .. import rules


class StudyVisitIndexPage(BasePage):
    """The study visits of one language, by year and by the country they took place in."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge_base.StudyVisitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("study visit index")
        verbose_name_plural = _("study visit indexes")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import study_visit_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = study_visit_listing(self, request.GET)
        return context


class ProgrammeItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(required=False, label=_("Day"))
    time = blocks.CharBlock(required=False, max_length=20, label=_("Time"))
    place = blocks.CharBlock(required=False, label=_("Place"))
    activity = blocks.CharBlock(label=_("Activity"))

    class Meta:
        icon = "time"
        label = _("Programme item")


class StudyVisitPageForm(WagtailAdminPageForm):
    """Each follow-up's dates are checked against the visit's, as the rules say."""

    def is_valid(self):
        # The rows are validated after the page's own fields, so the visit's dates are
        # compared with theirs once both are clean.
        valid = super().is_valid()
        starts_on = self.cleaned_data.get("starts_on")
        for form in self.formsets["follow_ups"].forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            errors = rules.follow_up_errors(
                SimpleNamespace(due_on=data.get("due_on"), done_on=data.get("done_on")),
                visit_starts_on=starts_on,
                today=timezone.localdate(),
            )
            for field, messages in errors.items():
                for message in messages:
                    form.add_error(field, message)
                valid = False
        return valid


class StudyVisitPage(BasePage):
    """One study visit: its dates, hosts and delegation, purpose, programme, places and photos."""

    base_form_class = StudyVisitPageForm

    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    country = models.CharField(
        _("country of the visit"), max_length=2, choices=Country.choices, default=Country.SLOVENIA
    )
    hosts = ParentalManyToManyField(
        "partners.Institution",
        verbose_name=_("host institutions"),
        blank=True,
        related_name="hosted_study_visits",
    )
    visiting_institutions = ParentalManyToManyField(
        "partners.Institution",
        verbose_name=_("visiting partner institutions"),
        blank=True,
        related_name="study_visits_made",
    )
    visiting_organisations = models.TextField(
        _("other visiting organisations"),
        blank=True,
        help_text=_("Organisations that are not partners, one per line. No names of people."),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    programme = StreamField(
        [("item", ProgrammeItemBlock())], blank=True, verbose_name=_("programme")
    )
    places_visited = models.TextField(_("places visited"), blank=True, help_text=_("One per line."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("report"))
    photos = StreamField([("photo", FigureBlock())], blank=True, verbose_name=_("photos"))

    # Only what anyone may read is indexed: the internal part has its own index entries.
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purpose"),
        index.SearchField("places_visited"),
        index.SearchField("visiting_organisations"),
        index.SearchField("body"),
        index.FilterField("starts_on"),
        index.FilterField("country"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", heading=_("Public summary")),
        MultiFieldPanel(
            [FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("country")],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hosts"),
                FieldPanel("visiting_institutions"),
                FieldPanel("visiting_organisations"),
            ],
            heading=_("Hosts and delegation"),
        ),
        FieldPanel("purpose"),
        FieldPanel("programme"),
        FieldPanel("places_visited"),
        FieldPanel("body"),
        FieldPanel("photos"),
        MultiFieldPanel(
            [
                InlinePanel("internal_parts", max_num=1, label=_("Lessons learned")),
                InlinePanel("follow_ups", label=_("Follow-ups")),
            ],
            heading=_("Internal: partner staff only"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("hosts"),
        SynchronizedField("visiting_institutions"),
    ]

    parent_page_types = ["knowledge_base.StudyVisitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")
        ordering = ["-starts_on"]

    def clean(self):
        super().clean()
        errors = rules.study_visit_errors(self)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import study_visit_details

        context = super().get_context(request, *args, **kwargs)
        context.update(study_visit_details(self, user=request.user))
        return context

    @property
    def visiting_organisation_list(self):
        return [line.strip() for line in self.visiting_organisations.splitlines() if line.strip()]

    @property
    def places_visited_list(self):
        return [line.strip() for line in self.places_visited.splitlines() if line.strip()]


class StudyVisitInternalPart(TranslatableMixin, index.Indexed, Orderable):
    """What the partners learned from a visit, for partner staff only; translated with the page."""

    page = ParentalKey(StudyVisitPage, on_delete=models.CASCADE, related_name="internal_parts")
    lessons_learned = ScreenedTextField(_("lessons learned"))
    notes = ScreenedTextField(_("internal notes"), blank=True)

    search_fields = [
        index.SearchField("lessons_learned"),
        index.SearchField("notes"),
        index.FilterField("page_id"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lessons learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self):
        return self.lessons_learned[:80]


class StudyVisitFollowUp(Orderable):
    """Who does what by when after a visit; open ones are on the institution's *My work*."""

    page = ParentalKey(StudyVisitPage, on_delete=models.CASCADE, related_name="follow_ups")
    description = ScreenedTextField(_("what"), max_length=1000)
    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("responsible institution"),
        on_delete=models.PROTECT,
        related_name="study_visit_follow_ups",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    done_on = models.DateField(
        _("done on"), null=True, blank=True, help_text=_("Leave empty while it is open.")
    )

    panels = [
        FieldPanel("description"),
        FieldPanel("institution"),
        FieldPanel("due_on"),
        FieldPanel("done_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return self.description[:80]

    def clean(self):
        super().clean()
        # In the admin the visit is checked with its rows (``StudyVisitPageForm``): a new
        # visit's row has no page yet.
        page = self.page if StudyVisitFollowUp.page.is_cached(self) or self.page_id else None
        errors = rules.follow_up_errors(
            self,
            visit_starts_on=page.starts_on if page is not None else None,
            today=timezone.localdate(),
        )
        if errors:
            raise ValidationError(errors)
