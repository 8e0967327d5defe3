"""The demo's knowledge base: guides drawn from the partnership's own practice, local
services in the two regions of the demo cycles, and the two study visits of the seeds.

No real person is named; institutions are, as they are partners of the project. The
services' addresses and phone numbers are invented.
"""

from datetime import date
from uuid import NAMESPACE_URL, uuid5

from portal.demo.base import Text
from portal.demo.pages import DemoPage


def _id(key: str) -> str:
    """A block's id that stays the same from one run of the demo to the next."""
    return str(uuid5(NAMESPACE_URL, f"2sokrog:knowledge-base:{key}"))


def _item(key: str, value) -> dict:
    return {"type": "item", "value": value, "id": _id(key)}


GUIDE_INDEX = DemoPage(
    model="knowledge_base.GuideIndexPage",
    slug=Text("vodniki", "vodici", "guides"),
    title=Text("Vodniki za prakso", "Vodiči za praksu", "Practice guides"),
    introduction=Text(
        "Kar so partnerji spoznali pri izvajanju socialne aktivacije: postopki, kontrolni "
        "seznami in nasveti.",
        "Ono što su partneri naučili provodeći socijalnu aktivaciju: postupci, kontrolni "
        "popisi i savjeti.",
        "What the partners learned running social activation: procedures, checklists and tips.",
    ),
)

DIRECTORY = DemoPage(
    model="knowledge_base.DirectoryPage",
    slug=Text("imenik-storitev", "imenik-usluga", "local-services"),
    title=Text("Imenik lokalnih storitev", "Imenik lokalnih usluga", "Directory of local services"),
    introduction=Text(
        "Kam lahko napotimo udeležence: društva, zdravstvo, knjižnice, izobraževanje in "
        "delodajalci v obeh državah.",
        "Kamo možemo uputiti sudionike: udruge, zdravstvo, knjižnice, obrazovanje i "
        "poslodavci u obje države.",
        "Where participants can be referred: associations, health care, libraries, education "
        "and employers in both countries.",
    ),
)

STUDY_VISIT_INDEX = DemoPage(
    model="knowledge_base.StudyVisitIndexPage",
    slug=Text("studijski-obiski", "studijski-posjeti", "study-visits"),
    title=Text("Študijski obiski", "Studijski posjeti", "Study visits"),
    introduction=Text(
        "Kdo je koga obiskal, kaj so videli in kaj so se partnerji dogovorili.",
        "Tko je koga posjetio, što su vidjeli i što su se partneri dogovorili.",
        "Who visited whom, what they saw and what the partners agreed.",
    ),
)

# --- Guides -------------------------------------------------------------------

