"""The joint team meetings of programme cycles: who, what was agreed, who approved it."""

from .access_log import AccessChannel, ProtocolAccess, ProtocolAccessLogEntry
from .actions import (
    CLOSING_OUTCOMES,
    ActionItem,
    ActionItemReview,
    ActionItemStatus,
    ReviewOutcome,
)
from .cycles import CyclePhase, ExitOutcome, Participant, ProgrammeCycle, TargetGroup
from .documents import ApprovedProtocolDocument
from .protocols import (
    PARTICIPANT_ENTRY_LABELS,
    RECRUITMENT_POINTS,
    AgendaItem,
    MeetingKind,
    MeetingProtocol,
    ParticipantEntry,
    ProtocolApproval,
    ProtocolGuest,
    ProtocolStatus,
)

__all__ = [
    "CLOSING_OUTCOMES",
    "PARTICIPANT_ENTRY_LABELS",
    "RECRUITMENT_POINTS",
    "AccessChannel",
    "ActionItem",
    "ActionItemReview",
    "ActionItemStatus",
    "ApprovedProtocolDocument",
    "AgendaItem",
    "CyclePhase",
    "ExitOutcome",
    "MeetingKind",
    "MeetingProtocol",
    "Participant",
    "ParticipantEntry",
    "ProgrammeCycle",
    "ProtocolAccess",
    "ProtocolAccessLogEntry",
    "ProtocolApproval",
    "ProtocolGuest",
    "ProtocolStatus",
    "ReviewOutcome",
    "TargetGroup",
]
