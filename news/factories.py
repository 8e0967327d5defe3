import factory
import wagtail_factories

from .models import NewsIndexPage, NewsPage


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