_INFO_DAY_CHECKLIST = (
    Text(
        "Prostor brez ovir in dovolj stolov",
        "Prostor bez prepreka i dovoljno stolica",
        "A barrier-free room with enough chairs",
    ),
    Text(
        "Vabila, poslana vsaj deset dni prej",
        "Pozivi poslani barem deset dana ranije",
        "Invitations sent at least ten days before",
    ),
    Text(
        "Predstavitev programa v preprostem jeziku",
        "Predstavljanje programa jednostavnim jezikom",
        "A presentation of the programme in plain language",
    ),
    Text(
        "Prijavnice in seznam za izražen interes",
        "Prijavnice i popis za iskazan interes",
        "Application forms and a list to express interest",
    ),
)
_INFO_DAY_STEPS = (
    (
        Text(
            "Skupaj izberite kandidate",
            "Zajedno odaberite kandidate",
            "Choose the candidates together",
        ),
        Text(
            "Center za socialno delo in urad za delo uskladita seznam kandidatov na skupnem "
            "sestanku.",
            "Centar za socijalnu skrb i ured za zapošljavanje usklađuju popis kandidata na "
            "zajedničkom sastanku.",
            "The social work centre and the employment office align the list of candidates at a "
            "joint meeting.",
        ),
    ),
    (
        Text("Povabite jih osebno", "Pozovite ih osobno", "Invite them in person"),
        Text(
            "Vabilo izroči strokovni delavec, ki kandidata pozna, in pojasni, da je udeležba "
            "prostovoljna.",
            "Poziv uručuje stručni radnik koji kandidata poznaje i objašnjava da je sudjelovanje "
            "dobrovoljno.",
            "A worker who knows the candidate hands over the invitation and explains that taking "
            "part is voluntary.",
        ),
    ),
    (
        Text("Predstavite program", "Predstavite program", "Present the programme"),
        Text(
            "Izvajalec predstavi vsebine, urnik in nadomestila; udeleženke in udeleženci "
            "preteklih skupin povedo, kaj jim je program dal.",
            "Provoditelj predstavlja sadržaje, raspored i naknade; sudionice i sudionici "
            "prethodnih skupina govore što im je program dao.",
            "The provider presents the content, timetable and allowances; participants of earlier "
            "groups tell what the programme gave them.",
        ),
    ),
    (
        Text("Zberite prijave", "Prikupite prijave", "Collect the applications"),
        Text(
            "Zainteresirane napotite h koordinatorju socialne aktivacije še isti teden.",
            "Zainteresirane uputite koordinatoru socijalne aktivacije još isti tjedan.",
            "Refer those interested to the social activation coordinator within the same week.",
        ),
    ),
)
_INFO_DAY_INTRO = Text(
    "Informativni dan je prvo srečanje kandidatov s programom socialne aktivacije. Dober "
    "informativni dan zmanjša strah pred novim in poveča število prijav.",
    "Informativni dan prvi je susret kandidata s programom socijalne aktivacije. Dobar "
    "informativni dan smanjuje strah od novoga i povećava broj prijava.",
    "The information day is the candidates' first meeting with the social activation "
    "programme. A good information day lessens the fear of the new and brings more applications.",
)
_INFO_DAY_TIP = Text(
    "Povabite tudi nekdanjo udeleženko, ki je program zaključila: njene izkušnje prepričajo "
    "bolj kot katera koli predstavitev.",
    "Pozovite i bivšu sudionicu koja je završila program: njezino iskustvo uvjerava više od "
    "bilo koje prezentacije.",
    "Invite a former participant who completed the programme too: her experience convinces "
    "more than any presentation.",
)
_HEADINGS = {
    "checklist": Text(
        "Pred informativnim dnem", "Prije informativnog dana", "Before the information day"
    ),
    "steps": Text("Potek", "Tijek", "How it goes"),
}


def _info_day_body() -> tuple[dict, ...]:
    return (
        {"type": "paragraph", "value": f"<p>{_INFO_DAY_INTRO.sl}</p>", "id": _id("info-intro")},
        {
            "type": "checklist",
            "value": {
                "heading": _HEADINGS["checklist"].sl,
                "items": [
                    _item(f"info-check-{n}", text.sl) for n, text in enumerate(_INFO_DAY_CHECKLIST)
                ],
            },
            "id": _id("info-checklist"),
        },
        {
            "type": "steps",
            "value": {
                "heading": _HEADINGS["steps"].sl,
                "steps": [
                    _item(f"info-step-{n}", {"title": title.sl, "text": f"<p>{text.sl}</p>"})
                    for n, (title, text) in enumerate(_INFO_DAY_STEPS)
                ],
            },
            "id": _id("info-steps"),
        },
        {
            "type": "callout",
            "value": {"kind": "tip", "text": f"<p>{_INFO_DAY_TIP.sl}</p>"},
            "id": _id("info-tip"),
        },
    )


_MEDIATOR_TEXTS = (
    Text(
        "Medkulturni mediator pomaga, kadar se strokovni delavec in udeleženec ne razumeta "
        "zaradi jezika ali različnih navad. Ni prevajalec, temveč most med dvema svetovoma.",
        "Međukulturni posrednik pomaže kada se stručni radnik i sudionik ne razumiju zbog "
        "jezika ili različitih običaja. Nije prevoditelj, nego most između dvaju svjetova.",
        "An intercultural mediator helps when a worker and a participant do not understand each "
        "other because of language or different customs. Not an interpreter, but a bridge "
        "between two worlds.",
    ),
    Text(
        "Mediatorja povabite že na prvi pogovor in mu vnaprej povejte, kaj želite doseči. "
        "Po pogovoru si vzemite nekaj minut za skupni pregled.",
        "Posrednika pozovite već na prvi razgovor i unaprijed mu recite što želite postići. "
        "Nakon razgovora odvojite nekoliko minuta za zajednički pregled.",
        "Invite the mediator to the very first conversation and tell them beforehand what you "
        "want to achieve. After the conversation take a few minutes to review it together.",
    ),
)
_MEDIATOR_IMPORTANT = Text(
    "Mediator je zavezan molčečnosti enako kot strokovni delavci; to udeležencu povejte na "
    "začetku.",
    "Posrednik je obvezan na povjerljivost jednako kao stručni radnici; to recite sudioniku "
    "na početku.",
    "The mediator is bound to confidentiality just as the workers are; tell the participant so "
    "at the start.",
)


