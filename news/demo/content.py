"""The demo's news, written from the facts of the partnership's newsletter of May 2020.

No real person is named; institutions are, as they are partners of the project.
"""

from datetime import date, datetime
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

from portal.demo.base import Text
from portal.demo.pages import DemoPage, Paragraph

LJUBLJANA = ZoneInfo("Europe/Ljubljana")

NEWS_INDEX = DemoPage(
    model="news.NewsIndexPage",
    slug=Text("novice", "vijesti", "news"),
    title=Text("Novice", "Vijesti", "News"),
    introduction=Text(
        "Kaj se dogaja v partnerstvu za socialno aktivacijo na obeh straneh meje.",
        "Što se događa u partnerstvu za socijalnu aktivaciju s obje strane granice.",
        "What is happening in the partnership for social activation on both sides of the border.",
    ),
)

NEWS = (
    DemoPage(
        model="news.NewsPage",
        slug=Text(
            "socialna-aktivacija-v-sloveniji",
            "socijalna-aktivacija-u-sloveniji",
            "social-activation-in-slovenia",
        ),
        title=Text(
            "Socialna aktivacija v Sloveniji",
            "Socijalna aktivacija u Sloveniji",
            "Social activation in Slovenia",
        ),
        introduction=Text(
            "Slovenija od leta 2017 do konca leta 2022 s sredstvi Evropskega socialnega sklada "
            "pilotno razvija celovit sistem socialne aktivacije.",
            "Slovenija od 2017. do kraja 2022. sredstvima Europskog socijalnog fonda pilotno "
            "razvija cjelovit sustav socijalne aktivacije.",
            "From 2017 to the end of 2022, Slovenia is piloting a comprehensive system of "
            "social activation with funds of the European Social Fund.",
        ),
        body=(
            Paragraph(
                Text(
                    "Model povezuje vse pomembne institucije: koordinatorje socialne "
                    "aktivacije, centre za socialno delo, urade za delo in izvajalce "
                    "programov. Trenutno potekajo trije programi za različne ciljne skupine.",
                    "Model povezuje sve važne institucije: koordinatore socijalne aktivacije, "
                    "centre za socijalnu skrb, urede za zapošljavanje i provoditelje "
                    "programa. Trenutačno se provode tri programa za različite ciljne skupine.",
                    "The model brings together every institution that matters: social "
                    "activation coordinators, social work centres, employment offices and "
                    "programme providers. Three programmes for different target groups are "
                    "running now.",
                )
            ),
            Paragraph(
                Text(
                    "Program traja osem mesecev: mesec priprav, šest mesecev dela z "
                    "udeleženci in mesec individualnega dela po izhodu iz programa.",
                    "Program traje osam mjeseci: mjesec priprema, šest mjeseci rada sa "
                    "sudionicima i mjesec individualnog rada nakon izlaska iz programa.",
                    "A programme lasts eight months: a month of preparation, six months of "
                    "work with the participants and a month of individual work after they "
                    "leave it.",
                )
            ),
        ),
        fields=(("date", date(2020, 5, 4)),),
    ),
    DemoPage(
        model="news.NewsPage",
        slug=Text(
            "delegacija-osjesko-baranjske-zupanije-na-ptuju",
            "delegacija-osjecko-baranjske-zupanije-na-ptuju",
            "osijek-baranja-delegation-in-ptuj",
        ),
        title=Text(
            "Delegacija Osiješko-baranjske županije na Ptuju",
            "Delegacija Osječko-baranjske županije na Ptuju",
            "A delegation of Osijek-Baranja County in Ptuj",
        ),
        introduction=Text(
            "Urad za delo Ptuj je gostil delegacijo iz Osiješko-baranjske županije, v kateri so "
            "bili razvojna agencija, regionalni urad HZZ Osijek, šole, nevladne organizacije "
            "in mesta.",
            "Ured za rad Ptuj ugostio je delegaciju iz Osječko-baranjske županije u kojoj su "
            "bili razvojna agencija, Područni ured HZZ-a Osijek, škole, udruge i gradovi.",
            "The employment office in Ptuj hosted a delegation from Osijek-Baranja County: its "
            "development agency, the Osijek regional office of the Croatian Employment Service, "
            "schools, NGOs and towns.",
        ),
        body=(
            Paragraph(
                Text(
                    "Gostje so spoznali, kako urad za delo, center za socialno delo in izvajalci "
                    "programov skupaj vodijo udeležence skozi program socialne aktivacije.",
                    "Gosti su upoznali kako ured za rad, centar za socijalnu skrb i "
                    "provoditelji programa zajedno vode sudionike kroz program socijalne "
                    "aktivacije.",
                    "The guests saw how the employment office, the social work centre and the "
                    "programme providers guide participants through a social activation "
                    "programme together.",
                )
            ),
        ),
        fields=(("date", date(2019, 9, 11)),),
    ),
    DemoPage(
        model="news.NewsPage",
        slug=Text(
            "obisk-fakultete-za-socialno-delo",
            "posjet-fakulteta-za-socijalni-rad",
            "visit-of-the-faculty-of-social-work",
        ),
        title=Text(
            "Obisk Fakultete za socialno delo",
            "Posjet Fakulteta za socijalni rad",
            "A visit of the Faculty of Social Work",
        ),
        introduction=Text(
            "Predstavnici Fakultete za socialno delo Univerze v Ljubljani sta na Uradu za delo "
            "Ptuj in v CSD Sp. Podravje pripravljali priporočila za izobraževanje v socialnih "
            "in delovnih kompetencah.",
            "Predstavnice Fakulteta za socijalni rad Sveučilišta u Ljubljani na Uredu za rad "
            "Ptuj i u CSD-u Sp. Podravje pripremale su preporuke za obrazovanje u socijalnim i "
            "radnim kompetencijama.",
            "Two members of the Faculty of Social Work of the University of Ljubljana prepared "
            "recommendations for training in social and work skills at the Ptuj employment "
            "office and the Sp. Podravje social work centre.",
        ),
        body=(
            Paragraph(
                Text(
                    "Pogovor je potekal v »kamrici idej«, sobi, ki so jo opremili zaposleni v "
                    "CPU, prav tako partnerju projekta.",
                    "Razgovor se održao u »sobici ideja«, prostoriji koju su uredili zaposleni "
                    "u CPU-u, također partneru projekta.",
                    "They talked in the “little room of ideas”, furnished by the staff of CPU, "
                    "also a partner of the project.",
                )
            ),
        ),
        fields=(("date", date(2020, 1, 31)),),
    ),
    DemoPage(
        model="news.NewsPage",
        slug=Text(
            "urad-za-delo-v-socialni-aktivaciji",
            "ured-za-rad-u-socijalnoj-aktivaciji",
            "employment-office-in-social-activation",
        ),
        title=Text(
            "Vloga urada za delo v socialni aktivaciji",
            "Uloga ureda za rad u socijalnoj aktivaciji",
            "The employment office's part in social activation",
        ),
        introduction=Text(
            "Uradi za delo sodelujejo pri naboru kandidatov in na timskih sestankih ob začetku, "
            "med in ob koncu programa.",
            "Uredi za rad sudjeluju u odabiru kandidata i na timskim sastancima na početku, "
            "tijekom i na kraju programa.",
            "Employment offices take part in recruiting candidates and in the team meetings at "
            "the start, in the middle and at the end of a programme.",
        ),
        body=(
            Paragraph(
                Text(
                    "Na timskem sestanku se partnerji dogovorijo o motivacijskih razgovorih, "
                    "nalogah v času nabora in informativnem dnevu, ob zaključku pa skupaj "
                    "iščejo izhode za vsakega udeleženca.",
                    "Na timskom sastanku partneri se dogovaraju o motivacijskim razgovorima, "
                    "zadacima tijekom odabira i informativnom danu, a na kraju zajedno traže "
                    "izlaze za svakog sudionika.",
                    "At a team meeting the partners agree on motivational interviews, the "
                    "tasks of recruitment and the information day; at the end they look for "
                    "a way out for each participant together.",
                )
            ),
        ),
        fields=(("date", date(2020, 5, 6)),),
    ),
    DemoPage(
        model="news.NewsPage",
        slug=Text(
            "podpis-bilateralnega-sporazuma",
            "potpisivanje-bilateralnog-sporazuma",
            "signing-of-the-bilateral-agreement",
        ),
        title=Text(
            "Podpis bilateralnega sporazuma med javnimi organi",
            "Potpisivanje bilateralnog sporazuma između javnih tijela",
            "Signing of the bilateral agreement between public bodies",
        ),
        introduction=Text(
            "Javni organi iz Slovenije in Hrvaške bodo podpisali sporazum o skupnem modelu "
            "socialne aktivacije.",
            "Javna tijela iz Slovenije i Hrvatske potpisat će sporazum o zajedničkom modelu "
            "socijalne aktivacije.",
            "Public bodies of Slovenia and Croatia will sign an agreement on a joint model of "
            "social activation.",
        ),
        fields=(
            ("date", date(2020, 5, 8)),
            ("activity_starts_at", datetime(2027, 6, 15, 10, 0, tzinfo=LJUBLJANA)),
        ),
        texts=(
            (
                "activity_place",
                Text("Urad za delo Ptuj", "Ured za rad Ptuj", "Employment office, Ptuj"),
            ),
        ),
    ),
)


