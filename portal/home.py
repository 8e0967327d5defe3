"""What the apps add to the home page, below its own content.

An app adds a section with a function registered for the
``register_portal_home_section`` hook in its ``wagtail_hooks.py``, returning
a ``HomeSection`` whose ``context(request=, page=)`` gives what its template
shows, or ``None`` to leave it out (``portal.sections``); the portal knows no
app's records, as with search (``portal.search``).
"""

from .sections import FilledSection, Section, filled_sections

HOME_SECTION_HOOK = "register_portal_home_section"

HomeSection = Section


def home_sections(*, request, page) -> list[FilledSection]:
    """The sections of the home ``page`` that have something to show, in their order."""
    return filled_sections(HOME_SECTION_HOOK, request=request, page=page)
