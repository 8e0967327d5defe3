"""What a practice guide's body is made of: the shared blocks and the ones guides need.

A checklist to tick off before an information day, the numbered steps of an
intake, a callout that warns or advises, a document to download, a table.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import FigureBlock, HeadingBlock, ParagraphBlock


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Items"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        description = _("Things to have done or ready, each with a box to tick on paper")
        template = "knowledge_base/blocks/checklist.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    text = ParagraphBlock(required=False, label=_("What to do"))


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        description = _("A procedure, one step after another")
        template = "knowledge_base/blocks/steps.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("important", _("Important")), ("example", _("Example"))],
        default="tip",
        label=_("Kind"),
    )
    text = ParagraphBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        description = _("A tip, a warning or an example set apart from the text")
        template = "knowledge_base/blocks/callout.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A form, a template or a leaflet to download")
        template = "knowledge_base/blocks/document.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), help_text=_("Says what the table shows, also to screen readers.")
    )
    table = TypedTableBlock(
        [("text", blocks.CharBlock()), ("numeric", blocks.FloatBlock())], label=_("Table")
    )

    class Meta:
        icon = "table"
        label = _("Table")
        description = _("Rows and columns with a caption")
        template = "knowledge_base/blocks/table.html"


class GuideBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    table = TableBlock()

    class Meta:
        template = "blocks/body_block.html"