def _mediator_body() -> tuple[dict, ...]:
    return (
        *(
            {"type": "paragraph", "value": f"<p>{text.sl}</p>", "id": _id(f"mediator-{n}")}
            for n, text in enumerate(_MEDIATOR_TEXTS)
        ),
        {
            "type": "callout",
            "value": {"kind": "important", "text": f"<p>{_MEDIATOR_IMPORTANT.sl}</p>"},
            "id": _id("mediator-important"),
        },
    )


_COMPETENCES_TEXTS = (
    Text(
        "Priporočila so nastala na podlagi pogovorov z javnimi uslužbenci na Ptuju in v Ormožu "
        "ter z udeleženkami, ki so program zaključile ali ga še obiskujejo.",
        "Preporuke su nastale na temelju razgovora s javnim službenicima u Ptuju i Ormožu te sa "
        "sudionicama koje su završile program ili ga još pohađaju.",
        "The recommendations grew out of conversations with civil servants in Ptuj and Ormož and "
        "with participants who completed the programme or still attend it.",
    ),
    Text(
        "Usposabljanje naj poteka v majhnih skupinah, v sproščenem okolju in z veliko "
        "praktičnega dela; vsaka udeleženka naj ob koncu ve, kateri naslednji korak jo čaka.",
        "Osposobljavanje neka se provodi u malim skupinama, u opuštenom okruženju i s puno "
        "praktičnog rada; svaka sudionica neka na kraju zna koji je sljedeći korak čeka.",
        "Training should take place in small groups, in a relaxed setting and with much "
        "practical work; at the end each participant should know her next step.",
    ),
)


def _competences_body() -> tuple[dict, ...]:
    return tuple(
        {"type": "paragraph", "value": f"<p>{text.sl}</p>", "id": _id(f"competences-{n}")}
        for n, text in enumerate(_COMPETENCES_TEXTS)
    )


def _guide(key, *, slug, title, introduction, body, texts, owner, reviewed, terms, related):
    """A guide's page data; ``terms`` are (topic slugs, target group slugs), ``related`` the
    names of services and the Slovenian slugs of earlier guides it links."""
    return (
        DemoPage(
            model="knowledge_base.GuidePage",
            slug=slug,
            title=title,
            introduction=introduction,
            fields=(("last_reviewed_on", reviewed), ("review_interval_months", 12)),
            streams=(("body", body),),
            stream_texts=texts,
        ),
        {"owner": owner, "topics": terms[0], "target_groups": terms[1], **related, "key": key},
    )


