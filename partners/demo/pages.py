"""The demo's public partnership page, in Slovenian with its Croatian and English translation."""

from portal.demo.base import Text
from portal.demo.pages import DemoPage

PARTNERSHIP = DemoPage(
    model="partners.PartnershipPage",
    slug=Text("partnerstvo", "partnerstvo", "partnership"),
    title=Text("Partnerstvo", "Partnerstvo", "Partnership"),
    introduction=Text(
        "Javne ustanove in organizacije iz Slovenije in Hrvaške, ki skupaj razvijajo in "
        "preizkušajo model socialne aktivacije.",
        "Javne ustanove i organizacije iz Slovenije i Hrvatske koje zajedno razvijaju i "
        "ispituju model socijalne aktivacije.",
        "Public institutions and organisations in Slovenia and Croatia that develop and "
        "test the social activation model together.",
    ),
)
