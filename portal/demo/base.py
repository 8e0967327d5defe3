"""What every app's demo loader shares: texts in three languages, idempotent writes, the report."""

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Text:
    """A demo text in Slovenian, the site's source language, with its translations."""

    sl: str
    hr: str
    en: str


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class DemoDataError(Exception):
    """The demo data does not fit the database, e.g. a text lacks a translation."""


@dataclass
class DemoReport:
    """What one app's loader did: how each kind of record fared, and lines to show as they are."""

    counts: dict[str, list[Outcome]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return "; ".join(f"{kind}: {_counted(outcomes)}" for kind, outcomes in self.counts.items())


def _counted(outcomes) -> str:
    counts = Counter(outcomes)
    return ", ".join(f"{counts[outcome]} {outcome}" for outcome in Outcome)


def assign(instance, values) -> bool:
    """Set the fields whose value differs; whether there was any."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def sync(instance, values) -> Outcome:
    """Save ``instance`` with ``values`` if it is new or one of them differs.

    For records that have no service of their own to save them (institutions,
    users, e-mail addresses): what has one is written through it.
    """
    is_new = instance._state.adding
    if not assign(instance, values) and not is_new:
        return Outcome.UNCHANGED
    instance.full_clean()
    instance.save()
    return Outcome.CREATED if is_new else Outcome.UPDATED
