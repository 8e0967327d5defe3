"""Running ``load_demo`` as the tests do, and reading what it printed."""

import re
from io import StringIO

from django.core.management import call_command

DOMAIN = "demo.2sokrog.invalid"
# A coordinator for each institution of the demo cycles (besides Urad za delo Ptuj's).
CYCLE_COORDINATORS = {
    "csd-gorenjska": "CSD Gorenjska",
    "zrsz-kranj": "ZRSZ OS Kranj",
    "rme-gorenjska": "RME Gorenjska",
    "lu-kranj": "LU Kranj",
    "csd-podravje": "CSD Sp. Podravje",
    "cpu-ormoz": "CPU Ormož",
    "pou-obris": "POU Obris",
    "hzz-osijek": "HZZ Osijek",
    "czss-osijek": "CZSS Osijek",
}
# One per role, and the cycles' coordinators.
DEMO_USERS = 5 + len(CYCLE_COORDINATORS)


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def printed_password(output, email):
    return re.search(rf"^\s*{re.escape(email)}\s.*password: (\S+)$", output, re.MULTILINE)[1]
