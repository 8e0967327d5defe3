"""What the apps add to the home page, below its own content.

An app adds a section with a function registered for the
``register_portal_home_section`` hook in its ``wagtail_hooks.py``, returning
a ``HomeSection``; the portal knows no app's records, as with search
(``portal.search``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOME_SECTION_HOOK = "register_portal_home_section"


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page: ``context(request=, page=)`` gives what ``template`` shows.

    A section whose context is ``None`` has nothing to show and is left out.
    """

    name: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class FilledSection:
    section: HomeSection
    context: dict


def home_sections(*, request, page) -> list[FilledSection]:
    """The sections of the home ``page`` that have something to show, in their order."""
    sections = sorted(
        (register() for register in hooks.get_hooks(HOME_SECTION_HOOK)),
        key=lambda section: (section.order, section.name),
    )
    filled = []
    for section in sections:
        context = section.context(request=request, page=page)
        if context is not None:
            filled.append(FilledSection(section=section, context=context))
    return filled