NEWSLETTER_ARCHIVE = DemoPage(
    model="news.NewsletterArchivePage",
    slug=Text("glasilo", "glasilo", "newsletter"),
    title=Text("Glasilo 2SoKroG NOVICE", "Glasilo 2SoKroG VIJESTI", "The 2SoKroG NEWS newsletter"),
    introduction=Text(
        "Vse številke glasila partnerstva, na spletu in v PDF.",
        "Svi brojevi glasila partnerstva, na webu i u PDF-u.",
        "Every issue of the partnership's newsletter, on the web and as a PDF.",
    ),
)

_ACTIVITIES = (
    Text(
        "Preizkušanje modela socialne aktivacije",
        "Ispitivanje modela socijalne aktivacije",
        "Testing the social activation model",
    ),
    Text(
        "Preizkušanje modela pri uporabnikih",
        "Ispitivanje modela s korisnicima",
        "Testing the model with its users",
    ),
    Text(
        "Podpis bilateralnega sporazuma med javnimi organi",
        "Potpisivanje bilateralnog sporazuma između javnih tijela",
        "Signing the bilateral agreement between public bodies",
    ),
)
_HEADINGS = {
    "news": Text("Novice", "Vijesti", "News"),
    "activities": Text("Prihajajoče aktivnosti", "Nadolazeće aktivnosti", "Upcoming activities"),
    "results": Text("Rezultati projekta", "Rezultati projekta", "Project results"),
    "contacts": Text("Kontakti", "Kontakti", "Contacts"),
}
_RESULTS = Text(
    "Partnerji so skupaj pripravili model socialne aktivacije in protokole skupnih timskih "
    "sestankov, ki jih bodo preizkusili na obeh straneh meje.",
    "Partneri su zajedno pripremili model socijalne aktivacije i protokole zajedničkih timskih "
    "sastanaka koje će ispitati s obje strane granice.",
    "Together the partners have drawn up a social activation model and the protocols of the "
    "joint team meetings, which they will test on both sides of the border.",
)
_CONTACTS = (
    (Text("Urad za delo Ptuj", "Ured za rad Ptuj", "Employment office Ptuj"), "Ptuj"),
    (
        Text("CSD Spodnje Podravje", "CSD Spodnje Podravje", "Social work centre Spodnje Podravje"),
        "Ptuj",
    ),
    (
        Text(
            "HZZ Područni ured Osijek",
            "HZZ Područni ured Osijek",
            "Croatian Employment Service, Osijek",
        ),
        "Osijek",
    ),
)


