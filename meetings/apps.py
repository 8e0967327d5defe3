from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Joint team meetings")
    default_auto_field = "django.db.models.BigAutoField"
    demo_loader = "meetings.demo.loader"
    demo_after = ("partners", "accounts")
