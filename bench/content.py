"""Slovenian and Croatian text the benchmark's pages and institutions are made of.

Pages of lorem ipsum would index, rank and render differently from the
portal's real content (long words with diacritics, two languages that share
many words), so each text here is written in both languages, side by side.
"""

from dataclasses import dataclass

from partners.models import Country, InstitutionKind


@dataclass(frozen=True)
class Pair:
    """The same text in Slovenian and in Croatian."""

    sl: str
    hr: str


# The search target of the benchmark: it occurs on many pages of both languages.
SEARCH_TERMS = Pair("socialna aktivacija", "socijalna aktivacija")

# Not "Novice", "Vodniki za prakso" or "Študijski obiski" (or their Croatian): those are
# the demo's own pages, whose slugs a section would clash with.
SECTIONS = (
    Pair("Dogodki in srečanja", "Događaji i susreti"),
    Pair("Priročniki in orodja", "Priručnici i alati"),
    Pair("Obiski in izmenjave", "Posjeti i razmjene"),
    Pair("Zapisniki timskih sestankov", "Zapisnici timskih sastanaka"),
    Pair("Gradiva in poročila", "Materijali i izvješća"),
)

KINDS = (
    Pair("Primer dobre prakse", "Primjer dobre prakse"),
    Pair("Poročilo s srečanja", "Izvješće sa sastanka"),
    Pair("Študijski obisk", "Studijski posjet"),
    Pair("Vodnik", "Vodič"),
    Pair("Novica", "Vijest"),
    Pair("Delavnica", "Radionica"),
)

TOPICS = (
    Pair("socialna aktivacija", "socijalna aktivacija"),
    Pair("dolgotrajno brezposelni", "dugotrajno nezaposleni"),
    Pair("mentorstvo udeležencem", "mentorstvo sudionicima"),
    Pair("prostovoljsko delo", "volonterski rad"),
    Pair("medinstitucionalno sodelovanje", "međuinstitucionalna suradnja"),
    Pair("individualni načrt aktivacije", "individualni plan aktivacije"),
    Pair("vključevanje Romov", "uključivanje Roma"),
    Pair("duševno zdravje", "mentalno zdravlje"),
    Pair("digitalne veščine", "digitalne vještine"),
    Pair("delovni preizkus", "radna proba"),
    Pair("ženske na podeželju", "žene u ruralnim područjima"),
    Pair("mladi brez izobrazbe", "mladi bez obrazovanja"),
)

PLACES = (
    "Kranj",
    "Novo mesto",
    "Ptuj",
    "Celje",
    "Maribor",
    "Koper",
    "Murska Sobota",
    "Slovenj Gradec",
    "Osijek",
    "Vukovar",
    "Đakovo",
    "Našice",
    "Varaždin",
    "Čakovec",
    "Slavonski Brod",
    "Vinkovci",
)

