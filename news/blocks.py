"""The blocks of a newsletter issue: chosen news, free text and images, and the fixed parts.

Each renders on the web page from ``templates/news/blocks/``; the PDF and
the e-mail lay the same values out themselves.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from portal.blocks import FigureBlock, HeadingBlock, ParagraphBlock
from portal.languages import active_locale


class NewsItemsBlock(blocks.StructBlock):
    """News items chosen for the issue: each shows its lead and image and links to the item."""

    heading = blocks.CharBlock(required=False, label=_("Heading"))
    items = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.NewsPage", label=_("News item")),
        label=_("News items"),
    )

    class Meta:
        icon = "doc-full"
        label = _("News")
        template = "news/blocks/news_items.html"

    def get_context(self, value, parent_context=None):
        from .selectors import news_in_language

        context = super().get_context(value, parent_context=parent_context)
        # An issue in Croatian shows the Croatian items, whichever the editor chose.
        context["items"] = news_in_language(value["items"], active_locale())
        return context


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Activity"))
    date = blocks.DateBlock(required=False, label=_("Date"))
    place = blocks.CharBlock(required=False, label=_("Place"))


class ActivitiesBlock(blocks.StructBlock):
    """The upcoming activities of the partnership, with their dates where known."""

    heading = blocks.CharBlock(default=_("Upcoming activities"), label=_("Heading"))
    activities = blocks.ListBlock(ActivityBlock(), label=_("Activities"))

    class Meta:
        icon = "date"
        label = _("Upcoming activities")
        template = "news/blocks/activities.html"


class ResultsBlock(blocks.StructBlock):
    """What the project has achieved so far."""

    heading = blocks.CharBlock(default=_("Project results"), label=_("Heading"))
    text = ParagraphBlock(label=_("Text"))

    class Meta:
        icon = "tick"
        label = _("Project results")
        template = "news/blocks/results.html"


class ContactBlock(blocks.StructBlock):
    institution = blocks.CharBlock(label=_("Institution"))
    address = blocks.CharBlock(required=False, label=_("Address"))
    website = blocks.URLBlock(required=False, label=_("Website"))
    email = blocks.EmailBlock(
        required=False,
        label=_("E-mail address"),
        help_text=_("The institution's own address, never a person's."),
    )


class ContactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default=_("Contacts"), label=_("Heading"))
    contacts = blocks.ListBlock(ContactBlock(), label=_("Contacts"))

    class Meta:
        icon = "group"
        label = _("Contacts")
        template = "news/blocks/contacts.html"


class NewsletterBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    news = NewsItemsBlock()
    activities = ActivitiesBlock()
    results = ResultsBlock()
    contacts = ContactsBlock()
