from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")
    demo_loader = "news.demo.loader"
    demo_after = ("portal",)

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
