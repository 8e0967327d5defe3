"""The demo partnership: institutions from the seed leaflets and newsletter.

Keyed by ``short_name``, which the loader uses to find them again. The
e-mail addresses are invented (``.example`` is reserved for examples); a
website is given only where it is the institution's well-known general site.
"""

from django.utils.text import slugify

from partners.models import Country, InstitutionKind

SI = Country.SLOVENIA
HR = Country.CROATIA

GORENJSKA = "Gorenjska"
DOLENJSKA = "Dolenjska in Bela krajina"
KOROSKA = "Koroška"
SAVINJSKA = "Savinjska"
PODRAVJE = "Podravje"
LJUBLJANA = "Osrednjeslovenska"
OSIJEK_BARANJA = "Osječko-baranjska županija"

EMPLOYMENT_SERVICE_SI = "https://www.ess.gov.si/"
EMPLOYMENT_SERVICE_HR = "https://www.hzz.hr/"


def _institution(short_name, sl, hr, en, *, country, kind, region, website=""):
    return {
        "short_name": short_name,
        "name_sl": sl,
        "name_hr": hr,
        "name_en": en,
        "country": country,
        "kind": kind,
        "region": region,
        "website": website,
        "email": f"info@{slugify(short_name)}.example",
    }


INSTITUTIONS = [
    # Social work centres: with the employment offices, the single entry point.
    _institution(
        "CSD Gorenjska",
        "Center za socialno delo Gorenjska",
        "Centar za socijalni rad Gorenjska",
        "Gorenjska Social Work Centre",
        country=SI,
        kind=InstitutionKind.SOCIAL_WORK_CENTRE,
        region=GORENJSKA,
    ),
    _institution(
        "CSD Dolenjska in Bela krajina",
        "Center za socialno delo Dolenjska in Bela krajina",
        "Centar za socijalni rad Dolenjska i Bela krajina",
        "Dolenjska and Bela Krajina Social Work Centre",
        country=SI,
        kind=InstitutionKind.SOCIAL_WORK_CENTRE,
        region=DOLENJSKA,
    ),
    _institution(
        "CSD Koroška",
        "Center za socialno delo Koroška",
        "Centar za socijalni rad Koruška",
        "Koroška Social Work Centre",
        country=SI,
        kind=InstitutionKind.SOCIAL_WORK_CENTRE,
        region=KOROSKA,
    ),
    _institution(
        "CSD Sp. Podravje",
        "Center za socialno delo Spodnje Podravje",
        "Centar za socijalni rad Donje Podravlje",
        "Lower Podravje Social Work Centre",
        country=SI,
        kind=InstitutionKind.SOCIAL_WORK_CENTRE,
        region=PODRAVJE,
    ),
    _institution(
        "CZSS Osijek",
        "Center za socialno skrb Osijek",
        "Centar za socijalnu skrb Osijek",
        "Osijek Social Welfare Centre",
        country=HR,
        kind=InstitutionKind.SOCIAL_WORK_CENTRE,
        region=OSIJEK_BARANJA,
    ),
    # Employment offices.
    _institution(
        "ZRSZ OS Kranj",
        "Zavod RS za zaposlovanje, Območna služba Kranj",
        "Zavod Republike Slovenije za zapošljavanje, Područna služba Kranj",
        "Employment Service of Slovenia, Kranj Regional Office",
        country=SI,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
        region=GORENJSKA,
        website=EMPLOYMENT_SERVICE_SI,
    ),
    _institution(
        "Urad za delo Ptuj",
        "Zavod RS za zaposlovanje, Urad za delo Ptuj",
        "Zavod Republike Slovenije za zapošljavanje, Ured za rad Ptuj",
        "Employment Service of Slovenia, Ptuj Labour Office",
        country=SI,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
        region=PODRAVJE,
        website=EMPLOYMENT_SERVICE_SI,
    ),
    _institution(
        "HZZ Osijek",
        "Hrvaški zavod za zaposlovanje, Regionalni urad Osijek",
        "Hrvatski zavod za zapošljavanje, Regionalni ured Osijek",
        "Croatian Employment Service, Osijek Regional Office",
        country=HR,
        kind=InstitutionKind.EMPLOYMENT_OFFICE,
        region=OSIJEK_BARANJA,
        website=EMPLOYMENT_SERVICE_HR,
    ),
    # Regional mobile units: three coordinators of social activation each.
    _institution(
        "RME Gorenjska",
        "Regijska mobilna enota socialne aktivacije Gorenjska",
        "Regionalna mobilna jedinica socijalne aktivacije Gorenjska",
        "Gorenjska Regional Mobile Unit for Social Activation",
        country=SI,
        kind=InstitutionKind.COORDINATORS_UNIT,
        region=GORENJSKA,
    ),
    _institution(
        "RME Koroška",
        "Regijska mobilna enota socialne aktivacije Koroška",
        "Regionalna mobilna jedinica socijalne aktivacije Koruška",
        "Koroška Regional Mobile Unit for Social Activation",
        country=SI,
        kind=InstitutionKind.COORDINATORS_UNIT,
        region=KOROSKA,
    ),
    _institution(
        "RME Celje",
        "Regijska mobilna enota socialne aktivacije Celje",
        "Regionalna mobilna jedinica socijalne aktivacije Celje",
        "Celje Regional Mobile Unit for Social Activation",
        country=SI,
        kind=InstitutionKind.COORDINATORS_UNIT,
        region=SAVINJSKA,
    ),
    # Programme providers.
    _institution(
        "LU Kranj",
        "Ljudska univerza Kranj",
        "Pučko otvoreno učilište Kranj",
        "Kranj Adult Education Centre",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=GORENJSKA,
    ),
    _institution(
        "LU Jesenice",
        "Ljudska univerza Jesenice",
        "Pučko otvoreno učilište Jesenice",
        "Jesenice Adult Education Centre",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=GORENJSKA,
    ),
    _institution(
        "RK Novo mesto",
        "Območno združenje Rdečega križa Novo mesto",
        "Područno društvo Crvenog križa Novo mesto",
        "Red Cross Novo mesto Regional Association",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=DOLENJSKA,
    ),
    _institution(
        "ZIK Črnomelj",
        "Zavod za izobraževanje in kulturo Črnomelj",
        "Zavod za obrazovanje i kulturu Črnomelj",
        "Črnomelj Institute for Education and Culture",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=DOLENJSKA,
    ),
    _institution(
        "Slokva",
        "Slokva, zavod za razvoj neizkoriščenih potencialov, so. p.",
        "Slokva, zavod za razvoj neiskorištenih potencijala, socijalno poduzeće",
        "Slokva, Institute for Developing Untapped Potential, social enterprise",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=KOROSKA,
    ),
    _institution(
        "CPU Ormož",
        "CPU, so. p., Ormož",
        "CPU, socijalno poduzeće, Ormož",
        "CPU social enterprise, Ormož",
        country=SI,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=PODRAVJE,
    ),
    _institution(
        "POU Obris",
        "Ljudska univerza Obris",
        "Pučko otvoreno učilište Obris",
        "Obris Adult Education Institution",
        country=HR,
        kind=InstitutionKind.PROGRAMME_PROVIDER,
        region=OSIJEK_BARANJA,
    ),
    # The ministry behind the Slovenian pilot, research and development partners.
    _institution(
        "MDDSZ",
        "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        "Ministarstvo rada, obitelji, socijalnih pitanja i jednakih mogućnosti",
        "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
        country=SI,
        kind=InstitutionKind.MINISTRY,
        region=LJUBLJANA,
    ),
    _institution(
        "UL FSD",
        "Univerza v Ljubljani, Fakulteta za socialno delo",
        "Sveučilište u Ljubljani, Fakultet za socijalni rad",
        "University of Ljubljana, Faculty of Social Work",
        country=SI,
        kind=InstitutionKind.FACULTY,
        region=LJUBLJANA,
        website="https://www.fsd.uni-lj.si/",
    ),
    _institution(
        "Bistra Ptuj",
        "Znanstveno-raziskovalno središče Bistra Ptuj",
        "Znanstveno-istraživački centar Bistra Ptuj",
        "Bistra Ptuj Scientific Research Centre",
        country=SI,
        kind=InstitutionKind.DEVELOPMENT_AGENCY,
        region=PODRAVJE,
        website="https://www.bistra.si/",
    ),
    _institution(
        "ŽRA OBŽ",
        "Županijska razvojna agencija Osiješko-baranjske županije",
        "Županijska razvojna agencija Osječko-baranjske županije",
        "Osijek-Baranja County Development Agency",
        country=HR,
        kind=InstitutionKind.DEVELOPMENT_AGENCY,
        region=OSIJEK_BARANJA,
    ),
]