GUIDES = (
    _guide(
        "information-day",
        slug=Text("informativni-dan", "informativni-dan", "information-day"),
        title=Text(
            "Kako izvesti informativni dan",
            "Kako provesti informativni dan",
            "How to run an information day",
        ),
        introduction=Text(
            "Od izbire kandidatov do prijav: kako centri za socialno delo, uradi za delo in "
            "izvajalci skupaj pripravijo informativni dan.",
            "Od odabira kandidata do prijava: kako centri za socijalnu skrb, uredi za "
            "zapošljavanje i provoditelji zajedno pripremaju informativni dan.",
            "From choosing candidates to applications: how social work centres, employment "
            "offices and providers prepare an information day together.",
        ),
        body=_info_day_body(),
        texts=(
            _INFO_DAY_INTRO,
            *_HEADINGS.values(),
            *_INFO_DAY_CHECKLIST,
            *(text for pair in _INFO_DAY_STEPS for text in pair),
            _INFO_DAY_TIP,
        ),
        owner="Urad za delo Ptuj",
        # Reviewed more than a year ago: its review is due on the owner's *My work*.
        reviewed=date(2025, 10, 1),
        terms=(("information-day", "recruitment"), ("long-term-unemployed", "social-assistance")),
        related={"services": ("Knjižnica Ivana Potrča Ptuj",), "guides": ()},
    ),
    _guide(
        "mediator",
        slug=Text("medkulturni-mediator", "medukulturni-posrednik", "intercultural-mediator"),
        title=Text(
            "Delo z medkulturnim mediatorjem",
            "Rad s međukulturnim posrednikom",
            "Working with an intercultural mediator",
        ),
        introduction=Text(
            "Kdaj povabiti medkulturnega mediatorja, kako se pripraviti na pogovor in kaj "
            "mediator ni.",
            "Kada pozvati međukulturnog posrednika, kako se pripremiti za razgovor i što "
            "posrednik nije.",
            "When to invite an intercultural mediator, how to prepare the conversation and what a "
            "mediator is not.",
        ),
        body=_mediator_body(),
        texts=(*_MEDIATOR_TEXTS, _MEDIATOR_IMPORTANT),
        owner="CZSS Osijek",
        reviewed=date(2026, 6, 15),
        terms=(("intercultural-mediation", "intake"), ("roma", "migrants")),
        related={"services": ("Udruga Slap",), "guides": ("informativni-dan",)},
    ),
    _guide(
        "competences",
        slug=Text(
            "usposabljanje-kompetence", "osposobljavanje-kompetencije", "competences-training"
        ),
        title=Text(
            "Priporočila za usposabljanje v socialnih in delovnih kompetencah",
            "Preporuke za osposobljavanje u socijalnim i radnim kompetencijama",
            "Recommendations for training in social and work competences",
        ),
        introduction=Text(
            "Kako usmerjati udeležence v izobraževanje za pridobitev socialnih in delovnih "
            "kompetenc.",
            "Kako usmjeravati sudionike u obrazovanje za stjecanje socijalnih i radnih "
            "kompetencija.",
            "How to guide participants into training for social and work competences.",
        ),
        body=_competences_body(),
        texts=_COMPETENCES_TEXTS,
        owner="UL FSD",
        reviewed=date(2026, 3, 1),
        terms=(("competences", "employers"), ("women", "long-term-unemployed")),
        related={
            "services": ("Ljudska univerza Ptuj", "Pučko otvoreno učilište Obris"),
            "guides": ("informativni-dan",),
        },
    ),
)

# --- Services -----------------------------------------------------------------


def _service(
    name,
    kind,
    municipality,
    region,
    address,
    hours,
    phone,
    website,
    groups,
    langs,
    description: Text,
):
    return {
        "name": name,
        "kind": kind,
        "municipality": municipality,
        "region": region,
        "address": address,
        "opening_hours": hours,
        "phone": phone,
        "email": f"info@{website.split('//')[-1].split('/')[0]}" if website else "",
        "website": website,
        "description_sl": description.sl,
        "description_hr": description.hr,
        "description_en": description.en,
        "target_groups": groups,
        "languages": langs,
    }


