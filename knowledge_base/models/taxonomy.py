"""The small vocabularies editors keep: topics, target groups, languages spoken.

Each term is named once per portal language, as institutions are, so that a
guide in Croatian and its Slovenian source share the same terms and a filter
by topic finds both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.languages import in_active_language


class Term(models.Model):
    name_sl = models.CharField(_("name in Slovenian"), max_length=120)
    name_hr = models.CharField(_("name in Croatian"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The term's name in addresses of filtered lists, e.g. “intake”."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_sl"), FieldPanel("name_hr"), FieldPanel("name_en")],
            heading=_("Name"),
        ),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_sl"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return in_active_language(self, "name", fallback="sl")


class Topic(Term):
    """What a guide is about: recruitment, intake, working with employers, …"""

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TargetGroup(Term):
    """Whom a guide or a service is for: the long-term unemployed, young people, …"""

    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class SpokenLanguage(Term):
    """A language a service can be used in, for participants who speak little of the local one."""

    class Meta(Term.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
