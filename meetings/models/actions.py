"""What a meeting agreed someone would do, and how later meetings followed it up.

An action item belongs to the protocol of the meeting that set it. Each later
meeting of the cycle reviews the items still open: it carries them forward
(perhaps with a new due date) or closes them as done or dropped. Those reviews
belong to the later protocol, so both records, with their revisions, say what
each meeting agreed. An item's status is read from its reviews, never stored
twice: it is open until a review closes it, and the protocol of that review is
where it was closed.
"""

from modelcluster.models import ParentalKey

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from partners.models import Institution
from portal.personal_data import ScreenedTextField

from .protocols import MeetingProtocol, ProtocolStatus


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ReviewOutcome(models.TextChoices):
    CARRIED_FORWARD = "carried_forward", _("Carried forward")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSING_OUTCOMES = (ReviewOutcome.DONE, ReviewOutcome.DROPPED)


def _in_effect(reviews):
    """Reviews made at meetings whose protocol has been submitted: a draft only proposes."""
    return reviews.exclude(protocol__status=ProtocolStatus.DRAFT)


class ActionItemQuerySet(models.QuerySet):
    def in_effect(self):
        """Items set at meetings whose protocol has been submitted; a draft's are proposals."""
        return self.exclude(protocol__status=ProtocolStatus.DRAFT)

    def with_state(self):
        """Annotate the item's state from the reviews in effect.

        ``status`` and ``closed_in_id``: whether and where a meeting closed it,
        ``closed_at``: when that meeting was; ``current_due_on``: the due date
        set by the latest meeting that carried it forward with a new one, else
        the original due date.
        """
        closing = _in_effect(
            ActionItemReview.objects.filter(
                action_item=OuterRef("pk"), outcome__in=CLOSING_OUTCOMES
            )
        )
        rescheduled = _in_effect(
            ActionItemReview.objects.filter(
                action_item=OuterRef("pk"),
                outcome=ReviewOutcome.CARRIED_FORWARD,
                due_on__isnull=False,
            )
        ).order_by("-protocol__starts_at")
        return self.annotate(
            status=Coalesce(
                Subquery(closing.values("outcome")[:1]),
                Value(ActionItemStatus.OPEN.value),
                output_field=models.CharField(),
            ),
            closed_in_id=Subquery(closing.values("protocol_id")[:1]),
            closed_at=Subquery(closing.values("protocol__starts_at")[:1]),
            current_due_on=Coalesce(
                Subquery(rescheduled.values("due_on")[:1]),
                F("due_on"),
                output_field=models.DateField(),
            ),
        )

    def open(self):
        """Items that no meeting in effect has closed yet."""
        return self.exclude(
            Exists(
                _in_effect(
                    ActionItemReview.objects.filter(
                        action_item=OuterRef("pk"), outcome__in=CLOSING_OUTCOMES
                    )
                )
            )
        )


class ActionItem(Orderable):
    """Who agreed to do what by when, as set at one meeting."""

    protocol = ParentalKey(
        MeetingProtocol,
        verbose_name=_("set at"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    description = ScreenedTextField(_("what"), max_length=1000, refuse_phone_numbers=True)
    responsible_institution = models.ForeignKey(
        Institution,
        verbose_name=_("responsible institution"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    # What to read, and where to refer someone, for whoever does the item: a pointer into the
    # knowledge base, not part of what the meeting agreed. When a guide or a service is deleted
    # the item stays, without its link (SET_NULL), rather than the deletion being refused: who
    # deletes it need not see the protocols that link it (they stay out of Wagtail's usage
    # listings), so a refusal could neither tell them why nor let them do anything about it.
    # An approved protocol's filed PDF keeps naming what was linked when it was approved.
    guide = models.ForeignKey(
        "knowledge_base.GuidePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("guide"),
    )
    service = models.ForeignKey(
        "knowledge_base.LocalService",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("service to refer to"),
    )

    objects = ActionItemQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.description[:80]

    @property
    def status_label(self):
        """The status in words; needs the annotations of ``with_state()``."""
        return ActionItemStatus(self.status).label

    @property
    def later_events(self) -> str:
        """What later meetings decided on the item, in words; needs ``with_state()``.

        For the record of the meeting that set it, which shows the item as set
        then and what happened since apart from it.
        """
        if self.status != ActionItemStatus.OPEN:
            return gettext("%(status)s at the meeting of %(date)s") % {
                "status": self.status_label,
                "date": formats.date_format(
                    timezone.localtime(self.closed_at), "SHORT_DATE_FORMAT"
                ),
            }
        if self.current_due_on != self.due_on:
            return gettext("Carried forward, due %(date)s") % {
                "date": formats.date_format(self.current_due_on, "SHORT_DATE_FORMAT")
            }
        return ""


class ActionItemReview(models.Model):
    """A later meeting's decision on an open action item: carried forward, done or dropped."""

    protocol = ParentalKey(
        MeetingProtocol,
        verbose_name=_("reviewed at"),
        on_delete=models.CASCADE,
        related_name="action_item_reviews",
    )
    action_item = models.ForeignKey(
        ActionItem,
        verbose_name=_("action item"),
        # A meeting's decision on an item must not vanish with the item: an
        # item that a later meeting reviewed cannot be deleted.
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=ReviewOutcome.choices,
        default=ReviewOutcome.CARRIED_FORWARD,
    )
    due_on = models.DateField(
        _("new due date"),
        null=True,
        blank=True,
        help_text=_("Only if the item is carried forward with a new deadline."),
    )
    note = ScreenedTextField(_("note"), blank=True, refuse_phone_numbers=True)

    class Meta:
        verbose_name = _("review of an action item")
        verbose_name_plural = _("reviews of action items")
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "action_item"], name="one_review_per_meeting"
            ),
            models.UniqueConstraint(
                fields=["action_item"],
                condition=models.Q(outcome__in=["done", "dropped"]),
                name="closed_only_once",
            ),
        ]

    def __str__(self):
        return f"{self.action_item} – {self.get_outcome_display()}"
