"""The protocol of a joint team meeting and what it records."""

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel, ParentalKey

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from partners.models import Institution
from portal.personal_data import ScreenedCharField, ScreenedTextField

from .cycles import ExitOutcome, Participant, ProgrammeCycle


class MeetingKind(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment meeting")
    INTAKE = "intake", _("Intake meeting")
    MID_TERM = "mid_term", _("Mid-term meeting")
    CLOSING = "closing", _("Closing meeting")


class ProtocolStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")


# What the entry about each participant records at each kind of meeting.
PARTICIPANT_ENTRY_LABELS = {
    MeetingKind.INTAKE: _("Goals"),
    MeetingKind.MID_TERM: _("Progress"),
    MeetingKind.CLOSING: _("Exit plan"),
}

# The five points a recruitment meeting agrees on (DOMAIN.md), as (field, label).
RECRUITMENT_POINTS = (
    ("motivational_interviews", _("Motivational interviews with candidates")),
    ("stakeholder_tasks", _("Tasks of each stakeholder during recruitment")),
    ("information_day", _("Information day")),
    ("referral_to_coordinators", _("Referral of interested candidates to the coordinators")),
    ("candidate_list", _("Alignment of the candidate list")),
)


class MeetingProtocol(index.Indexed, LockableMixin, RevisionMixin, ClusterableModel):
    """The record of one joint team meeting of a cycle, approved by every institution present.

    Every save is a revision (who changed what, when); approvals are kept in
    ``ProtocolApproval`` per institution and revision. The workflow, draft →
    submitted → approved, lives in ``meetings.services``; the kind-specific
    requirements for submitting in ``meetings.completeness``.
    """

    cycle = models.ForeignKey(
        ProgrammeCycle,
        verbose_name=_("programme cycle"),
        on_delete=models.PROTECT,
        related_name="protocols",
    )
    number = models.PositiveSmallIntegerField(
        _("number"),
        editable=False,
        help_text=_("The protocol's number in its cycle, given when it is first saved."),
    )
    kind = models.CharField(_("kind of meeting"), max_length=16, choices=MeetingKind.choices)
    starts_at = models.DateTimeField(_("date and time"))
    place = ScreenedCharField(_("place"), max_length=255, blank=True)
    is_online = models.BooleanField(_("held online"), default=False)
    language = models.CharField(
        _("language of the text"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the protocol is written in."),
    )
    institutions_present = ParentalManyToManyField(
        Institution,
        verbose_name=_("institutions present"),
        related_name="protocols_attended",
        blank=True,
        help_text=_("Each of them approves the protocol through one of its coordinators."),
    )
    staff_present = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff present"),
        related_name="protocols_attended",
        blank=True,
    )
    apologies = ScreenedTextField(
        _("apologies"), blank=True, help_text=_("Who could not come and sent apologies.")
    )

    motivational_interviews = ScreenedTextField(RECRUITMENT_POINTS[0][1], blank=True)
    stakeholder_tasks = ScreenedTextField(RECRUITMENT_POINTS[1][1], blank=True)
    information_day = ScreenedTextField(RECRUITMENT_POINTS[2][1], blank=True)
    referral_to_coordinators = ScreenedTextField(RECRUITMENT_POINTS[3][1], blank=True)
    candidate_list = ScreenedTextField(RECRUITMENT_POINTS[4][1], blank=True)

    decisions = ScreenedTextField(_("decisions"), blank=True)
    next_meeting_on = models.DateField(_("next meeting"), null=True, blank=True)

    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProtocolStatus.choices,
        default=ProtocolStatus.DRAFT,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    search_fields = [
        index.SearchField("place"),
        index.SearchField("apologies"),
        index.SearchField("decisions"),
        index.SearchField("motivational_interviews"),
        index.SearchField("stakeholder_tasks"),
        index.SearchField("information_day"),
        index.SearchField("referral_to_coordinators"),
        index.SearchField("candidate_list"),
        index.RelatedFields("cycle", [index.SearchField("code")]),
        index.RelatedFields(
            "agenda_items", [index.SearchField("title"), index.SearchField("discussion")]
        ),
        index.RelatedFields("action_items", [index.SearchField("description")]),
        index.FilterField("cycle"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = _("meeting protocol")
        verbose_name_plural = _("meeting protocols")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["cycle", "starts_at"], name="protocol_cycle_date")]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="unique_protocol_number"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.cycle.code}, {self.date_display}"

    @property
    def date_display(self):
        return formats.date_format(timezone.localtime(self.starts_at), "SHORT_DATE_FORMAT")

    @property
    def venue(self):
        """Where the meeting took place, in words: the place, online, or both."""
        parts = [self.place] if self.place else []
        if self.is_online:
            parts.append(gettext("online"))
        return ", ".join(parts)

    @property
    def meeting_day(self):
        """The local date of the meeting: whom it concerns is decided by the day, not the hour."""
        return timezone.localdate(self.starts_at)

    @property
    def participant_entry_label(self):
        """What this kind of meeting records about each participant, if anything."""
        return PARTICIPANT_ENTRY_LABELS.get(self.kind)

    @property
    def is_recruitment(self):
        """Whether the meeting agrees on the five recruitment points."""
        return self.kind == MeetingKind.RECRUITMENT

    @property
    def recruitment_points(self):
        """The five recruitment agreement points as (label, text)."""
        return [(label, getattr(self, field)) for field, label in RECRUITMENT_POINTS]

    @property
    def is_draft(self):
        return self.status == ProtocolStatus.DRAFT

    @property
    def is_approved(self):
        return self.status == ProtocolStatus.APPROVED