SERVICES = (
    _service(
        "Knjižnica Ivana Potrča Ptuj",
        "library",
        "Ptuj",
        "podravska",
        "Prešernova ulica 33, 2250 Ptuj",
        "pon.–pet. 8.00–19.00, sob. 8.00–13.00",
        "02 000 10 10",
        "https://knjiznica-ptuj.example",
        ("long-term-unemployed",),
        ("sl",),
        Text(
            "Brezplačni računalniški tečaji, pomoč pri iskanju zaposlitve na spletu in bralni "
            "krožki.",
            "Besplatni tečajevi rada na računalu, pomoć pri traženju posla na internetu i "
            "čitateljski klubovi.",
            "Free computer courses, help with looking for work online and reading circles.",
        ),
    ),
    _service(
        "Center za krepitev zdravja Ptuj",
        "health_promotion_centre",
        "Ptuj",
        "podravska",
        "Potrčeva cesta 19a, 2250 Ptuj",
        "pon.–pet. 7.00–15.00",
        "02 000 20 20",
        "https://zd-ptuj.example",
        ("long-term-unemployed", "over-50"),
        ("sl", "hr"),
        Text(
            "Delavnice zdravega življenjskega sloga, podpora pri opuščanju kajenja in skupinska "
            "vadba.",
            "Radionice zdravog načina života, podrška pri prestanku pušenja i grupno vježbanje.",
            "Workshops on a healthy way of life, support in giving up smoking and group exercise.",
        ),
    ),
    _service(
        "Zdravstveni dom Ormož",
        "health_centre",
        "Ormož",
        "podravska",
        "Ptujska cesta 33, 2270 Ormož",
        "pon.–pet. 7.00–19.00",
        "02 000 30 30",
        "https://zd-ormoz.example",
        (),
        ("sl",),
        Text(
            "Osnovna zdravstvena dejavnost, patronažna služba in svetovalnica za duševno zdravje.",
            "Primarna zdravstvena zaštita, patronažna služba i savjetovalište za mentalno "
            "zdravlje.",
            "Primary health care, community nursing and a mental health counselling service.",
        ),
    ),
    _service(
        "Ljudska univerza Ptuj",
        "education",
        "Ptuj",
        "podravska",
        "Mestni trg 2, 2250 Ptuj",
        "pon.–čet. 8.00–18.00, pet. 8.00–13.00",
        "02 000 40 40",
        "https://lu-ptuj.example",
        ("long-term-unemployed", "young-people"),
        ("sl", "en"),
        Text(
            "Programi osnovne šole za odrasle, tečaji slovenščine za tujce in središče za "
            "samostojno učenje.",
            "Programi osnovne škole za odrasle, tečajevi slovenskog za strance i središte za "
            "samostalno učenje.",
            "Primary school for adults, Slovenian courses for foreigners and a self-study centre.",
        ),
    ),
    _service(
        "Društvo za pomoč brezposelnim Ormož",
        "association",
        "Ormož",
        "podravska",
        "Kerenčičev trg 5, 2270 Ormož",
        "tor. in čet. 9.00–13.00",
        "02 000 50 50",
        "",
        ("long-term-unemployed", "social-assistance"),
        ("sl", "hr"),
        Text(
            "Skupine za samopomoč, pomoč pri pisanju prošenj in brezplačna izmenjava oblačil.",
            "Grupe samopomoći, pomoć pri pisanju zamolbi i besplatna razmjena odjeće.",
            "Self-help groups, help with writing applications and a free clothes exchange.",
        ),
    ),
    _service(
        "Gradska i sveučilišna knjižnica Osijek",
        "library",
        "Osijek",
        "osjecko-baranjska",
        "Europska avenija 24, 31000 Osijek",
        "pon.–pet. 8.00–20.00, sub. 8.00–13.00",
        "031 000 100",
        "https://gskos.example",
        ("young-people",),
        ("hr", "en", "hu"),
        Text(
            "Računalniško opismenjevanje, klub za iskanje zaposlitve in brezplačen dostop do "
            "interneta.",
            "Informatičko opismenjavanje, klub za traženje posla i besplatan pristup internetu.",
            "Digital literacy, a job club and free internet access.",
        ),
    ),
    _service(
        "Dom zdravlja Osijek",
        "health_centre",
        "Osijek",
        "osjecko-baranjska",
        "Park kralja Petra Krešimira IV. 6, 31000 Osijek",
        "pon.–pet. 7.00–20.00",
        "031 000 200",
        "https://dzo.example",
        (),
        ("hr",),
        Text(
            "Zdravstveni dom z obiskovalno službo in centrom za preprečevanje odvisnosti.",
            "Dom zdravlja s patronažnom službom i centrom za prevenciju ovisnosti.",
            "A health centre with community nursing and an addiction prevention centre.",
        ),
    ),
    _service(
        "Pučko otvoreno učilište Obris",
        "education",
        "Osijek",
        "osjecko-baranjska",
        "Vukovarska cesta 31, 31000 Osijek",
        "pon.–pet. 8.00–16.00",
        "031 000 300",
        "https://obris.example",
        ("long-term-unemployed", "women"),
        ("hr",),
        Text(
            "Usposabljanja za poklice, ki jih iščejo delodajalci, in delavnice socialnih veščin.",
            "Osposobljavanja za zanimanja koja traže poslodavci i radionice socijalnih vještina.",
            "Training for occupations employers look for, and social skills workshops.",
        ),
    ),
    _service(
        "Udruga Slap",
        "ngo",
        "Osijek",
        "osjecko-baranjska",
        "Trg Ljudevita Gaja 5, 31000 Osijek",
        "pon.–pet. 9.00–15.00",
        "031 000 400",
        "https://udruga-slap.example",
        ("roma", "young-people"),
        ("hr", "rom"),
        Text(
            "Podpora romskim družinam pri izobraževanju in zaposlovanju, z medkulturnimi "
            "mediatorji.",
            "Podrška romskim obiteljima u obrazovanju i zapošljavanju, uz međukulturne posrednike.",
            "Support for Roma families in education and employment, with intercultural mediators.",
        ),
    ),
    _service(
        "Udruženje Baranja",
        "association",
        "Beli Manastir",
        "osjecko-baranjska",
        "Kralja Tomislava 12, 31300 Beli Manastir",
        "pon., sri., pet. 9.00–14.00",
        "031 000 500",
        "",
        ("over-50", "social-assistance"),
        ("hr", "hu", "sr"),
        Text(
            "Dnevni center za starejše brezposelne, skupnostni vrt in prostovoljsko delo.",
            "Dnevni centar za starije nezaposlene, zajednički vrt i volonterski rad.",
            "A day centre for older unemployed people, a community garden and volunteering.",
        ),
    ),
)

