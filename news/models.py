"""News: an index per language and the items under it, some announcing an upcoming activity."""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage

from . import rules
from .blocks import NewsletterBlock


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


class NewsletterArchivePage(BasePage):
    """Every issue of the newsletter in one language, by year, newest first."""

    content_panels = BasePage.content_panels
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        from .selectors import newsletter_issues_by_year

        context = super().get_context(request, *args, **kwargs)
        context["years"] = newsletter_issues_by_year(self)
        return context


class NewsletterIssuePage(BasePage):
    """An issue of the newsletter: the web page, and from the same content its PDF.

    The lead is the introduction; the sections choose news items (their lead
    and image, linking to the full item) and add free text, images, the
    upcoming activities, the project's results and contacts. Editors preview
    the web page and the PDF from the admin.
    """

    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"), default=timezone.localdate)
    sections = StreamField(NewsletterBlock(), blank=True, verbose_name=_("sections"))

    search_fields = [*BasePage.search_fields, index.SearchField("sections")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("date"),
        FieldPanel("introduction", heading=_("Lead")),
        FieldPanel("sections"),
    ]
    parent_page_types = ["news.NewsletterArchivePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive"] = self.get_parent()
        context["pdf"] = NewsletterPDF.objects.filter(issue=self).select_related("document").first()
        return context

    @property
    def preview_modes(self):
        return [("", _("Web page")), ("email", _("E-mail")), ("pdf", _("PDF"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from .emails import newsletter_email

            return HttpResponse(newsletter_email(self)["html"])
        if mode_name == "pdf":
            from .documents import newsletter_pdf

            response = HttpResponse(newsletter_pdf(self), content_type="application/pdf")
            response["Content-Disposition"] = "inline"
            return response
        return super().serve_preview(request, mode_name)


class NewsletterPDF(models.Model):
    """The PDF of an issue as last published, a Wagtail document, or the note that it is coming.

    ``source_sha256`` is the hash of the HTML the PDF was made from: a new
    publication that shows the same makes no new PDF.
    """

    issue = models.OneToOneField(
        NewsletterIssuePage, on_delete=models.CASCADE, related_name="pdf", verbose_name=_("issue")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    source_sha256 = models.CharField(_("SHA-256 of the source"), max_length=64, blank=True)
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    made_at = models.DateTimeField(_("made at"), null=True, blank=True)
    images_left_out = models.JSONField(
        _("images left out"),
        default=list,
        blank=True,
        help_text=_("Addresses of the images the PDF was made without, as they could not be read."),
    )

    class Meta:
        verbose_name = _("newsletter PDF")
        verbose_name_plural = _("newsletter PDFs")

    def __str__(self):
        return str(self.issue)

    @property
    def is_being_made(self) -> bool:
        return self.requested_at is not None and (
            self.made_at is None or self.made_at < self.requested_at
        )


class Subscriber(models.Model):
    """An address that asked for the newsletter in one language; it receives it once confirmed.

    ``email_key`` is the keyed hash of the address (``subscriptions.email_key``):
    what unsubscribe links carry, and what stays once the address is gone.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    email_key = models.CharField(_("keyed hash of the address"), max_length=64, unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.WAGTAIL_CONTENT_LANGUAGES
    )
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    consented_at = models.DateTimeField(_("consented at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        permissions = [("export_subscriber", _("Can export the list of subscribers"))]
        indexes = [models.Index(fields=["language", "confirmed_at"])]

    def __str__(self):
        return self.email


class Unsubscription(models.Model):
    """What remains of an address that unsubscribed: its keyed hash, so it is never mailed again."""

    email_key = models.CharField(_("keyed hash of the address"), max_length=64, unique=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), default=timezone.now)

    class Meta:
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")

    def __str__(self):
        return self.email_key


class NewsletterSending(models.Model):
    """Sending an issue: a test to the editor first, then to each subscriber of its language.

    A send goes out only for the live revision that was sent as the test:
    what subscribers receive is what the editor saw.
    """

    issue = models.OneToOneField(
        NewsletterIssuePage,
        on_delete=models.CASCADE,
        related_name="sending",
        verbose_name=_("issue"),
    )
    tested_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision sent as a test"),
    )
    tested_at = models.DateTimeField(_("test sent at"), null=True)
    tested_to = models.EmailField(_("test sent to"), blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision sent"),
    )
    started_at = models.DateTimeField(_("started at"), null=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    finished_at = models.DateTimeField(_("finished at"), null=True)

    class Meta:
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")

    def __str__(self):
        return str(self.issue)


class NewsletterDelivery(models.Model):
    """One issue to one subscriber: at most one row each, so at most one message each.

    The subscriber's row goes when they unsubscribe; the keyed hash of the
    address stays, and with it the uniqueness.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being handed to the mail server")
        SENT = "sent", _("Sent")
        DEFERRED = "deferred", _("Refused for now, to be tried again")
        REFUSED = "refused", _("Refused by the mail server")
        UNCERTAIN = "uncertain", _("Uncertain: the worker stopped while sending it")
        CANCELLED = "cancelled", _("Not sent: unsubscribed in the meantime")

    issue = models.ForeignKey(
        NewsletterIssuePage,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("issue"),
    )
    subscriber = models.ForeignKey(
        Subscriber,
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    recipient_key = models.CharField(_("keyed hash of the address"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True)
    claimed_at = models.DateTimeField(_("handed to the mail server at"), null=True)
    sent_at = models.DateTimeField(_("sent at"), null=True)
    error = models.CharField(_("error"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "recipient_key"], name="news_delivery_once_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue} → {self.recipient_key[:8]}"