class ProtocolGuest(Orderable):
    """Someone present who has no account: a guest from another service or association."""

    protocol = ParentalKey(MeetingProtocol, on_delete=models.CASCADE, related_name="guests")
    name = ScreenedCharField(_("name"), max_length=255)
    institution = ScreenedCharField(_("institution"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self):
        return f"{self.name} ({self.institution})" if self.institution else self.name


class AgendaItem(Orderable):
    """An item of the meeting's agenda and what was said about it."""

    protocol = ParentalKey(MeetingProtocol, on_delete=models.CASCADE, related_name="agenda_items")
    title = ScreenedCharField(_("agenda item"), max_length=255)
    discussion = ScreenedTextField(_("discussion"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class ParticipantEntry(models.Model):
    """What the meeting recorded about one participant: goals, progress or the exit plan."""

    protocol = ParentalKey(
        MeetingProtocol, on_delete=models.CASCADE, related_name="participant_entries"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    text = ScreenedTextField(
        _("goals, progress or exit plan"), blank=True, refuse_phone_numbers=True
    )
    agreed_steps = ScreenedTextField(_("agreed steps"), blank=True, refuse_phone_numbers=True)
    planned_exit = models.CharField(
        _("planned exit"), max_length=32, choices=ExitOutcome.choices, blank=True
    )

    class Meta:
        verbose_name = _("participant entry")
        verbose_name_plural = _("participant entries")
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "participant"], name="one_entry_per_participant"
            ),
        ]

    def __str__(self):
        return str(self.participant)


class ProtocolApproval(models.Model):
    """An institution present approved a revision of the protocol, through one of its coordinators.

    A change to the protocol supersedes the approvals given so far; they stay
    here, with the revision they approved, as part of the protocol's history.
    """

    protocol = models.ForeignKey(
        MeetingProtocol,
        verbose_name=_("protocol"),
        on_delete=models.CASCADE,
        related_name="approvals",
    )
    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="protocol_approvals",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "institution"],
                condition=models.Q(superseded_at__isnull=True),
                name="one_current_approval_per_institution",
            ),
        ]

    def __str__(self):
        return f"{self.protocol} – {self.institution}"
