"""Two demo programme cycles and the protocols of their joint team meetings.

*Stopi korak naprej* runs in Gorenjska for adults, with the four partners of
a Slovenian joint team. *Skupaj do novih priložnosti* is a cross-border cycle
for Roma women in Ormož and Osijek, with the Slovenian and Croatian social
work centres, employment offices and providers; its protocols are written in
Croatian or Slovenian, by whoever kept them.

Between them there is a protocol of each kind, in the states a team leaves
them: the earlier ones approved by every institution present (one amended
and approved again), one submitted and waiting for two approvals, the latest
a draft. Participants are listed in the order they entered: the portal gives
the first of cycle ``KR`` the code ``KR-2026-01``, and the entries of a
protocol refer to them by that number. An action item has a key by which
later meetings carry it forward or close it. People are demo users
(``accounts.demo.people``) by key. The texts name no participant and carry no
identification number or contact data: the models would refuse them.
"""

from dataclasses import dataclass
from datetime import date

from portal.demo.base import Text

from ..models import ExitOutcome, MeetingKind, ProtocolStatus, ReviewOutcome, TargetGroup


@dataclass(frozen=True)
class DemoPhase:
    name: Text
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class DemoParticipant:
    target_group: str
    entered_on: date
    note: str
    exited_on: date | None = None
    exit_outcome: str = ""


@dataclass(frozen=True)
class DemoEntry:
    """What a meeting recorded about participant number ``participant``."""

    participant: int
    text: str
    agreed_steps: str = ""
    planned_exit: str = ""


@dataclass(frozen=True)
class DemoAgendaItem:
    title: str
    discussion: str = ""


@dataclass(frozen=True)
class DemoActionItem:
    """An action item set at a meeting; ``key`` names it for the later meetings' reviews."""

    key: str
    description: str
    institution: str
    due_on: date
    person: str = ""


@dataclass(frozen=True)
class DemoReview:
    """A later meeting's decision on the action item ``item``."""

    item: str
    outcome: str
    due_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class RecruitmentAgreement:
    """The five points of a recruitment meeting, named as the protocol's fields."""

    motivational_interviews: str
    stakeholder_tasks: str
    information_day: str
    referral_to_coordinators: str
    candidate_list: str


@dataclass(frozen=True)
class Amendment:
    """A correction made after every institution had approved; they approve it again."""

    author: str
    decisions: str
    reason: str


@dataclass(frozen=True)
class DemoProtocol:
    kind: str
    day: date
    hour: int
    language: str
    # Who wrote it; the same person records the reviews and submits it.
    author: str
    institutions: tuple[str, ...]
    staff: tuple[str, ...]
    status: str
    place: str = ""
    is_online: bool = False
    guests: tuple[tuple[str, str], ...] = ()
    apologies: str = ""
    agenda: tuple[DemoAgendaItem, ...] = ()
    agreement: RecruitmentAgreement | None = None
    entries: tuple[DemoEntry, ...] = ()
    reviews: tuple[DemoReview, ...] = ()
    decisions: str = ""
    action_items: tuple[DemoActionItem, ...] = ()
    next_meeting_on: date | None = None
    # A submitted protocol: the institutions that have approved it so far.
    approved_by: tuple[str, ...] = ()
    amendment: Amendment | None = None


@dataclass(frozen=True)
class DemoCycle:
    """A programme cycle, found again by its ``code``."""

    code: str
    programme_name: Text
    provider: str
    # The participating institutions besides the provider.
    institutions: tuple[str, ...]
    locations: str
    target_group: str
    starts_on: date
    ends_on: date
    max_group_size: int
    phases: tuple[DemoPhase, ...]
    # Who adds the participants and records their exits.
    recorded_by: str
    participants: tuple[DemoParticipant, ...]
    protocols: tuple[DemoProtocol, ...]


# The demo users (``accounts.demo.people``) who work on the cycles.
INSTITUTION_ADMIN_CSD_GORENJSKA = "institution-admin"
COORDINATOR_URAD_PTUJ = "coordinator"
MEMBER_HZZ_OSIJEK = "member"
COORDINATOR_CSD_GORENJSKA = "coordinator-csd-gorenjska"
COORDINATOR_ZRSZ_KRANJ = "coordinator-zrsz-kranj"
COORDINATOR_RME_GORENJSKA = "coordinator-rme-gorenjska"
COORDINATOR_LU_KRANJ = "coordinator-lu-kranj"
COORDINATOR_CSD_PODRAVJE = "coordinator-csd-podravje"
COORDINATOR_CPU_ORMOZ = "coordinator-cpu-ormoz"
COORDINATOR_POU_OBRIS = "coordinator-pou-obris"
COORDINATOR_HZZ_OSIJEK = "coordinator-hzz-osijek"
COORDINATOR_CZSS_OSIJEK = "coordinator-czss-osijek"

