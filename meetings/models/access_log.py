"""Who looked at or exported which protocol, and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cycles import ProgrammeCycle
from .protocols import MeetingProtocol


class ProtocolAccess(models.TextChoices):
    VIEW = "view", _("Viewed")
    EXPORT_PDF = "export_pdf", _("Exported as PDF")


class AccessChannel(models.TextChoices):
    PORTAL = "portal", _("Portal")
    ADMIN = "admin", _("Administration")


class ProtocolAccessLogEntry(models.Model):
    """One view or export of a protocol, for the administrators to audit.

    The protocol's and the person's names are copied at the time, so that the
    entry still says what it was about after either is deleted.
    """

    protocol = models.ForeignKey(
        MeetingProtocol,
        verbose_name=_("protocol"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="access_log",
    )
    protocol_title = models.CharField(_("protocol"), max_length=255)
    cycle = models.ForeignKey(
        ProgrammeCycle,
        verbose_name=_("programme cycle"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="protocol_access_log",
    )
    user_email = models.EmailField(_("e-mail address"))
    action = models.CharField(_("action"), max_length=16, choices=ProtocolAccess.choices)
    channel = models.CharField(_("where"), max_length=16, choices=AccessChannel.choices)
    accessed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("protocol access")
        verbose_name_plural = _("protocol access log")
        ordering = ["-accessed_at"]

    def __str__(self):
        return f"{self.user_email} – {self.get_action_display()} – {self.protocol_title}"
