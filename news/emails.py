"""The newsletter issue as an e-mail: HTML for common mail clients, and a plain-text part.

Mail clients ignore style sheets and much of CSS, so the HTML is laid out in
tables and its CSS is inlined by css-inline (never fetching a style sheet
from anywhere); every address in it is absolute.
"""

import css_inline

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from .selectors import CHOSEN_IMAGE, news_in_language

HTML_TEMPLATE = "news/newsletter_issue_email.html"
TEXT_TEMPLATE = "news/newsletter_issue_email.txt"

# The width of the message's column, inside its 600 pixels.
IMAGE_WIDTH = 560
# Where each recipient's own unsubscribe address goes: the issue is rendered once per
# batch, and this (plain letters, unchanged by escaping and inlining) replaced per message.
UNSUBSCRIBE_PLACEHOLDER = "NEWSLETTER-UNSUBSCRIBE-URL"

_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False)


def newsletter_email(issue, *, unsubscribe_url: str = "") -> dict:
    """The issue's e-mail in its own language: ``subject``, ``text`` and ``html``.

    Without ``unsubscribe_url`` (the admin's preview) the footer has no unsubscribe link.
    """
    language = issue.locale.language_code
    with translation.override(language):
        context = {
            "issue": issue,
            "issue_url": issue.get_full_url(),
            "sections": _sections(issue, issue.locale_id),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = gettext("2SoKroG news No. %(number)s") % {"number": issue.number}
        return {
            "subject": f"{subject}: {issue.title}",
            "text": render_to_string(TEXT_TEMPLATE, context),
            "html": _INLINER.inline(render_to_string(HTML_TEMPLATE, context)),
        }


def _sections(issue, locale_id) -> list[dict]:
    """Each section's type and value; the chosen news in the issue's language, with addresses."""
    sections = []
    for block in issue.sections:
        section = {"type": block.block_type, "value": block.value}
        if block.block_type == "news":
            section["items"] = [
                {"page": item, "url": item.get_full_url(), "image": _image(item)}
                for item in news_in_language(block.value["items"], locale_id)
            ]
        sections.append(section)
    return sections


def _image(item):
    if item.image is None:
        return None
    rendition = item.image.get_rendition(CHOSEN_IMAGE)
    # Shown no wider than the message's column, which Outlook does not shrink images to.
    width = min(rendition.width, IMAGE_WIDTH)
    height = round(rendition.height * width / rendition.width)
    return {"url": rendition.full_url, "width": width, "height": height}