SENTENCES = (
    Pair(
        "Socialna aktivacija pomaga dolgotrajno brezposelnim, da se vrnejo v družbo "
        "in se približajo trgu dela.",
        "Socijalna aktivacija pomaže dugotrajno nezaposlenima da se vrate u društvo "
        "i približe tržištu rada.",
    ),
    Pair(
        "Koordinatorji so v skupini vodili dvanajst udeležencev, ki so prejemali denarno "
        "socialno pomoč več kot tri leta.",
        "Koordinatori su u skupini vodili dvanaest sudionika koji su primali zajamčenu "
        "minimalnu naknadu više od tri godine.",
    ),
    Pair(
        "Center za socialno delo in zavod za zaposlovanje sta udeležence napotila skupaj, "
        "po skupnem timskem sestanku.",
        "Centar za socijalnu skrb i zavod za zapošljavanje zajedno su uputili sudionike, "
        "nakon zajedničkog timskog sastanka.",
    ),
    Pair(
        "Vsak udeleženec je s strokovnim delavcem pripravil individualni načrt z "
        "dosegljivimi cilji za naslednje tri mesece.",
        "Svaki je sudionik sa stručnim radnikom izradio individualni plan s dostižnim "
        "ciljevima za sljedeća tri mjeseca.",
    ),
    Pair(
        "Izvajalci programov poročajo, da udeleženci najbolj cenijo redno strukturo "
        "dneva in občutek, da jih nekdo pričakuje.",
        "Pružatelji programa izvješćuju da sudionici najviše cijene redovitu strukturu "
        "dana i osjećaj da ih netko očekuje.",
    ),
    Pair(
        "Na delavnici smo primerjali, kako obe državi merita napredek udeležencev in "
        "katere kazalnike bi lahko uporabljali skupaj.",
        "Na radionici smo usporedili kako obje države mjere napredak sudionika i koje bi "
        "pokazatelje mogle koristiti zajedno.",
    ),
    Pair(
        "Študijski obisk je pokazal, da lokalne skupnosti, knjižnice in društva pogosto "
        "ponudijo prva varna mesta za prostovoljsko delo.",
        "Studijski posjet pokazao je da lokalne zajednice, knjižnice i udruge često nude "
        "prva sigurna mjesta za volonterski rad.",
    ),
    Pair(
        "Udeleženci so obiskovali tečaje digitalnih veščin, kuhanja in vrtnarjenja ter "
        "skupaj pripravili razstavo svojih izdelkov.",
        "Sudionici su pohađali tečajeve digitalnih vještina, kuhanja i vrtlarstva te su "
        "zajedno pripremili izložbu svojih radova.",
    ),
    Pair(
        "Mentorji so opozorili, da je za osebe s težavami v duševnem zdravju ključno "
        "postopno povečevanje obveznosti.",
        "Mentori su upozorili da je osobama s teškoćama mentalnog zdravlja ključno "
        "postupno povećavanje obveza.",
    ),
    Pair(
        "Partnerji so se dogovorili za skupno predlogo zapisnika, ki ne vsebuje osebnih "
        "podatkov udeležencev.",
        "Partneri su se dogovorili o zajedničkom predlošku zapisnika koji ne sadrži "
        "osobne podatke sudionika.",
    ),
    Pair(
        "Ob koncu cikla je polovica udeležencev nadaljevala z usposabljanjem ali "
        "delovnim preizkusom pri delodajalcu.",
        "Na kraju ciklusa polovica je sudionika nastavila s osposobljavanjem ili radnom "
        "probom kod poslodavca.",
    ),
    Pair(
        "Socialna aktivacija v čezmejnem partnerstvu povezuje centre za socialno delo, "
        "zavode za zaposlovanje in nevladne organizacije.",
        "Socijalna aktivacija u prekograničnom partnerstvu povezuje centre za socijalnu "
        "skrb, zavode za zapošljavanje i nevladine organizacije.",
    ),
    Pair(
        "Naslednji skupni timski sestanek bo v prostorih ustanove gostiteljice, "
        "zapisnik pa bo na portalu v enem tednu.",
        "Sljedeći zajednički timski sastanak bit će u prostorijama ustanove domaćina, "
        "a zapisnik će biti na portalu u roku od tjedan dana.",
    ),
    Pair(
        "Vprašalnik o izkušnjah z modelom so izpolnili strokovni delavci in udeleženci "
        "iz obeh držav.",
        "Upitnik o iskustvima s modelom ispunili su stručni radnici i sudionici iz obiju država.",
    ),
    Pair(
        "Pri vključevanju Romov se je izkazalo, da je zaupanje v romskega koordinatorja "
        "pomembnejše od vsebine programa.",
        "Pri uključivanju Roma pokazalo se da je povjerenje u romskog koordinatora "
        "važnije od sadržaja programa.",
    ),
    Pair(
        "Ženske s podeželja so kot največjo oviro navedle prevoz do kraja izvajanja "
        "programa in varstvo otrok.",
        "Žene iz ruralnih područja kao najveću su prepreku navele prijevoz do mjesta "
        "provedbe programa i skrb o djeci.",
    ),
)

HEADINGS = (
    Pair("Ozadje", "Pozadina"),
    Pair("Kaj smo naredili", "Što smo napravili"),
    Pair("Izkušnje udeležencev", "Iskustva sudionika"),
    Pair("Ugotovitve", "Zaključci"),
    Pair("Naslednji koraki", "Sljedeći koraci"),
)

