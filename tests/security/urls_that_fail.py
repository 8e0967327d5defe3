"""The project's URLs plus a view that fails, to see the 500 page a visitor would see."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

FAILURE_MESSAGE = "database password is hunter2 and the protocol of participant SA-0042"


def fail(request):
    """Raise as an unexpected bug would, with a message that must never reach the visitor."""
    raise RuntimeError(FAILURE_MESSAGE)


urlpatterns = [
    *i18n_patterns(path("failing-view/", fail)),
    *portal_urlpatterns,
]
