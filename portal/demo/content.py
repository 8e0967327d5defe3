"""The portal's own demo pages, each text in Slovenian with its Croatian and English translation.

Slovenian is the source language of the site; the loader writes the
Slovenian text to the pages and hands the translations to wagtail-localize,
so that editors see synchronised translations in the admin.
"""

from .base import Text
from .pages import DemoPage, Heading, Paragraph

HOME = DemoPage(
    model="portal.HomePage",
    # The Croatian and English home pages are siblings of the Slovenian one,
    # so their slugs must differ; Wagtail itself would add the language code.
    slug=Text("home", "home-hr", "home-en"),
    title=Text(
        "Čezmejno partnerstvo za socialno aktivacijo",
        "Prekogranično partnerstvo za socijalnu aktivaciju",
        "Cross-border partnership for social activation",
    ),
    introduction=Text(
        "Skupni delovni prostor javnih ustanov iz Slovenije in Hrvaške, ki s programi "
        "socialne aktivacije pomagajo dolgotrajno brezposelnim in prejemnikom denarne "
        "socialne pomoči nazaj v družbo in bližje trgu dela.",
        "Zajednički radni prostor javnih ustanova iz Slovenije i Hrvatske koje programima "
        "socijalne aktivacije pomažu dugotrajno nezaposlenima i korisnicima novčane "
        "socijalne pomoći da se vrate u društvo i približe tržištu rada.",
        "The shared workplace of public institutions in Slovenia and Croatia whose social "
        "activation programmes help the long-term unemployed and recipients of financial "
        "social assistance back into society and closer to the labour market.",
    ),
    show_in_menus=False,
    body=(
        Heading(
            Text(
                "Kaj je socialna aktivacija?",
                "Što je socijalna aktivacija?",
                "What is social activation?",
            )
        ),
        Paragraph(
            Text(
                "Socialna aktivacija je program za dolgotrajno brezposelne in dolgotrajne "
                "prejemnike denarne socialne pomoči, ki so začasno nezaposljivi. Pomaga jim "
                "pri reševanju osebnih in socialnih težav, jih ponovno vključuje v družbo in "
                "približuje trgu dela. Slovenija ga je med letoma 2017 in 2022 pilotno "
                "izvajala s sredstvi Evropskega socialnega sklada.",
                "Socijalna aktivacija program je za dugotrajno nezaposlene i dugotrajne "
                "korisnike novčane socijalne pomoći koji su privremeno nezapošljivi. Pomaže "
                "im u rješavanju osobnih i socijalnih teškoća, ponovno ih uključuje u "
                "društvo i približava tržištu rada. Slovenija ga je od 2017. do 2022. "
                "pilotno provodila sredstvima Europskog socijalnog fonda.",
                "Social activation is a programme for long-term unemployed people and "
                "long-term recipients of financial social assistance who are temporarily "
                "unemployable. It helps them with personal and social problems, brings them "
                "back into society and closer to the labour market. Slovenia piloted it "
                "from 2017 to 2022 with money from the European Social Fund.",
            )
        ),
        Paragraph(
            Text(
                "Programi so namenjeni tudi ženskam iz drugih kulturnih okolij, ki jih "
                "podpirajo medkulturne mediatorke, in romskim ženskam. Vključitev je "
                "prostovoljna: udeleženci se v skupinah do dvajset oseb več mesecev učijo, "
                "spoznavajo delo pri delodajalcih ob podpori mentorja in s strokovnimi "
                "delavci iščejo pot naprej.",
                "Programi su namijenjeni i ženama iz drugih kulturnih sredina, koje "
                "podupiru interkulturalne medijatorice, te romskim ženama. Uključivanje je "
                "dobrovoljno: sudionici u skupinama do dvadeset osoba nekoliko mjeseci uče, "
                "upoznaju rad kod poslodavaca uz podršku mentora i sa stručnim djelatnicima "
                "traže put naprijed.",
                "The programmes also serve women from other cultural backgrounds, supported "
                "by intercultural mediators, and Roma women. Taking part is voluntary: in "
                "groups of up to twenty, participants learn for several months, get to know "
                "work at employers with a mentor's support and look for the way forward "
                "together with professionals.",
            )
        ),
        Heading(
            Text(
                "Partnerstvo javnih ustanov",
                "Partnerstvo javnih ustanova",
                "A partnership of public institutions",
            )
        ),
        Paragraph(
            Text(
                "Centri za socialno delo, uradi za delo, koordinatorji socialne aktivacije in "
                "izvajalci programov se srečujejo na skupnih timskih sestankih: pred naborom "
                "kandidatov, ob začetku programa, na vmesnem delovnem sestanku in ob "
                "zaključku, ko skupaj iščejo izhode za vsakega udeleženca.",
                "Centri za socijalnu skrb, službe za zapošljavanje, koordinatori socijalne "
                "aktivacije i provoditelji programa sastaju se na zajedničkim timskim "
                "sastancima: prije odabira kandidata, na početku programa, na radnom "
                "sastanku sredinom programa i na završetku, kada zajedno traže izlaze za "
                "svakog sudionika.",
                "Social work centres, employment offices, social activation coordinators "
                "and programme providers meet at joint team meetings: before recruiting "
                "candidates, at the start of the programme, halfway through and at the end, "
                "when they look together for each participant's next step.",
            )
        ),
        Paragraph(
            Text(
                "Ta portal je njihov skupni delovni prostor. Partnerji tu vodijo zapisnike "
                "sestankov, delijo strokovna priporočila, beležijo študijske obiske ter "
                "objavljajo novice in glasilo 2SoKroG NOVICE.",
                "Ovaj je portal njihov zajednički radni prostor. Partneri ovdje vode "
                "zapisnike sastanaka, dijele stručne preporuke, bilježe studijske posjete "
                "te objavljuju vijesti i bilten 2SoKroG NOVICE.",
                "This portal is their shared workplace. Here the partners keep the minutes "
                "of their meetings, share professional guidance, record study visits and "
                "publish news and the 2SoKroG NOVICE newsletter.",
            )
        ),
    ),
)

