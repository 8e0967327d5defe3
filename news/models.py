"""News: an index per language and the items under it, some announcing an upcoming activity."""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage

from . import rules


class NewsIndexPage(BasePage):
    """The list of news of one language, newest first, with its feeds."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_index_page

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = news_index_page(
            self, tag=request.GET.get("tag", ""), number=request.GET.get("page")
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A news item: its date, lead (the introduction), image, body and tags.

    An item may announce an upcoming activity (a study visit, a workshop):
    then it has the activity's date and place, and the home page lists it
    among the upcoming activities until the day has passed.
    """

    date = models.DateField(_("date"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    activity_starts_at = models.DateTimeField(
        _("date and time of the activity"),
        null=True,
        blank=True,
        help_text=_("Only when the item announces an upcoming activity."),
    )
    activity_place = models.CharField(_("place of the activity"), max_length=255, blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("introduction", heading=_("Lead")),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("activity_starts_at"), FieldPanel("activity_place")],
            heading=_("Upcoming activity"),
        ),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.get_parent()
        return context

    def clean(self):
        super().clean()
        errors = rules.news_page_errors(self)
        if errors:
            raise ValidationError(errors)
