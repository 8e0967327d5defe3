"""Sections the apps add to a page of the portal (the home page, *My work*), through a hook.

The page knows no app's records: each app registers a function returning a
``Section`` for the page's hook; ``filled_sections`` asks each section's
``context`` for what its template shows, and leaves out those that give ``None``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class Section:
    """A section of a page: ``context(**arguments)`` gives what ``template`` shows, or ``None``."""

    name: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class FilledSection:
    section: Section
    context: dict


def registered(hook: str) -> list:
    """What the apps registered for ``hook``, by order, then name."""
    return sorted(
        (register() for register in hooks.get_hooks(hook)),
        key=lambda item: (item.order, item.name),
    )


def filled_sections(hook: str, **arguments) -> list[FilledSection]:
    """The sections registered for ``hook`` that have something to show, in their order."""
    filled = []
    for section in registered(hook):
        context = section.context(**arguments)
        if context is not None:
            filled.append(FilledSection(section=section, context=context))
    return filled