ABOUT = DemoPage(
    model="portal.StandardPage",
    slug=Text("o-projektu", "o-projektu", "about-the-project"),
    title=Text("O projektu", "O projektu", "About the project"),
    introduction=Text(
        "2SoKroG: socialna aktivacija za zdravo, varno in dostopnejše čezmejno območje.",
        "2SoKroG: socijalna aktivacija za zdravo, sigurno i dostupnije prekogranično područje.",
        "2SoKroG: social activation for a healthy, safe and more accessible cross-border area.",
    ),
    body=(
        Paragraph(
            Text(
                "Projekt 2SoKroG je sofinanciran v okviru Programa sodelovanja Interreg V-A "
                "Slovenija–Hrvaška iz Evropskega sklada za regionalni razvoj. Prednostno "
                "obravnava socialnovarstvene in zaposlitvene storitve, njegov cilj pa je "
                "krepitev partnerstva javnih institucij in deležnikov na področju socialne "
                "aktivacije.",
                "Projekt 2SoKroG sufinanciran je u okviru Programa suradnje Interreg V-A "
                "Slovenija–Hrvatska iz Europskog fonda za regionalni razvoj. Prioritetno se "
                "bavi uslugama socijalne skrbi i zapošljavanja, a cilj mu je jačanje "
                "partnerstva javnih institucija i dionika u području socijalne aktivacije.",
                "The 2SoKroG project is co-financed by the European Regional Development "
                "Fund under the Interreg V-A Slovenia–Croatia Cooperation Programme. It "
                "focuses on social welfare and employment services, and its aim is to "
                "strengthen the partnership of public institutions and stakeholders in "
                "social activation.",
            )
        ),
        Heading(Text("Rezultati projekta", "Rezultati projekta", "Results of the project")),
        Paragraph(
            Text(
                "Vzpostavljene in okrepljene čezmejne strukture sodelovanja javnih "
                "institucij na področju socialne aktivacije ter model socialne aktivacije, "
                "razvit in preizkušen v centrih za socialno delo in na uradih za delo.",
                "Uspostavljene i ojačane prekogranične strukture suradnje javnih "
                "institucija u području socijalne aktivacije te model socijalne aktivacije, "
                "razvijen i ispitan u centrima za socijalnu skrb i službama za "
                "zapošljavanje.",
                "Cross-border structures of cooperation between public institutions in "
                "social activation, set up and strengthened, and a social activation model "
                "developed and tested in social work centres and employment offices.",
            )
        ),
        Paragraph(
            Text(
                "Večje kompetence javnih uslužbencev za izvajanje socialne aktivacije, "
                "zgodnejše prepoznavanje tveganja za zdrs v revščino ter prenos izkušenj in "
                "dobrih praks na druga območja.",
                "Veće kompetencije javnih službenika za provedbu socijalne aktivacije, "
                "ranije prepoznavanje rizika od pada u siromaštvo te prijenos iskustava i "
                "dobre prakse na druga područja.",
                "Stronger competences of public servants in social activation, earlier "
                "recognition of the risk of sliding into poverty, and the transfer of "
                "experience and good practice to other areas.",
            )
        ),
        Heading(Text("Študijski obiski", "Studijski posjeti", "Study visits")),
        Paragraph(
            Text(
                "Septembra 2019 je Urad za delo Ptuj gostil delegacijo lokalnega "
                "partnerstva za zaposlovanje Osiješko-baranjske županije, ki si je v Ormožu "
                "ogledala tudi učno delavnico socialne aktivacije. Januarja 2020 je "
                "Fakulteta za socialno delo opravila intervjuje z javnimi uslužbenci na "
                "Ptuju in v Ormožu.",
                "U rujnu 2019. Ured za rad Ptuj ugostio je izaslanstvo Lokalnog partnerstva "
                "za zapošljavanje Osječko-baranjske županije, koje je u Ormožu posjetilo i "
                "radionicu socijalne aktivacije. U siječnju 2020. Fakultet za socijalni rad "
                "obavio je razgovore s javnim službenicima u Ptuju i Ormožu.",
                "In September 2019 the Ptuj labour office hosted a delegation of the "
                "Osijek-Baranja County local partnership for employment, which also visited "
                "a social activation workshop in Ormož. In January 2020 the Faculty of "
                "Social Work interviewed public servants in Ptuj and Ormož.",
            )
        ),
    ),
)

