"""What the apps add to a member of staff's *My work* page, below the meetings' own lists.

An app adds a section with a function registered for the
``register_portal_work_section`` hook in its ``wagtail_hooks.py``, returning a
``WorkSection``, as it adds a home page section (``portal.home``): the page
that shows them knows no app's records.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

WORK_SECTION_HOOK = "register_portal_work_section"


@dataclass(frozen=True)
class WorkSection:
    """A section of *My work*: ``context(user=, today=)`` gives what ``template`` shows.

    A section whose context is ``None`` is not for this person and is left out.
    """

    name: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class FilledWorkSection:
    section: WorkSection
    context: dict


def work_sections(*, user, today) -> list[FilledWorkSection]:
    """The sections of ``user``'s *My work* that are for them, in their order."""
    sections = sorted(
        (register() for register in hooks.get_hooks(WORK_SECTION_HOOK)),
        key=lambda section: (section.order, section.name),
    )
    filled = []
    for section in sections:
        context = section.context(user=user, today=today)
        if context is not None:
            filled.append(FilledWorkSection(section=section, context=context))
    return filled
