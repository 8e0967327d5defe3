"""What the apps add to a member of staff's *My work* page, below the meetings' own lists.

An app adds a section with a function registered for the
``register_portal_work_section`` hook in its ``wagtail_hooks.py``, returning a
``WorkSection`` whose ``context(user=, today=)`` gives what its template shows,
or ``None`` when there is nothing for that person (``portal.sections``): the
page that shows them knows no app's records.
"""

from .sections import FilledSection, Section, filled_sections

WORK_SECTION_HOOK = "register_portal_work_section"

WorkSection = Section


def work_sections(*, user, today) -> list[FilledSection]:
    """The sections of ``user``'s *My work* that are for them, in their order."""
    return filled_sections(WORK_SECTION_HOOK, user=user, today=today)