MORE = Pair("Več o tem", "Više o tome")

# --- The staff area: programme cycles and the protocols of their meetings ----

PROGRAMMES = (
    Pair("Stopi korak naprej", "Zakorači naprijed"),
    Pair("Kreativno vključen in socialno opolnomočen", "Kreativno uključen i socijalno osnažen"),
    Pair("Skupaj do novih priložnosti", "Zajedno do novih prilika"),
    Pair("Nova pot", "Novi put"),
    Pair("Moč v skupnosti", "Snaga u zajednici"),
    Pair("Znanje za delo", "Znanje za rad"),
)

AGENDA = (
    Pair("Napredek udeležencev", "Napredak sudionika"),
    Pair("Pregled dogovorjenih nalog", "Pregled dogovorenih zadataka"),
    Pair("Delovni modul pri delodajalcih", "Radni modul kod poslodavaca"),
    Pair("Ponudba programov v lokalnem okolju", "Ponuda programa u lokalnoj zajednici"),
    Pair("Pravice in obveznosti udeležencev", "Prava i obveze sudionika"),
    Pair("Izhodi po zaključku programa", "Izlazi nakon završetka programa"),
    Pair("Razno", "Razno"),
)

# What a meeting records about a participant: goals, progress, an exit plan.
PARTICIPANT_ENTRIES = (
    Pair(
        "Redno obiskuje delavnice in pripravlja življenjepis.",
        "Redovito dolazi na radionice i priprema životopis.",
    ),
    Pair(
        "Pridobiva delovne izkušnje pri mentorju; napredek je viden.",
        "Stječe radno iskustvo kod mentora; napredak je vidljiv.",
    ),
    Pair(
        "Potrebuje podporo pri urejanju dokumentov in prevozu.",
        "Potrebna joj je podrška pri sređivanju dokumenata i prijevozu.",
    ),
    Pair(
        "Vključitev v usposabljanje za pomočnika v kuhinji.",
        "Uključivanje u osposobljavanje za pomoćnika u kuhinji.",
    ),
    Pair(
        "Prijava v evidenco aktivnih iskalcev zaposlitve.",
        "Prijava u evidenciju aktivnih tražitelja zaposlenja.",
    ),
)

AGREED_STEPS = (
    Pair("Mentorica pomaga pri prijavi.", "Mentorica pomaže pri prijavi."),
    Pair("Koordinatorka spremlja napredek.", "Koordinatorica prati napredak."),
    Pair("Urad za delo preveri ukrepe.", "Zavod za zapošljavanje provjerava mjere."),
)

ACTIONS = (
    Pair(
        "Pripraviti seznam lokalnih programov in društev.",
        "Pripremiti popis lokalnih programa i udruga.",
    ),
    Pair(
        "Predstaviti udeležencem ukrepe aktivne politike zaposlovanja.",
        "Predstaviti sudionicima mjere aktivne politike zapošljavanja.",
    ),
    Pair(
        "Poiskati delodajalce z mentorji za delovni modul.",
        "Pronaći poslodavce s mentorima za radni modul.",
    ),
    Pair(
        "Uskladiti seznam kandidatov z zavodom za zaposlovanje.",
        "Uskladiti popis kandidata sa zavodom za zapošljavanje.",
    ),
    Pair(
        "Urediti prevoz udeležencev na delavnice.",
        "Organizirati prijevoz sudionika na radionice.",
    ),
)

REVIEW_NOTES = (
    Pair("Delo je v teku.", "Posao je u tijeku."),
    Pair("Čakamo na odgovor delodajalca.", "Čekamo odgovor poslodavca."),
)

SI_SOCIAL_WORK_CENTRES = (
    ("Celje", "Savinjska"),
    ("Južna Primorska", "Obalno-kraška"),
    ("Ljubljana", "Osrednjeslovenska"),
    ("Maribor", "Podravje"),
    ("Pomurje", "Pomurska"),
    ("Posavje", "Posavska"),
    ("Savinjsko-Šaleška", "Savinjska"),
    ("Severna Primorska", "Goriška"),
    ("Zasavje", "Zasavska"),
    ("Osrednja Slovenija – vzhod", "Osrednjeslovenska"),
    ("Osrednja Slovenija – zahod", "Osrednjeslovenska"),
)

