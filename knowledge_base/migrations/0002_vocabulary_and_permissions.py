"""The knowledge base's first vocabulary, and who may keep it and the directory.

Editors and Administrators manage the directory of local services and the
topics, target groups and languages; only Administrators delete them. The
terms are a start that editors change in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TOPICS = [
    ("recruitment", "Pridobivanje udeležencev", "Regrutacija sudionika", "Recruitment"),
    ("information-day", "Informativni dan", "Informativni dan", "Information day"),
    ("intake", "Vključitev v program", "Uključivanje u program", "Intake"),
    (
        "competences",
        "Socialne in delovne kompetence",
        "Socijalne i radne kompetencije",
        "Social and work competences",
    ),
    ("employers", "Delo z delodajalci", "Rad s poslodavcima", "Working with employers"),
    (
        "intercultural-mediation",
        "Medkulturna mediacija",
        "Međukulturno posredovanje",
        "Intercultural mediation",
    ),
    ("health", "Zdravje", "Zdravlje", "Health"),
    ("exits", "Izhodi iz programa", "Izlazak iz programa", "Exits"),
]
TARGET_GROUPS = [
    ("long-term-unemployed", "Dolgotrajno brezposelni", "Dugotrajno nezaposleni",
     "Long-term unemployed"),
    (
        "social-assistance",
        "Dolgotrajni prejemniki denarne socialne pomoči",
        "Dugotrajni korisnici zajamčene minimalne naknade",
        "Long-term social-assistance recipients",
    ),
    ("young-people", "Mladi", "Mladi", "Young people"),
    ("over-50", "Starejši od 50 let", "Stariji od 50 godina", "People over 50"),
    ("women", "Ženske", "Žene", "Women"),
    ("roma", "Romi", "Romi", "Roma"),
    ("migrants", "Migranti", "Migranti", "Migrants"),
    ("disabilities", "Osebe z invalidnostjo", "Osobe s invaliditetom",
     "People with disabilities"),
]
LANGUAGES = [
    ("sl", "Slovenščina", "Slovenski", "Slovenian"),
    ("hr", "Hrvaščina", "Hrvatski", "Croatian"),
    ("sr", "Srbščina", "Srpski", "Serbian"),
    ("bs", "Bosanščina", "Bosanski", "Bosnian"),
    ("mk", "Makedonščina", "Makedonski", "Macedonian"),
    ("sq", "Albanščina", "Albanski", "Albanian"),
    ("rom", "Romščina", "Romski", "Romani"),
    ("hu", "Madžarščina", "Mađarski", "Hungarian"),
    ("it", "Italijanščina", "Talijanski", "Italian"),
    ("de", "Nemščina", "Njemački", "German"),
    ("en", "Angleščina", "Engleski", "English"),
    ("uk", "Ukrajinščina", "Ukrajinski", "Ukrainian"),
    ("ar", "Arabščina", "Arapski", "Arabic"),
]
VOCABULARY = {"topic": TOPICS, "targetgroup": TARGET_GROUPS, "spokenlanguage": LANGUAGES}

MODELS = ["localservice", "topic", "targetgroup", "spokenlanguage"]
GROUP_PERMISSIONS = {
    "Editors": [f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")],
    "Administrators": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
}


def _permissions(apps, codenames, *, create=True):
    if create:
        # Permissions are normally created after all migrations; the groups need them now.
        app_config = apps.get_app_config("knowledge_base")
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(
        content_type__app_label="knowledge_base", codename__in=codenames
    )


def forwards(apps, schema_editor):
    for model_name, terms in VOCABULARY.items():
        model = apps.get_model("knowledge_base", model_name)
        for order, (slug, sl, hr, en) in enumerate(terms):
            model.objects.get_or_create(
                slug=slug,
                defaults={"name_sl": sl, "name_hr": hr, "name_en": en, "sort_order": order * 10},
            )
    Group = apps.get_model("auth.Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        Group.objects.get(name=name).permissions.add(*_permissions(apps, codenames))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        Group.objects.get(name=name).permissions.remove(
            *_permissions(apps, codenames, create=False)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge_base", "0001_initial"),
        ("portal", "0003_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
