"""Practice guides: what the partners learned about running social activation, kept current.

Each guide has an owner institution that reviews it every so many months;
*My work* and the admin's report say which guides are due.
"""

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.models import BasePage

from .. import rules
from ..blocks import GuideBlock


class GuideIndexPage(BasePage):
    """The guides of one language, narrowed by topic and target group."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["knowledge_base.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import guide_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = guide_listing(self, request.GET)
        return context


class GuidePage(RoutablePageMixin, BasePage):
    """A practice guide: a summary, the body, its topics and who keeps it up to date."""

    body = StreamField(GuideBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField(
        "knowledge_base.Topic", verbose_name=_("topics"), blank=True, related_name="guides"
    )
    target_groups = ParentalManyToManyField(
        "knowledge_base.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="guides",
    )
    owner_institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("owner institution"),
        null=True,
        on_delete=models.PROTECT,
        related_name="guides",
        help_text=_("The institution that keeps the guide up to date; its staff see reviews due."),
    )
    last_reviewed_on = models.DateField(_("last reviewed"), default=timezone.localdate)
    review_interval_months = models.IntegerField(
        _("review interval (months)"),
        default=rules.DEFAULT_REVIEW_INTERVAL_MONTHS,
        help_text=_("How many months after a review the guide is reviewed again."),
    )
    # Derived from the two above on every save, so that "due for review" is one filter.
    next_review_on = models.DateField(_("next review"), null=True, editable=False)
    related_services = ParentalManyToManyField(
        "knowledge_base.LocalService",
        verbose_name=_("related services"),
        blank=True,
        related_name="guides",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("topics", [index.FilterField("slug")]),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", heading=_("Summary")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("target_groups")],
            heading=_("Topics and target groups"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_institution"),
                FieldPanel("last_reviewed_on"),
                FieldPanel("review_interval_months"),
            ],
            heading=_("Review"),
        ),
        InlinePanel("related_guides", label=_("Related guides")),
        FieldPanel("related_services"),
    ]
    # wagtail-localize leaves many-to-many fields out of translations; the guide's terms and
    # services are the same in every language, so a translation takes them from its source.
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("target_groups"),
        SynchronizedField("related_services"),
    ]

    parent_page_types = ["knowledge_base.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice guide")
        verbose_name_plural = _("practice guides")

    def clean(self):
        super().clean()
        errors = rules.guide_errors(self, today=timezone.localdate())
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.next_review_on = rules.next_review_on(
            self.last_reviewed_on, self.review_interval_months
        )
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import guide_relations

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_relations(self))
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from ..views import guide_pdf

        return guide_pdf(request, self)


class GuideRelatedGuide(Orderable):
    """Another guide worth reading next; shown in the reader's language."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(
        GuidePage, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("guide")]

    class Meta(Orderable.Meta):
        verbose_name = _("related guide")
        verbose_name_plural = _("related guides")
