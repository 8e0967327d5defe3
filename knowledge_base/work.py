"""What the knowledge base adds to *My work*: guides to review, study-visit follow-ups."""

from partners.models import Membership
from portal.work import WorkSection

from . import selectors


def _reviews_due(*, user, today):
    institutions = Membership.objects.filter(user=user).values("institution_id")
    guides = list(
        selectors.guides_due_for_review(today=today, owners=institutions)[
            : selectors.WORK_LIST_LENGTH
        ]
    )
    return {"guides": guides, "today": today} if guides else None


def _follow_ups(*, user, today):
    follow_ups = list(selectors.follow_ups_open_for(user)[: selectors.WORK_LIST_LENGTH])
    return {"follow_ups": follow_ups, "today": today} if follow_ups else None


def reviews_due_section() -> WorkSection:
    return WorkSection(
        name="guide-reviews",
        template="knowledge_base/includes/work_reviews.html",
        context=_reviews_due,
        order=10,
    )


def follow_ups_section() -> WorkSection:
    return WorkSection(
        name="visit-follow-ups",
        template="knowledge_base/includes/work_follow_ups.html",
        context=_follow_ups,
        order=20,
    )
