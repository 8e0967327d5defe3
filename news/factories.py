import factory
import wagtail_factories

from django.utils import timezone

from .models import NewsIndexPage, NewsPage, Subscriber
from .rules import CONSENT_VERSION
from .services.subscriptions import email_key


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Novice"
    slug = "novice"


class NewsPageFactory(wagtail_factories.PageFactory):
    """A news item; its ``parent`` is the news index of its language."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Novica {n}")
    slug = factory.Sequence(lambda n: f"novica-{n}")
    introduction = "Partnerji so se srečali na Ptuju."


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber to the Slovenian newsletter (``confirmed_at=None``: waiting)."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"narocnik{n}@example.si")
    email_key = factory.LazyAttribute(lambda o: email_key(o.email))
    language = "sl"
    consent_version = CONSENT_VERSION
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
