"""One invented demo user per role, so that a newcomer can look at the portal as each.

The e-mail address is ``<key>@`` the demo domain (``PORTAL_DEMO_EMAIL_DOMAIN``),
which is how the loader finds the user again and how ``dev.py`` recognises
demo users.

Besides one person per role, every institution of the demo programme cycles
(``meetings.demo``) has a coordinator: only a coordinator approves a protocol
for their institution, and the demo's protocols are approved by every
institution present.
"""

from dataclasses import dataclass

from partners.models import MembershipRole


@dataclass(frozen=True)
class DemoPerson:
    key: str
    role: str
    first_name: str
    last_name: str
    groups: tuple[str, ...]
    is_superuser: bool = False
    # (institution short name, membership role)
    membership: tuple[str, str] | None = None


def _coordinator(key, institution, first_name, last_name):
    return DemoPerson(
        key=f"coordinator-{key}",
        role=f"coordinator, {institution}",
        first_name=first_name,
        last_name=last_name,
        groups=("Partner staff",),
        membership=(institution, MembershipRole.COORDINATOR),
    )


PEOPLE = (
    DemoPerson(
        key="admin",
        role="site administrator",
        first_name="Petra",
        last_name="Zupan",
        groups=("Administrators",),
        is_superuser=True,
    ),
    DemoPerson(
        key="editor",
        role="editor",
        first_name="Luka",
        last_name="Vidmar",
        groups=("Editors",),
    ),
    DemoPerson(
        key="institution-admin",
        role="institution admin, CSD Gorenjska",
        first_name="Mojca",
        last_name="Kralj",
        groups=("Partner staff",),
        membership=("CSD Gorenjska", MembershipRole.INSTITUTION_ADMIN),
    ),
    DemoPerson(
        key="coordinator",
        role="coordinator, Urad za delo Ptuj",
        first_name="Andrej",
        last_name="Kos",
        groups=("Partner staff",),
        membership=("Urad za delo Ptuj", MembershipRole.COORDINATOR),
    ),
    DemoPerson(
        key="member",
        role="member, HZZ Osijek",
        first_name="Dora",
        last_name="Perić",
        groups=("Partner staff",),
        membership=("HZZ Osijek", MembershipRole.MEMBER),
    ),
    # The coordinators who approve the demo cycles' protocols for their institutions.
    _coordinator("csd-gorenjska", "CSD Gorenjska", "Nataša", "Jereb"),
    _coordinator("zrsz-kranj", "ZRSZ OS Kranj", "Gregor", "Pintar"),
    _coordinator("rme-gorenjska", "RME Gorenjska", "Barbara", "Zorman"),
    _coordinator("lu-kranj", "LU Kranj", "Tomaž", "Hribar"),
    _coordinator("csd-podravje", "CSD Sp. Podravje", "Irena", "Golob"),
    _coordinator("cpu-ormoz", "CPU Ormož", "Simona", "Lah"),
    _coordinator("pou-obris", "POU Obris", "Ivana", "Marić"),
    _coordinator("hzz-osijek", "HZZ Osijek", "Marko", "Babić"),
    _coordinator("czss-osijek", "CZSS Osijek", "Tena", "Jurić"),
)