APPROVED = ProtocolStatus.APPROVED
SUBMITTED = ProtocolStatus.SUBMITTED
DRAFT = ProtocolStatus.DRAFT
DONE = ReviewOutcome.DONE
DROPPED = ReviewOutcome.DROPPED
CARRIED_FORWARD = ReviewOutcome.CARRIED_FORWARD


# --- Stopi korak naprej: Gorenjska, adults --------------------------------------

GORENJSKA_TEAM = ("CSD Gorenjska", "ZRSZ OS Kranj", "RME Gorenjska", "LU Kranj")
GORENJSKA_COORDINATORS = (
    COORDINATOR_CSD_GORENJSKA,
    COORDINATOR_ZRSZ_KRANJ,
    COORDINATOR_RME_GORENJSKA,
    COORDINATOR_LU_KRANJ,
)

KRANJ_CYCLE = DemoCycle(
    code="KR",
    programme_name=Text("Stopi korak naprej", "Zakorači naprijed", "Take a step forward"),
    provider="LU Kranj",
    institutions=("CSD Gorenjska", "ZRSZ OS Kranj", "RME Gorenjska"),
    locations="Kranj, Škofja Loka",
    target_group=TargetGroup.ADULTS,
    starts_on=date(2026, 3, 2),
    ends_on=date(2026, 10, 30),
    max_group_size=10,
    phases=(
        DemoPhase(
            Text("Priprava in nabor", "Priprema i odabir", "Preparation and recruitment"),
            date(2026, 3, 2),
            date(2026, 3, 31),
        ),
        DemoPhase(Text("Delavnice", "Radionice", "Workshops"), date(2026, 4, 1), date(2026, 7, 3)),
        DemoPhase(
            Text("Delovni modul", "Radni modul", "Work module"), date(2026, 7, 6), date(2026, 8, 31)
        ),
        DemoPhase(
            Text("Iskanje izhodov", "Traženje izlaza", "Searching for exits"),
            date(2026, 9, 1),
            date(2026, 9, 30),
        ),
        DemoPhase(
            Text(
                "Individualno delo po izstopu",
                "Individualni rad nakon izlaska",
                "Individual work after exit",
            ),
            date(2026, 10, 1),
            date(2026, 10, 30),
        ),
    ),
    recorded_by=COORDINATOR_RME_GORENJSKA,
    participants=(
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Dolgoletna prejemnica DSP; želi izboljšati računalniška znanja.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Prijavljen kot brezposeln več let; zanima ga delo na prostem.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Prejemnica DSP; skrbi za majhnega otroka, ustreza ji dopoldanski urnik.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Po daljši odsotnosti s trga dela; vključitev postopoma, sprva dvakrat tedensko.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Prejemnik DSP; izkušnje v gradbeništvu, želi pridobiti vozniško dovoljenje.",
            exited_on=date(2026, 8, 31),
            exit_outcome=ExitOutcome.EMPLOYMENT,
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Napotena z Urada za delo; potrebuje podporo pri urejanju dolgov.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 4, 1),
            "Začasno nezaposljiv; zanima ga prostovoljno delo v lokalnem društvu.",
        ),
        DemoParticipant(
            TargetGroup.ADULTS,
            date(2026, 5, 4),
            "Vključena naknadno na prosto mesto; prej sodelovala v programu javnih del.",
        ),
    ),
    protocols=(
        DemoProtocol(
            kind=MeetingKind.RECRUITMENT,
            day=date(2026, 3, 5),
            hour=10,
            language="sl",
            author=COORDINATOR_RME_GORENJSKA,
            institutions=GORENJSKA_TEAM,
            staff=(*GORENJSKA_COORDINATORS, INSTITUTION_ADMIN_CSD_GORENJSKA),
            status=APPROVED,
            place="Center za socialno delo Gorenjska, enota Kranj",
            agenda=(
                DemoAgendaItem(
                    "Predstavitev programa Stopi korak naprej",
                    "Ljudska univerza Kranj je predstavila program: tri mesece delavnic, "
                    "delovni modul pri delodajalcih in mesec iskanja izhodov. Skupina se "
                    "srečuje trikrat tedensko po štiri ure.",
                ),
                DemoAgendaItem(
                    "Ciljna skupina in merila za vključitev",
                    "Vključijo se dolgotrajni prejemniki denarne socialne pomoči in "
                    "dolgotrajno brezposelni, ki so začasno nezaposljivi. V skupini je "
                    "največ deset udeležencev.",
                ),
                DemoAgendaItem("Dogovor o poteku nabora"),
            ),
            agreement=RecruitmentAgreement(
                motivational_interviews=(
                    "Motivacijske razgovore opravijo strokovne delavke CSD in svetovalci "
                    "Urada za delo ob rednih obravnavah, koordinatorke socialne aktivacije "
                    "pa z vsemi, ki izrazijo interes. Razgovori potekajo do konca marca."
                ),
                stakeholder_tasks=(
                    "CSD pripravi seznam dolgotrajnih prejemnikov DSP, Urad za delo seznam "
                    "oseb, ki so začasno nezaposljive. Izvajalec pripravi prostor in gradivo, "
                    "koordinatorke vodijo skupni seznam in obveščajo vse deležnike."
                ),
                information_day=(
                    "Informativni dan bo 18. marca v prostorih Ljudske univerze Kranj. "
                    "Program predstavijo koordinatorke, CSD in izvajalec; sledijo "
                    "individualni pogovori z zainteresiranimi."
                ),
                referral_to_coordinators=(
                    "CSD in Urad za delo zainteresirane kandidate sproti napotita h "
                    "koordinatorkam, ki jih dodatno informirajo in motivirajo."
                ),
                candidate_list=(
                    "Koordinatorke uskladijo seznam potencialnih kandidatov s CSD in Uradom "
                    "za delo najpozneje teden dni pred začetkom delavnic."
                ),
            ),
            decisions=(
                "Nabor poteka do konca marca. Delavnice se začnejo prvega aprila z uvodnim "
                "timskim sestankom."
            ),
            action_items=(
                DemoActionItem(
                    "kr-seznam",
                    "Pripraviti seznam dolgotrajnih prejemnikov DSP, primernih za vključitev.",
                    "CSD Gorenjska",
                    date(2026, 3, 12),
                    person=COORDINATOR_CSD_GORENJSKA,
                ),
                DemoActionItem(
                    "kr-vabila",
                    "Poslati vabila na informativni dan brezposelnim s seznama Urada za delo.",
                    "ZRSZ OS Kranj",
                    date(2026, 3, 13),
                ),
                DemoActionItem(
                    "kr-informativni-dan",
                    "Pripraviti predstavitev programa in prostor za informativni dan.",
                    "LU Kranj",
                    date(2026, 3, 17),
                ),
                DemoActionItem(
                    "kr-razgovori",
                    "Opraviti motivacijske razgovore z vsemi zainteresiranimi kandidati.",
                    "RME Gorenjska",
                    date(2026, 3, 27),
                    person=COORDINATOR_RME_GORENJSKA,
                ),
            ),
            next_meeting_on=date(2026, 4, 1),
        ),
        DemoProtocol(
            kind=MeetingKind.INTAKE,
            day=date(2026, 4, 1),
            hour=9,
            language="sl",
            author=COORDINATOR_RME_GORENJSKA,
            institutions=GORENJSKA_TEAM,
            staff=GORENJSKA_COORDINATORS,
            status=APPROVED,
            place="Ljudska univerza Kranj",
            agenda=(
                DemoAgendaItem(
                    "Udeleženci in njihovi cilji",
                    "Koordinatorke so predstavile cilje, ki so si jih udeleženci postavili "
                    "na individualnih razgovorih.",
                ),
                DemoAgendaItem(
                    "Pravice in obveznosti udeležencev",
                    "CSD in Urad za delo bosta udeležencem v prvem mesecu predstavila "
                    "njihove pravice in obveznosti ter ukrepe, ki so jim na voljo.",
                ),
                DemoAgendaItem(
                    "Pregled nabora",
                    "Nabor je končan s sedmimi udeleženci; eno mesto ostaja prosto.",
                ),
            ),
            entries=(
                DemoEntry(
                    1,
                    "Pridobiti osnovna računalniška znanja in pripraviti življenjepis.",
                    "Računalniška delavnica; pomoč mentorice pri življenjepisu.",
                ),
                DemoEntry(
                    2,
                    "Vzpostaviti reden dnevni ritem in preizkusiti delo na prostem.",
                    "Sodelovanje pri urejanju skupnostnega vrta.",
                ),
                DemoEntry(
                    3,
                    "Uskladiti program s skrbjo za otroka in okrepiti samozavest.",
                    "Dopoldanske delavnice; skupina za samopomoč.",
                ),
                DemoEntry(
                    4,
                    "Postopno povečati obremenitev in skrbeti za zdravje.",
                    "Prvi mesec dvakrat tedensko, nato trikrat; povezava s centrom za "
                    "krepitev zdravja.",
                ),
                DemoEntry(
                    5,
                    "Pridobiti vozniško dovoljenje in nove delovne izkušnje.",
                    "Urad za delo preveri možnost sofinanciranja; učenje z delom v "
                    "delovnem modulu.",
                ),
                DemoEntry(
                    6,
                    "Urediti finančne težave in pripraviti načrt odplačevanja dolgov.",
                    "Napotitev na brezplačno dolžniško svetovanje.",
                ),
                DemoEntry(
                    7,
                    "Najti prostovoljno delo v domačem okolju.",
                    "Pregled ponudbe društev v Kranju.",
                ),
            ),
            reviews=(
                DemoReview("kr-seznam", DONE),
                DemoReview("kr-vabila", DONE),
                DemoReview("kr-informativni-dan", DONE),
                DemoReview(
                    "kr-razgovori",
                    CARRIED_FORWARD,
                    due_on=date(2026, 4, 15),
                    note="Z dvema kandidatoma razgovor še ni bil opravljen.",
                ),
            ),
            decisions=(
                "Delavnice potekajo po urniku izvajalca, trikrat tedensko. Prosto mesto se "
                "zapolni do sredine aprila."
            ),
            action_items=(
                DemoActionItem(
                    "kr-pravice",
                    "Predstaviti udeležencem pravice in obveznosti prejemnikov DSP.",
                    "CSD Gorenjska",
                    date(2026, 4, 22),
                ),
                DemoActionItem(
                    "kr-ukrepi",
                    "Predstaviti udeležencem ukrepe aktivne politike zaposlovanja.",
                    "ZRSZ OS Kranj",
                    date(2026, 4, 29),
                    person=COORDINATOR_ZRSZ_KRANJ,
                ),
                DemoActionItem(
                    "kr-ponudba",
                    "Pripraviti pregled dodatnih programov v okolju: društva, center za "
                    "krepitev zdravja, knjižnica.",
                    "LU Kranj",
                    date(2026, 5, 15),
                ),
            ),
            next_meeting_on=date(2026, 6, 17),
        ),
        DemoProtocol(
            kind=MeetingKind.MID_TERM,
            day=date(2026, 6, 17),
            hour=9,
            language="sl",
            author=COORDINATOR_RME_GORENJSKA,
            institutions=GORENJSKA_TEAM,
            staff=GORENJSKA_COORDINATORS,
            status=APPROVED,
            place="Ljudska univerza Kranj, enota Škofja Loka",
            guests=(("Tina Rozman", "Mestna knjižnica Kranj"),),
            agenda=(
                DemoAgendaItem("Napredek udeležencev"),
                DemoAgendaItem(
                    "Ponudba Mestne knjižnice Kranj",
                    "Gostja je predstavila brezplačne delavnice za odrasle in bralni klub.",
                ),
                DemoAgendaItem(
                    "Priprava na delovni modul",
                    "Izvajalec ima dogovore s tremi delodajalci; za dva udeleženca mentorja "
                    "še iščemo.",
                ),
            ),
            entries=(
                DemoEntry(1, "Redno obiskuje delavnice; življenjepis je pripravljen."),
                DemoEntry(2, "Prisotnost je redna; pri urejanju vrta vodi manjšo skupino."),
                DemoEntry(3, "Dopoldanski urnik ji ustreza; v skupini je vse bolj dejavna."),
                DemoEntry(4, "Od maja prihaja trikrat tedensko."),
                DemoEntry(5, "Opravil je teoretični del vozniškega izpita."),
                DemoEntry(6, "Dolžniško svetovanje poteka; načrt odplačevanja je pripravljen."),
                DemoEntry(7, "Občasno manjka; dogovorili smo se, da odsotnost vedno sporoči."),
                DemoEntry(8, "Vključena maja; hitro se je vživela v skupino."),
            ),
            reviews=(
                DemoReview(
                    "kr-razgovori",
                    DONE,
                    note="Na prosto mesto je bila maja vključena nova udeleženka.",
                ),
                DemoReview("kr-pravice", DONE),
                DemoReview("kr-ukrepi", DONE),
                DemoReview(
                    "kr-ponudba",
                    CARRIED_FORWARD,
                    due_on=date(2026, 7, 10),
                    note="Manjka še ponudba nevladnih organizacij v Škofji Loki.",
                ),
            ),
            decisions=(
                "Delovni modul se začne prvega julija. Udeleženci se vključijo v "
                "brezplačne delavnice Mestne knjižnice Kranj."
            ),
            amendment=Amendment(
                author=COORDINATOR_LU_KRANJ,
                decisions=(
                    "Delovni modul se začne šestega julija, ko bodo znani vsi delodajalci. "
                    "Udeleženci se vključijo v brezplačne delavnice Mestne knjižnice Kranj."
                ),
                reason="Začetek delovnega modula se je premaknil, ker dva delodajalca še nista "
                "potrdila mentorjev.",
            ),
            action_items=(
                DemoActionItem(
                    "kr-delodajalci",
                    "Poiskati delodajalce z mentorji za učenje z delom v delovnem modulu.",
                    "LU Kranj",
                    date(2026, 7, 3),
                    person=COORDINATOR_LU_KRANJ,
                ),
                DemoActionItem(
                    "kr-javna-dela",
                    "Preveriti možnosti vključitve v javna dela za udeležence, ki so "
                    "pripravljeni na zaposlitev.",
                    "ZRSZ OS Kranj",
                    date(2026, 9, 15),
                ),
                DemoActionItem(
                    "kr-izhodi",
                    "Pripraviti predlog izhoda za vsakega udeleženca do zaključnega sestanka.",
                    "RME Gorenjska",
                    date(2026, 9, 25),
                ),
            ),
            next_meeting_on=date(2026, 9, 29),
        ),
        DemoProtocol(
            kind=MeetingKind.CLOSING,
            day=date(2026, 9, 29),
            hour=9,
            language="sl",
            author=COORDINATOR_RME_GORENJSKA,
            institutions=GORENJSKA_TEAM,
            staff=(*GORENJSKA_COORDINATORS, INSTITUTION_ADMIN_CSD_GORENJSKA),
            status=DRAFT,
            place="Center za socialno delo Gorenjska, enota Kranj",
            agenda=(
                DemoAgendaItem(
                    "Izhodi udeležencev",
                    "Za vsakega udeleženca, ki je še v programu, smo pregledali potrebe, "
                    "interese in možne izhode.",
                ),
                DemoAgendaItem(
                    "Individualno delo po izstopu",
                    "Koordinatorke v oktobru spremljajo udeležence po izstopu.",
                ),
                DemoAgendaItem("Ocena cikla"),
            ),
            entries=(
                DemoEntry(
                    1,
                    "Usposabljanje za administrativna dela.",
                    "Urad za delo pripravi napotitev na usposabljanje.",
                    ExitOutcome.FURTHER_PROGRAMME,
                ),
                DemoEntry(
                    2,
                    "Zaposlitev v javnih delih pri urejanju zelenih površin.",
                    "Urad za delo preveri prosto mesto v programu javnih del.",
                    ExitOutcome.EMPLOYMENT_MEASURE,
                ),
                DemoEntry(
                    3,
                    "Iskanje zaposlitve s krajšim delovnim časom.",
                    "Prijava v evidenco aktivnih iskalcev zaposlitve.",
                    ExitOutcome.ACTIVE_JOB_SEEKER,
                ),
                DemoEntry(
                    4,
                    "Nadaljevanje v programu centra za krepitev zdravja.",
                    "CSD ponovno oceni položaj čez pol leta.",
                    ExitOutcome.FURTHER_PROGRAMME,
                ),
                DemoEntry(
                    6,
                    "Usposabljanje za nacionalno poklicno kvalifikacijo pomočnice v kuhinji.",
                    "Ljudska univerza preveri termine in pomaga pri prijavi.",
                    ExitOutcome.EDUCATION,
                ),
                DemoEntry(
                    7,
                    "Prostovoljno delo in program socialnega vključevanja v društvu.",
                    "Koordinatorka ga pospremi na prvo srečanje v društvu.",
                    ExitOutcome.FURTHER_PROGRAMME,
                ),
                DemoEntry(
                    8,
                    "Zaposlitev v knjigoveznici, ki jo je spoznala v delovnem modulu.",
                    "Delodajalec pripravi ponudbo za zaposlitev.",
                    ExitOutcome.EMPLOYMENT,
                ),
            ),
            reviews=(
                DemoReview("kr-ponudba", DONE),
                DemoReview("kr-delodajalci", DONE),
                DemoReview(
                    "kr-javna-dela",
                    CARRIED_FORWARD,
                    due_on=date(2026, 10, 30),
                    note="Odločitev o programih javnih del bo znana oktobra.",
                ),
                DemoReview("kr-izhodi", DONE),
            ),
            decisions=(
                "Izhodi so dogovorjeni za vse udeležence, ki so še v programu. Izkušnje "
                "cikla predstavimo na naslednjem srečanju partnerjev."
            ),
            action_items=(
                DemoActionItem(
                    "kr-spremljanje",
                    "Spremljati udeležence v mesecu po izstopu.",
                    "RME Gorenjska",
                    date(2026, 10, 30),
                    person=COORDINATOR_RME_GORENJSKA,
                ),
                DemoActionItem(
                    "kr-prijava",
                    "Prijaviti udeležence, ki bodo aktivni iskalci zaposlitve, v evidenco.",
                    "ZRSZ OS Kranj",
                    date(2026, 10, 15),
                ),
                DemoActionItem(
                    "kr-porocilo",
                    "Pripraviti zaključno poročilo o ciklu za ministrstvo.",
                    "LU Kranj",
                    date(2026, 11, 13),
                ),
            ),
        ),
    ),
)


