"""The approved protocol as filed: its PDF, made once, with the hash that identifies it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .protocols import MeetingProtocol


class ApprovedProtocolDocument(models.Model):
    """The PDF/A of one approved revision of a protocol, kept as it was when approved.

    Made by the approval that completed it (``services.protocol_approve``) and
    never again: every download of that version returns these bytes, and
    their SHA-256 lets anyone tell a true copy. An amended protocol approved
    again gets a new document; the earlier ones stay, readable from its history.
    """

    protocol = models.ForeignKey(
        MeetingProtocol,
        verbose_name=_("protocol"),
        on_delete=models.PROTECT,
        related_name="approved_documents",
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reference = models.CharField(_("reference"), max_length=32)
    language = models.CharField(_("language"), max_length=2)
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    approved_at = models.DateTimeField(_("approved at"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("approved protocol document")
        verbose_name_plural = _("approved protocol documents")
        ordering = ["-approved_at"]

    def __str__(self):
        return f"{self.reference} ({self.revision_id})"
