"""Blocks shared by every page body of the portal."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the few formats an editor of a public body needs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Running text with links and lists")


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text (from the image block) and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        description = _("An image with a caption")


class BodyBlock(blocks.StreamBlock):
    """The free-form body of content pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()

    class Meta:
        template = "blocks/body_block.html"
