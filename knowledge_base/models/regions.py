"""Where a service is: the statistical regions of Slovenia and the counties of Croatia.

A closed list, so that the directory's region filter finds every service of a
region however it was typed, and an import refuses a region it does not know.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models import Country


class Region(models.TextChoices):
    # Slovenia: the twelve statistical regions.
    POMURSKA = "pomurska", _("Mura region")
    PODRAVSKA = "podravska", _("Drava region")
    KOROSKA = "koroska", _("Carinthia region")
    SAVINJSKA = "savinjska", _("Savinja region")
    ZASAVSKA = "zasavska", _("Central Sava region")
    POSAVSKA = "posavska", _("Lower Sava region")
    JUGOVZHODNA = "jugovzhodna-slovenija", _("Southeast Slovenia region")
    OSREDNJESLOVENSKA = "osrednjeslovenska", _("Central Slovenia region")
    GORENJSKA = "gorenjska", _("Upper Carniola region")
    PRIMORSKO_NOTRANJSKA = "primorsko-notranjska", _("Littoral–Inner Carniola region")
    GORISKA = "goriska", _("Gorizia region")
    OBALNO_KRASKA = "obalno-kraska", _("Coastal–Karst region")
    # Croatia: the twenty counties and the City of Zagreb.
    ZAGREBACKA = "zagrebacka", _("Zagreb County")
    KRAPINSKO_ZAGORSKA = "krapinsko-zagorska", _("Krapina-Zagorje County")
    SISACKO_MOSLAVACKA = "sisacko-moslavacka", _("Sisak-Moslavina County")
    KARLOVACKA = "karlovacka", _("Karlovac County")
    VARAZDINSKA = "varazdinska", _("Varaždin County")
    KOPRIVNICKO_KRIZEVACKA = "koprivnicko-krizevacka", _("Koprivnica-Križevci County")
    BJELOVARSKO_BILOGORSKA = "bjelovarsko-bilogorska", _("Bjelovar-Bilogora County")
    PRIMORSKO_GORANSKA = "primorsko-goranska", _("Primorje-Gorski Kotar County")
    LICKO_SENJSKA = "licko-senjska", _("Lika-Senj County")
    VIROVITICKO_PODRAVSKA = "viroviticko-podravska", _("Virovitica-Podravina County")
    POZESKO_SLAVONSKA = "pozesko-slavonska", _("Požega-Slavonia County")
    BRODSKO_POSAVSKA = "brodsko-posavska", _("Brod-Posavina County")
    ZADARSKA = "zadarska", _("Zadar County")
    OSJECKO_BARANJSKA = "osjecko-baranjska", _("Osijek-Baranja County")
    SIBENSKO_KNINSKA = "sibensko-kninska", _("Šibenik-Knin County")
    VUKOVARSKO_SRIJEMSKA = "vukovarsko-srijemska", _("Vukovar-Srijem County")
    SPLITSKO_DALMATINSKA = "splitsko-dalmatinska", _("Split-Dalmatia County")
    ISTARSKA = "istarska", _("Istria County")
    DUBROVACKO_NERETVANSKA = "dubrovacko-neretvanska", _("Dubrovnik-Neretva County")
    MEDIMURSKA = "medimurska", _("Međimurje County")
    GRAD_ZAGREB = "grad-zagreb", _("City of Zagreb")


SLOVENIAN_REGIONS = frozenset(list(Region)[:12])
REGION_COUNTRY = {
    region: Country.SLOVENIA if region in SLOVENIAN_REGIONS else Country.CROATIA
    for region in Region
}