FOR_PARTNERS = DemoPage(
    model="portal.StandardPage",
    slug=Text("za-partnerje", "za-partnere", "for-partners"),
    title=Text("Za partnerje", "Za partnere", "For partners"),
    introduction=Text(
        "Navodila in dogovori za sodelavce partnerskih ustanov. Stran vidijo samo "
        "prijavljeni uporabniki.",
        "Upute i dogovori za djelatnike partnerskih ustanova. Stranicu vide samo "
        "prijavljeni korisnici.",
        "Guidance and agreements for the staff of the partner institutions. Only signed-in "
        "users can see this page.",
    ),
    members_only=True,
    body=(
        Heading(
            Text(
                "Zapisniki skupnih timskih sestankov",
                "Zapisnici zajedničkih timskih sastanaka",
                "Minutes of joint team meetings",
            )
        ),
        Paragraph(
            Text(
                "Po vsakem timskem sestanku kontaktna oseba ustanove gostiteljice v enem "
                "tednu vnese zapisnik: cikel programa, vrsto sestanka, prisotne ustanove, "
                "dnevni red, dogovorjene korake za vsakega udeleženca, sklepe in naloge z "
                "roki.",
                "Nakon svakog timskog sastanka kontaktna osoba ustanove domaćina u roku od "
                "tjedan dana unosi zapisnik: ciklus programa, vrstu sastanka, prisutne "
                "ustanove, dnevni red, dogovorene korake za svakog sudionika, zaključke i "
                "zadatke s rokovima.",
                "After each team meeting the contact person of the host institution enters "
                "the minutes within a week: the programme cycle, the kind of meeting, the "
                "institutions present, the agenda, the steps agreed for each participant, "
                "the decisions and the tasks with their deadlines.",
            )
        ),
        Paragraph(
            Text(
                "Udeležencev nikoli ne navajajte z imenom, z EMŠO ali z OIB: uporabljajte "
                "njihovo psevdonimno šifro.",
                "Sudionike nikada ne navodite imenom, EMŠO-om ni OIB-om: koristite njihovu "
                "pseudonimnu šifru.",
                "Never refer to participants by name, EMŠO or OIB: use their pseudonymous code.",
            )
        ),
        Heading(
            Text("Preizkušanje modela", "Testiranje modela", "Testing the model"),
        ),
        Paragraph(
            Text(
                "Vprašalnike o preizkušanju modela socialne aktivacije pri strokovnih "
                "delavcih in uporabnikih zbiramo do konca meseca. Povzetke po partnerjih in "
                "državah pripravi Fakulteta za socialno delo.",
                "Upitnike o testiranju modela socijalne aktivacije kod stručnih djelatnika "
                "i korisnika prikupljamo do kraja mjeseca. Sažetke po partnerima i državama "
                "priprema Fakultet za socijalni rad.",
                "Questionnaires on testing the social activation model with professionals "
                "and with users are collected until the end of the month. The Faculty of "
                "Social Work summarises them by partner and by country.",
            )
        ),
    ),
)

# The home page's children of the portal's own, in menu order.
CHILDREN = (ABOUT, FOR_PARTNERS)
