from .directory import DirectoryImport, DirectoryPage, LocalService, ServiceKind
from .guides import GuideIndexPage, GuidePage, GuideRelatedGuide
from .regions import REGION_COUNTRY, Region
from .taxonomy import SpokenLanguage, TargetGroup, Topic
from .visits import (
    StudyVisitFollowUp,
    StudyVisitIndexPage,
    StudyVisitInternalPart,
    StudyVisitPage,
)

__all__ = [
    "REGION_COUNTRY",
    "DirectoryImport",
    "DirectoryPage",
    "GuideIndexPage",
    "GuidePage",
    "GuideRelatedGuide",
    "LocalService",
    "Region",
    "ServiceKind",
    "SpokenLanguage",
    "StudyVisitFollowUp",
    "StudyVisitIndexPage",
    "StudyVisitInternalPart",
    "StudyVisitPage",
    "TargetGroup",
    "Topic",
]