# --- Study visits ---------------------------------------------------------------

_PROGRAMME_TEXTS = {
    "09.30": Text("9.30", "9.30", "9.30"),
    "13.00": Text("13.00", "13.00", "13.00"),
    "ud-ptuj": Text("Urad za delo Ptuj", "Ured za rad Ptuj", "Ptuj Labour Office"),
    "cpu": Text(
        "Učna delavnica CPU, Ormož",
        "Radionica za učenje CPU, Ormož",
        "CPU learning workshop, Ormož",
    ),
    "presentation": Text(
        "Predstavitev pilotnega sistema socialne aktivacije in projekta 2SoKroG",
        "Predstavljanje pilotnog sustava socijalne aktivacije i projekta 2SoKroG",
        "Presentation of the social activation pilot system and the 2SoKroG project",
    ),
    "workshop": Text(
        "Ogled primera učne delavnice socialne aktivacije",
        "Razgled primjera radionice za učenje socijalne aktivacije",
        "A visit to an example of a social activation learning workshop",
    ),
    "ideas": Text(
        "Pogovor v »kamrici idej« s strokovnimi delavci",
        "Razgovor u »sobici ideja« sa stručnim radnicima",
        "A conversation with staff in the “little room of ideas”",
    ),
    "cafe": Text(
        "Obisk grajske kavarniške popravljalnice CPU in pogovor z udeleženkami",
        "Posjet dvorskoj kavani-popravljaonici CPU i razgovor sa sudionicama",
        "A visit to CPU's castle café and repair shop and a talk with participants",
    ),
}


def _programme(key, day, items) -> tuple[dict, ...]:
    return tuple(
        {
            "type": "item",
            "value": {
                "day": day.isoformat(),
                "time": _PROGRAMME_TEXTS[time].sl,
                "place": _PROGRAMME_TEXTS[place].sl,
                "activity": _PROGRAMME_TEXTS[activity].sl,
            },
            "id": _id(f"{key}-programme-{n}"),
        }
        for n, (time, place, activity) in enumerate(items)
    )


_DELEGATION_LESSONS = Text(
    "Delegacijo je najbolj zanimalo, kako center za socialno delo in urad za delo skupaj "
    "izbirata kandidate. Na Hrvaškem takšnega skupnega sestanka še nimajo; model bi lahko "
    "preizkusili v Osijeku.",
    "Delegaciju je najviše zanimalo kako centar za socijalnu skrb i ured za zapošljavanje "
    "zajedno biraju kandidate. U Hrvatskoj takvog zajedničkog sastanka još nemaju; model bi "
    "se mogao isprobati u Osijeku.",
    "The delegation was most interested in how the social work centre and the employment office "
    "choose candidates together. Croatia has no such joint meeting yet; the model could be "
    "tried in Osijek.",
)
_INTERVIEWS_LESSONS = Text(
    "Javni uslužbenci poudarjajo redno izmenjavo informacij in skupno reševanje zapletenih "
    "primerov; udeleženke cenijo sproščeno vzdušje in praktično delo.",
    "Javni službenici ističu redovitu razmjenu informacija i zajedničko rješavanje složenih "
    "slučajeva; sudionice cijene opuštenu atmosferu i praktičan rad.",
    "Civil servants stress the regular exchange of information and solving complex cases "
    "together; participants value the relaxed atmosphere and practical work.",
)