SI_EMPLOYMENT_OFFICES = (
    ("Ljubljana", "Osrednjeslovenska"),
    ("Maribor", "Podravje"),
    ("Celje", "Savinjska"),
    ("Koper", "Obalno-kraška"),
    ("Nova Gorica", "Goriška"),
    ("Novo mesto", "Dolenjska in Bela krajina"),
    ("Sevnica", "Posavska"),
    ("Trbovlje", "Zasavska"),
    ("Velenje", "Savinjska"),
    ("Murska Sobota", "Pomurska"),
)

HR_SOCIAL_WORK_OFFICES = (
    ("Vukovar", "Vukovarsko-srijemska županija"),
    ("Vinkovci", "Vukovarsko-srijemska županija"),
    ("Slavonski Brod", "Brodsko-posavska županija"),
    ("Đakovo", "Osječko-baranjska županija"),
    ("Našice", "Osječko-baranjska županija"),
    ("Varaždin", "Varaždinska županija"),
    ("Čakovec", "Međimurska županija"),
    ("Zagreb", "Grad Zagreb"),
    ("Rijeka", "Primorsko-goranska županija"),
    ("Split", "Splitsko-dalmatinska županija"),
    ("Zadar", "Zadarska županija"),
    ("Sisak", "Sisačko-moslavačka županija"),
)

HR_EMPLOYMENT_OFFICES = (
    ("Zagreb", "Grad Zagreb"),
    ("Split", "Splitsko-dalmatinska županija"),
    ("Rijeka", "Primorsko-goranska županija"),
    ("Vukovar", "Vukovarsko-srijemska županija"),
    ("Slavonski Brod", "Brodsko-posavska županija"),
    ("Varaždin", "Varaždinska županija"),
    ("Zadar", "Zadarska županija"),
    ("Sisak", "Sisačko-moslavačka županija"),
)


def institutions():
    """Field values of the institutions added to the demo's, in both countries."""
    rows = []
    for place, region in SI_SOCIAL_WORK_CENTRES:
        rows.append(
            {
                "short_name": f"CSD {place}",
                "name_sl": f"Center za socialno delo {place}",
                "name_hr": f"Centar za socijalni rad {place}",
                "name_en": f"Social Work Centre {place}",
                "country": Country.SLOVENIA,
                "kind": InstitutionKind.SOCIAL_WORK_CENTRE,
                "region": region,
            }
        )
    for place, region in SI_EMPLOYMENT_OFFICES:
        rows.append(
            {
                "short_name": f"ZRSZ OS {place}",
                "name_sl": f"Zavod RS za zaposlovanje, Območna služba {place}",
                "name_hr": f"Zavod RS za zapošljavanje, Područna služba {place}",
                "name_en": f"Employment Service of Slovenia, Regional Office {place}",
                "country": Country.SLOVENIA,
                "kind": InstitutionKind.EMPLOYMENT_OFFICE,
                "region": region,
            }
        )
    for place, region in HR_SOCIAL_WORK_OFFICES:
        rows.append(
            {
                "short_name": f"HZSR PU {place}",
                "name_sl": f"Hrvaški zavod za socialno delo, območni urad {place}",
                "name_hr": f"Hrvatski zavod za socijalni rad, Područni ured {place}",
                "name_en": f"Croatian Institute for Social Work, Regional Office {place}",
                "country": Country.CROATIA,
                "kind": InstitutionKind.SOCIAL_WORK_CENTRE,
                "region": region,
            }
        )
    for place, region in HR_EMPLOYMENT_OFFICES:
        rows.append(
            {
                "short_name": f"HZZ {place}",
                "name_sl": f"Hrvaški zavod za zaposlovanje, regionalni urad {place}",
                "name_hr": f"Hrvatski zavod za zapošljavanje, Regionalni ured {place}",
                "name_en": f"Croatian Employment Service, Regional Office {place}",
                "country": Country.CROATIA,
                "kind": InstitutionKind.EMPLOYMENT_OFFICE,
                "region": region,
            }
        )
    return rows