# --- Skupaj do novih priložnosti: Ormož and Osijek, Roma women -----------------

ORMOZ_OSIJEK_TEAM = (
    "CPU Ormož",
    "CSD Sp. Podravje",
    "Urad za delo Ptuj",
    "POU Obris",
    "HZZ Osijek",
    "CZSS Osijek",
)
ORMOZ_OSIJEK_COORDINATORS = (
    COORDINATOR_CPU_ORMOZ,
    COORDINATOR_CSD_PODRAVJE,
    COORDINATOR_URAD_PTUJ,
    COORDINATOR_POU_OBRIS,
    COORDINATOR_HZZ_OSIJEK,
    COORDINATOR_CZSS_OSIJEK,
)


def _roma_woman(note, **exit_fields):
    return DemoParticipant(TargetGroup.ROMA_WOMEN, date(2026, 5, 4), note, **exit_fields)


ORMOZ_OSIJEK_CYCLE = DemoCycle(
    code="OROS",
    programme_name=Text(
        "Skupaj do novih priložnosti",
        "Zajedno do novih prilika",
        "Together towards new opportunities",
    ),
    provider="CPU Ormož",
    institutions=ORMOZ_OSIJEK_TEAM[1:],
    locations="Ormož, Osijek",
    target_group=TargetGroup.ROMA_WOMEN,
    starts_on=date(2026, 4, 13),
    ends_on=date(2026, 12, 18),
    max_group_size=12,
    phases=(
        DemoPhase(
            Text("Priprava in nabor", "Priprema i odabir", "Preparation and recruitment"),
            date(2026, 4, 13),
            date(2026, 5, 1),
        ),
        DemoPhase(Text("Delavnice", "Radionice", "Workshops"), date(2026, 5, 4), date(2026, 7, 31)),
        DemoPhase(
            Text("Delovni modul", "Radni modul", "Work module"),
            date(2026, 9, 1),
            date(2026, 10, 30),
        ),
        DemoPhase(
            Text("Iskanje izhodov", "Traženje izlaza", "Searching for exits"),
            date(2026, 11, 2),
            date(2026, 12, 18),
        ),
    ),
    recorded_by=COORDINATOR_CPU_ORMOZ,
    participants=(
        _roma_woman("Udeleženka iz Ormoža; želi dokončati osnovno šolo."),
        _roma_woman("Prejemnica DSP; dobro šiva, zanima jo delo v popravljalnici."),
        _roma_woman("Potrebuje podporo pri vpisu otrok v vrtec."),
        _roma_woman("Zanima jo tečaj za pomočnico v kuhinji."),
        _roma_woman("Sudionica iz Osijeka; korisnica zajamčene minimalne naknade."),
        _roma_woman(
            "Želi završiti osnovnu školu za odrasle.",
            exited_on=date(2026, 9, 1),
            exit_outcome=ExitOutcome.EDUCATION,
        ),
        _roma_woman("Zanima je rad u vrtlarstvu; potrebna joj je pomoć oko prijevoza."),
        _roma_woman("Sporazumijeva se uz pomoć romske pomagačice; zanima je rad u kuhinji."),
    ),
    protocols=(
        DemoProtocol(
            kind=MeetingKind.RECRUITMENT,
            day=date(2026, 4, 22),
            hour=10,
            language="hr",
            author=COORDINATOR_POU_OBRIS,
            institutions=ORMOZ_OSIJEK_TEAM,
            staff=(*ORMOZ_OSIJEK_COORDINATORS, MEMBER_HZZ_OSIJEK),
            status=APPROVED,
            place="Pučko otvoreno učilište Obris, Osijek",
            is_online=True,
            agenda=(
                DemoAgendaItem(
                    "Slovenski model socijalne aktivacije",
                    "Ured za rad Ptuj i CPU Ormož predstavili su iskustva dosadašnjih "
                    "ciklusa u Ormožu.",
                ),
                DemoAgendaItem(
                    "Zajednički ciklus u Ormožu i Osijeku",
                    "Ciklus se provodi istodobno na dvije lokacije s istim programom. Timski "
                    "sastanci održavaju se naizmjence u Ormožu i Osijeku, uz sudjelovanje "
                    "na daljinu.",
                ),
                DemoAgendaItem(
                    "Uloga romskih pomagačica",
                    "Na objema lokacijama na radionicama sudjeluje romska pomagačica koja "
                    "pomaže u sporazumijevanju.",
                ),
            ),
            agreement=RecruitmentAgreement(
                motivational_interviews=(
                    "Motivacijske razgovore s kandidatkinjama vode savjetnici HZZ-a i Ureda "
                    "za rad Ptuj te stručne radnice centara za socijalnu skrb, uz romsku "
                    "pomagačicu kada je potrebno."
                ),
                stakeholder_tasks=(
                    "HZZ Osijek i Ured za rad Ptuj izrađuju popise nezaposlenih "
                    "kandidatkinja, centri za socijalnu skrb pozivaju korisnice socijalne "
                    "pomoći, izvođači pripremaju prostor i materijale, a koordinatorica "
                    "POU Obris vodi zajednički popis."
                ),
                information_day=(
                    "Informativni dani održat će se krajem travnja u Ormožu i u Osijeku. "
                    "Program predstavljaju izvođači i centri za socijalnu skrb, a romska "
                    "pomagačica prevodi po potrebi."
                ),
                referral_to_coordinators=(
                    "Zainteresirane kandidatkinje odmah se upućuju koordinatoricama "
                    "izvođača, koje ih dodatno informiraju i motiviraju."
                ),
                candidate_list=(
                    "Popis kandidatkinja usklađuje se na sastanku na daljinu prije početka "
                    "programa; na svakoj lokaciji najviše šest sudionica."
                ),
            ),
            decisions=(
                "Radionice počinju četvrtog svibnja. Uvodni timski sastanak održat će se u Ormožu."
            ),
            action_items=(
                DemoActionItem(
                    "or-popis-hzz",
                    "Izraditi popis kandidatkinja iz evidencije nezaposlenih osoba.",
                    "HZZ Osijek",
                    date(2026, 4, 29),
                    person=COORDINATOR_HZZ_OSIJEK,
                ),
                DemoActionItem(
                    "or-popis-ptuj",
                    "Izraditi popis kandidatkinja iz evidencije Ureda za rad Ptuj.",
                    "Urad za delo Ptuj",
                    date(2026, 4, 29),
                    person=COORDINATOR_URAD_PTUJ,
                ),
                DemoActionItem(
                    "or-poziv-czss",
                    "Pozvati korisnice zajamčene minimalne naknade na informativni dan.",
                    "CZSS Osijek",
                    date(2026, 4, 28),
                ),
                DemoActionItem(
                    "or-poziv-csd",
                    "Pozvati korisnice novčane socijalne pomoći iz Ormoža na informativni dan.",
                    "CSD Sp. Podravje",
                    date(2026, 4, 28),
                ),
                DemoActionItem(
                    "or-info-ormoz",
                    "Organizirati informativni dan u Ormožu uz romsku pomagačicu.",
                    "CPU Ormož",
                    date(2026, 4, 30),
                ),
                DemoActionItem(
                    "or-info-osijek",
                    "Organizirati informativni dan u Osijeku uz romsku pomagačicu.",
                    "POU Obris",
                    date(2026, 4, 30),
                ),
            ),
            next_meeting_on=date(2026, 5, 6),
        ),
        DemoProtocol(
            kind=MeetingKind.INTAKE,
            day=date(2026, 5, 6),
            hour=10,
            language="sl",
            author=COORDINATOR_CPU_ORMOZ,
            institutions=ORMOZ_OSIJEK_TEAM,
            staff=ORMOZ_OSIJEK_COORDINATORS,
            status=APPROVED,
            place="CPU, Ormož",
            is_online=True,
            agenda=(
                DemoAgendaItem(
                    "Cilji udeleženk",
                    "Koordinatorki izvajalcev sta predstavili cilje, ki so si jih "
                    "udeleženke postavile na individualnih razgovorih.",
                ),
                DemoAgendaItem(
                    "Delavnice na obeh lokacijah",
                    "Delavnice potekajo trikrat tedensko po štiri ure, z enakimi vsebinami "
                    "v Ormožu in Osijeku. Skupni dogodek obeh skupin bo junija v Ormožu.",
                ),
                DemoAgendaItem(
                    "Ukrepi zavodov za zaposlovanje",
                    "Urad za delo Ptuj in HZZ Osijek bosta udeleženkam predstavila ukrepe "
                    "aktivne politike zaposlovanja v obeh državah.",
                ),
            ),
            entries=(
                DemoEntry(
                    1,
                    "Dokončati osnovno šolo za odrasle.",
                    "Vpis v osnovno šolo za odrasle jeseni.",
                ),
                DemoEntry(
                    2,
                    "Pridobiti delovne izkušnje pri šivanju in popravilih oblačil.",
                    "Delo v popravljalnici CPU ob podpori mentorice.",
                ),
                DemoEntry(
                    3,
                    "Urediti varstvo otrok, da lahko redno obiskuje program.",
                    "CSD pomaga pri vpisu otrok v vrtec.",
                ),
                DemoEntry(
                    4,
                    "Pripraviti se na tečaj za pomočnico v kuhinji.",
                    "Praktično delo v kuhinji izvajalca; vaje branja.",
                ),
                DemoEntry(
                    5,
                    "Urediti dokumente in se prijaviti v evidenco zavoda za zaposlovanje.",
                    "Svetovalka HZZ jo spremlja pri prijavi.",
                ),
                DemoEntry(
                    6,
                    "Vpisati se v osnovno šolo za odrasle v Osijeku.",
                    "POU Obris preveri možnosti vpisa.",
                ),
                DemoEntry(
                    7,
                    "Preizkusiti delo v vrtnariji.",
                    "Center za socialno skrb uredi prevoz na delavnice.",
                ),
                DemoEntry(
                    8,
                    "Izboljšati sporazumevanje v hrvaščini in delati v kuhinji.",
                    "Podpora romske pomočnice; praktično delo v kuhinji.",
                ),
            ),
            reviews=(
                DemoReview("or-popis-hzz", DONE),
                DemoReview("or-popis-ptuj", DONE),
                DemoReview("or-poziv-czss", DONE),
                DemoReview(
                    "or-poziv-csd",
                    DROPPED,
                    note="Vse kandidatke iz Ormoža so prišle prek Urada za delo.",
                ),
                DemoReview("or-info-ormoz", DONE),
                DemoReview("or-info-osijek", DONE),
            ),
            decisions=(
                "Program se je začel na obeh lokacijah z osmimi udeleženkami. Naslednji "
                "skupni sestanek bo sredi septembra, po začetku delovnega modula; avgusta "
                "je premor."
            ),
            action_items=(
                DemoActionItem(
                    "or-vrtec",
                    "Pomagati udeleženkam pri vpisu otrok v vrtec.",
                    "CSD Sp. Podravje",
                    date(2026, 5, 29),
                    person=COORDINATOR_CSD_PODRAVJE,
                ),
                DemoActionItem(
                    "or-sola",
                    "Preveriti možnosti vpisa v osnovno šolo za odrasle na obeh straneh meje.",
                    "POU Obris",
                    date(2026, 6, 12),
                ),
                DemoActionItem(
                    "or-obisk",
                    "Pripraviti skupni obisk obeh skupin v popravljalnici CPU v Ormožu.",
                    "CPU Ormož",
                    date(2026, 6, 19),
                ),
                DemoActionItem(
                    "or-ukrepi",
                    "Predstaviti udeleženkam ukrepe aktivne politike zaposlovanja.",
                    "Urad za delo Ptuj",
                    date(2026, 6, 26),
                    person=COORDINATOR_URAD_PTUJ,
                ),
            ),
            next_meeting_on=date(2026, 9, 16),
        ),
        DemoProtocol(
            kind=MeetingKind.MID_TERM,
            day=date(2026, 9, 16),
            hour=10,
            language="hr",
            author=COORDINATOR_POU_OBRIS,
            institutions=tuple(i for i in ORMOZ_OSIJEK_TEAM if i != "CSD Sp. Podravje"),
            staff=(
                COORDINATOR_CPU_ORMOZ,
                COORDINATOR_URAD_PTUJ,
                COORDINATOR_POU_OBRIS,
                COORDINATOR_HZZ_OSIJEK,
                COORDINATOR_CZSS_OSIJEK,
                MEMBER_HZZ_OSIJEK,
            ),
            status=SUBMITTED,
            is_online=True,
            apologies="Centar za socijalni rad Donje Podravlje ispričao se zbog drugih obveza.",
            agenda=(
                DemoAgendaItem("Napredak sudionica"),
                DemoAgendaItem(
                    "Radni modul kod poslodavaca",
                    "U Ormožu sudionice rade u popravljalnici i kuhinji CPU-a; u Osijeku se "
                    "još traže poslodavci-mentori.",
                ),
                DemoAgendaItem(
                    "Izlazak jedne sudionice",
                    "Jedna je sudionica izašla iz programa jer se upisala u osnovnu školu "
                    "za odrasle.",
                ),
            ),
            entries=(
                DemoEntry(1, "Redovito dolazi; priprema se za upis u osnovnu školu za odrasle."),
                DemoEntry(2, "U popravljalnici samostalno obavlja jednostavne popravke odjeće."),
                DemoEntry(3, "Djeca su upisana u vrtić; dolazi redovito."),
                DemoEntry(4, "Radi u kuhinji izvođača; napreduje u čitanju."),
                DemoEntry(5, "Prijavljena je u evidenciju HZZ-a; aktivna na radionicama."),
                DemoEntry(7, "Prijevoz je riješen; zanima je sezonski rad u vrtlariji."),
                DemoEntry(8, "Sporazumijevanje na hrvatskom jeziku bolje je; radi u kuhinji."),
            ),
            reviews=(
                DemoReview("or-vrtec", DONE),
                DemoReview(
                    "or-sola",
                    DONE,
                    note="Jedna se sudionica upisala u osnovnu školu za odrasle u Osijeku.",
                ),
                DemoReview("or-obisk", DONE),
                DemoReview(
                    "or-ukrepi",
                    CARRIED_FORWARD,
                    due_on=date(2026, 10, 9),
                    note="Mjere su predstavljene u Osijeku, u Ormožu predstavljanje slijedi.",
                ),
            ),
            decisions=(
                "Radni modul traje do kraja listopada. Završni timski sastanak održat će se "
                "početkom prosinca u Osijeku."
            ),
            action_items=(
                DemoActionItem(
                    "or-mentori",
                    "Pronaći poslodavce-mentore za radni modul u Osijeku.",
                    "HZZ Osijek",
                    date(2026, 10, 16),
                ),
                DemoActionItem(
                    "or-prijevoz",
                    "Dogovoriti prijevoz sudionica iz udaljenih naselja na radni modul.",
                    "CZSS Osijek",
                    date(2026, 10, 2),
                ),
                DemoActionItem(
                    "or-javna-dela",
                    "Pripremiti pregled javnih radova i programa osposobljavanja za "
                    "sudionice iz Ormoža.",
                    "Urad za delo Ptuj",
                    date(2026, 10, 30),
                    person=COORDINATOR_URAD_PTUJ,
                ),
                DemoActionItem(
                    "or-izlazi",
                    "Pripremiti prijedlog izlaza za svaku sudionicu do završnog sastanka.",
                    "POU Obris",
                    date(2026, 11, 27),
                ),
            ),
            next_meeting_on=date(2026, 12, 2),
            approved_by=("CPU Ormož", "POU Obris", "CZSS Osijek"),
        ),
    ),
)

CYCLES = (KRANJ_CYCLE, ORMOZ_OSIJEK_CYCLE)