STUDY_VISITS = (
    (
        DemoPage(
            model="knowledge_base.StudyVisitPage",
            slug=Text(
                "delegacija-osjecko-baranjske-zupanije",
                "delegacija-osjecko-baranjske-zupanije",
                "osijek-baranja-delegation",
            ),
            title=Text(
                "Delegacija Osiješko-baranjske županije na Ptuju in v Ormožu",
                "Delegacija Osječko-baranjske županije u Ptuju i Ormožu",
                "The Osijek-Baranja County delegation in Ptuj and Ormož",
            ),
            introduction=Text(
                "Lokalno partnerstvo za zaposlovanje Osiješko-baranjske županije je v okviru "
                "projekta Partner NET II spoznalo pilotni sistem socialne aktivacije na Ptuju in "
                "učno delavnico v Ormožu.",
                "Lokalno partnerstvo za zapošljavanje Osječko-baranjske županije u sklopu "
                "projekta Partner NET II upoznalo je pilotni sustav socijalne aktivacije u Ptuju "
                "i radionicu za učenje u Ormožu.",
                "The local partnership for employment of Osijek-Baranja County, within the "
                "Partner NET II project, got to know the social activation pilot in Ptuj and a "
                "learning workshop in Ormož.",
            ),
            fields=(
                ("starts_on", date(2019, 9, 11)),
                ("ends_on", date(2019, 9, 11)),
                ("country", "SI"),
            ),
            texts=(
                (
                    "visiting_organisations",
                    Text(
                        "Razvojna agencija Osiješko-baranjske županije\nUdruga Slap\nLAG "
                        "Karašica\nUdruženje Baranja\nHrvaška gospodarska zbornica – ŽK Osijek",
                        "Razvojna agencija Osječko-baranjske županije\nUdruga Slap\nLAG "
                        "Karašica\nUdruženje Baranja\nHrvatska gospodarska komora – ŽK Osijek",
                        "Osijek-Baranja County Development Agency\nUdruga Slap\nLAG Karašica\n"
                        "Udruženje Baranja\nCroatian Chamber of Economy – Osijek County Chamber",
                    ),
                ),
                (
                    "purpose",
                    Text(
                        "Izmenjava izkušenj in praks o stanju na trgu dela, zlasti o usklajenosti "
                        "ponudbe in povpraševanja ter o iskanju ustreznih kadrov za delodajalce.",
                        "Razmjena iskustava i praksi o stanju na tržištu rada, osobito o "
                        "usklađenosti ponude i potražnje te o traženju odgovarajućih kadrova "
                        "za poslodavce.",
                        "An exchange of experience and practice on the labour market, above all "
                        "on matching supply and demand and finding suitable staff for employers.",
                    ),
                ),
                (
                    "places_visited",
                    Text(
                        "Urad za delo Ptuj\nUčna delavnica CPU, Ormož",
                        "Ured za rad Ptuj\nRadionica za učenje CPU, Ormož",
                        "Ptuj Labour Office\nCPU learning workshop, Ormož",
                    ),
                ),
            ),
            streams=(
                (
                    "programme",
                    _programme(
                        "delegation",
                        date(2019, 9, 11),
                        (("09.30", "ud-ptuj", "presentation"), ("13.00", "cpu", "workshop")),
                    ),
                ),
            ),
            stream_texts=(
                *(_PROGRAMME_TEXTS[key] for key in ("09.30", "13.00", "ud-ptuj", "cpu")),
                _PROGRAMME_TEXTS["presentation"],
                _PROGRAMME_TEXTS["workshop"],
                _DELEGATION_LESSONS,
            ),
        ),
        {
            "hosts": ("Urad za delo Ptuj", "CPU Ormož"),
            "visitors": ("HZZ Osijek", "CZSS Osijek", "POU Obris"),
            "lessons": _DELEGATION_LESSONS,
            "follow_ups": (
                (
                    "Delegaciji poslati opis skupnega sestanka za izbiro kandidatov.",
                    "Urad za delo Ptuj",
                    date(2019, 10, 15),
                    date(2019, 10, 10),
                ),
                (
                    "Preučiti, ali bi skupni sestanek preizkusili v Osijeku.",
                    "HZZ Osijek",
                    date(2020, 3, 31),
                    None,
                ),
            ),
        },
    ),
    (
        DemoPage(
            model="knowledge_base.StudyVisitPage",
            slug=Text(
                "intervjuji-fakultete-za-socialno-delo",
                "intervjui-fakulteta-za-socijalni-rad",
                "faculty-of-social-work-interviews",
            ),
            title=Text(
                "Intervjuji Fakultete za socialno delo na Ptuju in v Ormožu",
                "Intervjui Fakulteta za socijalni rad u Ptuju i Ormožu",
                "The Faculty of Social Work's interviews in Ptuj and Ormož",
            ),
            introduction=Text(
                "Predstavnici Fakultete za socialno delo sta za pripravo priporočil za "
                "usmerjanje v izobraževanje opravili intervjuje z javnimi uslužbenci in "
                "udeleženkami programa.",
                "Predstavnice Fakulteta za socijalni rad za pripremu preporuka za usmjeravanje u "
                "obrazovanje obavile su intervjue s javnim službenicima i sudionicama programa.",
                "Two representatives of the Faculty of Social Work interviewed civil servants and "
                "participants of the programme to prepare recommendations for guiding people "
                "into training.",
            ),
            fields=(
                ("starts_on", date(2020, 1, 31)),
                ("ends_on", date(2020, 1, 31)),
                ("country", "SI"),
            ),
            texts=(
                ("visiting_organisations", Text("", "", "")),
                (
                    "purpose",
                    Text(
                        "Priprava priporočil za usmerjanje v izobraževanje za pridobitev "
                        "socialnih in delovnih kompetenc za razvoj modela socialne aktivacije.",
                        "Priprema preporuka za usmjeravanje u obrazovanje za stjecanje "
                        "socijalnih i radnih kompetencija za razvoj modela socijalne aktivacije.",
                        "Preparing recommendations for guiding people into training for social "
                        "and work competences, for developing the social activation model.",
                    ),
                ),
                (
                    "places_visited",
                    Text(
                        "Urad za delo Ptuj\nGrajska kavarniška popravljalnica CPU, Ormož",
                        "Ured za rad Ptuj\nDvorska kavana-popravljaonica CPU, Ormož",
                        "Ptuj Labour Office\nCPU's castle café and repair shop, Ormož",
                    ),
                ),
            ),
            streams=(
                (
                    "programme",
                    _programme(
                        "interviews",
                        date(2020, 1, 31),
                        (("09.30", "ud-ptuj", "ideas"), ("13.00", "cpu", "cafe")),
                    ),
                ),
            ),
            stream_texts=(
                *(_PROGRAMME_TEXTS[key] for key in ("09.30", "13.00", "ud-ptuj", "cpu")),
                _PROGRAMME_TEXTS["ideas"],
                _PROGRAMME_TEXTS["cafe"],
                _INTERVIEWS_LESSONS,
            ),
        ),
        {
            "hosts": ("Urad za delo Ptuj", "CSD Sp. Podravje", "CPU Ormož"),
            "visitors": ("UL FSD",),
            "lessons": _INTERVIEWS_LESSONS,
            "follow_ups": (
                (
                    "Pripraviti priporočila za usmerjanje v izobraževanje in jih predstaviti "
                    "partnerjem.",
                    "UL FSD",
                    date(2020, 6, 30),
                    None,
                ),
                (
                    "Posredovati fakulteti seznam programov, ki jih obiskujejo udeleženke.",
                    "Urad za delo Ptuj",
                    date(2020, 2, 28),
                    None,
                ),
            ),
        },
    ),
)
