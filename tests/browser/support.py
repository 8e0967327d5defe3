"""Helpers shared by the browser tests."""

import json
import re
import time
from urllib.request import Request, urlopen

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from django.utils import translation
from django.utils.text import capfirst

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# WCAG 2.1 levels A and AA, the level public bodies in the EU must meet (EN 301 549).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
# Time for a code to reach the server: allauth accepts only the current period's code.
TOTP_SUBMIT_SECONDS = 3


def totp_code(secret: str) -> str:
    """The code an authenticator app shows for ``secret`` (RFC 6238, as allauth checks it).

    In the last seconds of a period it waits for the next one, as a person
    would wait for a fresh code, so that the code is still valid on arrival.
    """
    period = mfa_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < TOTP_SUBMIT_SECONDS:
        time.sleep(remaining)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def translated(language: str, message: str) -> str:
    """``message`` as the portal shows it in ``language``, to find elements by their label.

    The catalogues are the portal's (and allauth's and Django's) own, so a
    locator follows a wording change instead of breaking on it.
    """
    with translation.override(language):
        return translation.gettext(message)


def label(language: str, message: str) -> re.Pattern:
    """The translated field label, with or without the colon Django's forms append.

    Anchored, so that "Password" does not also find "Password confirmation";
    allauth's own templates put white space around some labels.
    """
    return _anchored(translated(language, message))


def field_label(language: str, verbose_name: str) -> re.Pattern:
    """The label of a model field's form field: its verbose name, translated and capitalised.

    Model fields are named in lower case (``"date and time"``); Django's forms
    capitalise the first letter, as ``capfirst`` does.
    """
    return _anchored(capfirst(translated(language, verbose_name)))


def _anchored(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}:?\s*$")


def account_menu(page, language: str):
    """The header's links for the person signed in (or the link to log in)."""
    return page.get_by_role("navigation", name=translated(language, "Your account"))


def serious_accessibility_violations(page, axe_source: str) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page, one line each.

    The script is evaluated rather than added as a script tag, so that a
    Content-Security-Policy without 'unsafe-inline' does not block it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    # Only the violations are reported in full (axe's resultTypes), which saves time.
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {_selector(node['target'])}" for node in violation["nodes"])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def _selector(target) -> str:
    # A target is a list of selectors when the element is inside a frame or a shadow root.
    return " >>> ".join(part if isinstance(part, str) else " ".join(part) for part in target)


class HtmlChecker:
    """Sends a document to the Nu HTML Checker's web service and reads its errors."""

    def __init__(self, address: str):
        self.address = address

    def errors(self, html: str) -> list[str]:
        """Each error the checker finds in ``html``, with its line and the markup it quotes.

        Warnings and notes are left out: only errors make a document invalid.
        """
        request = Request(  # noqa: S310 - our own loopback service
            f"{self.address}?out=json",
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urlopen(request, timeout=30) as answer:  # noqa: S310
            messages = json.load(answer)["messages"]
        return [
            f"line {m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}"
            for m in messages
            if m["type"] in {"error", "non-document-error"}
        ]


def served_documents(page) -> list:
    """Collects the HTML documents the page's main frame is served, as they arrive.

    What the server sent, before any script changed the page: that is what
    a validator judges. Redirects carry no document and are left out.
    """
    documents = []

    def keep(response):
        request = response.request
        if (
            request.resource_type == "document"
            and request.frame == page.main_frame
            and not 300 <= response.status < 400
        ):
            documents.append(response)

    page.on("response", keep)
    return documents