def _id(key: str) -> str:
    """A block's id that stays the same from one run of the demo to the next."""
    return str(uuid5(NAMESPACE_URL, f"2sokrog:newsletter:{key}"))


def _item(key: str, value: dict) -> dict:
    """A row of a list block as StreamField stores it."""
    return {"type": "item", "value": value, "id": _id(key)}


def newsletter_issue(news_page_ids: list[int]) -> DemoPage:
    """Issue No. 1 of May 2020, choosing the demo's news items (by their Slovenian ids)."""
    sections = (
        {
            "id": _id("section-news"),
            "type": "news",
            "value": {
                "heading": _HEADINGS["news"].sl,
                "items": [_item(f"news-{n}", pk) for n, pk in enumerate(news_page_ids)],
            },
        },
        {
            "id": _id("section-activities"),
            "type": "activities",
            "value": {
                "heading": _HEADINGS["activities"].sl,
                "activities": [
                    _item(f"activity-{n}", {"title": title.sl, "date": None, "place": ""})
                    for n, title in enumerate(_ACTIVITIES)
                ],
            },
        },
        {
            "id": _id("section-results"),
            "type": "results",
            "value": {"heading": _HEADINGS["results"].sl, "text": f"<p>{_RESULTS.sl}</p>"},
        },
        {
            "id": _id("section-contacts"),
            "type": "contacts",
            "value": {
                "heading": _HEADINGS["contacts"].sl,
                "contacts": [
                    _item(
                        f"contact-{n}",
                        {"institution": name.sl, "address": place, "website": "", "email": ""},
                    )
                    for n, (name, place) in enumerate(_CONTACTS)
                ],
            },
        },
    )
    return DemoPage(
        model="news.NewsletterIssuePage",
        slug=Text("stevilka-1", "broj-1", "issue-1"),
        title=Text(
            "Socialna aktivacija za zdravo, varno in dostopnejše čezmejno območje",
            "Socijalna aktivacija za zdravo, sigurno i dostupnije prekogranično područje",
            "Social activation for a healthy, safe and more accessible cross-border area",
        ),
        introduction=Text(
            "Prva številka glasila partnerstva: kako Slovenija razvija socialno aktivacijo, "
            "obiski partnerjev in kaj pripravljamo.",
            "Prvi broj glasila partnerstva: kako Slovenija razvija socijalnu aktivaciju, posjeti "
            "partnera i što pripremamo.",
            "The first issue of the partnership's newsletter: how Slovenia develops social "
            "activation, the partners' visits and what is coming.",
        ),
        fields=(("number", 1), ("date", date(2020, 5, 15))),
        streams=(("sections", sections),),
        stream_texts=(
            *_HEADINGS.values(),
            *_ACTIVITIES,
            _RESULTS,
            *(name for name, _place in _CONTACTS),
            Text("Ptuj", "Ptuj", "Ptuj"),
            Text("Osijek", "Osijek", "Osijek"),
        ),
    )
