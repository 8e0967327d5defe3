"""Build the benchmark's database: the demo content plus a partnership of realistic size.

Run by ``python -m bench`` as ``python -m bench.dataset`` with the benchmark's
environment (``DATABASE_URL`` and ``MEDIA_ROOT`` chosen per database). It
starts from nothing every time: the SQLite file is deleted, the PostgreSQL
database dropped and created again, so that both runs measure the same data.

The project's modules are imported inside the functions: Django can only be
set up once the database it connects to exists.
"""

import contextlib
import io
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

import environ
import factory
import psycopg
from faker import Faker
from psycopg import sql

import django
from django.core.management import call_command
from django.db.backends.signals import connection_created

# How big the partnership is: the sizes the benchmark promises in docs/performance.md.
ARTICLES_PER_SECTION = 99
USERS = 2000
SECOND_MEMBERSHIP_EVERY = 10
LOGO_EVERY = 3
SEED = 2026
# The Slovenian news of three years and the newsletter of twelve, two issues a year.
NEWS_ITEMS = 300
NEWS_DAYS = 3 * 365
NEWS_IMAGE_EVERY = 3
NEWS_ACTIVITY_EVERY = 10
NEWS_ACTIVITY_DAYS_AFTER = 60
NEWS_TAGS = (2, 4)
NEWSLETTER_ISSUES = 24
NEWSLETTER_DAYS_APART = 182
ITEMS_PER_ISSUE = 4
# The knowledge base of a partnership some years on: guides in both languages, the
# services of every region, a study visit every few weeks.
GUIDES = 200
SERVICES = 800
STUDY_VISITS = 100


def main():
    """Recreate the database, then fill it; prints how long each step took."""
    url = environ.Env().str("DATABASE_URL")
    _recreate_database(url)
    django.setup()
    connection_created.connect(_skip_waiting_for_disk)
    # Not a secret: a fixed seed gives both databases the same content.
    rng = random.Random(SEED)  # noqa: S311
    steps = (
        _migrate,
        _load_demo,
        _add_institutions,
        _add_people,
        _add_meetings,
        _add_pages,
        _add_news,
        _add_knowledge_base,
        _update_index,
        _analyze,
    )
    for step in steps:
        started = time.monotonic()
        summary = step(rng)
        print(f"  {step.__name__.lstrip('_')}: {summary} ({time.monotonic() - started:.1f} s)")


def _recreate_database(url):
    """An empty database: the SQLite file deleted, or the PostgreSQL database made anew."""
    config = environ.Env.db_url_config(url)
    if config["ENGINE"].endswith("sqlite3"):
        path = Path(config["NAME"])
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    server = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
    }
    name = sql.Identifier(config["NAME"])
    with psycopg.connect(**server, autocommit=True) as connection:
        # FORCE: a gunicorn left over from an interrupted run must not keep the old data.
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _skip_waiting_for_disk(sender, connection, **kwargs):
    """Commit without waiting for the disk: a build that crashes is thrown away anyway.

    Thousands of small commits (migrations, one per page) otherwise spend most
    of the build waiting for fsync.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous = OFF")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit = off")


def _migrate(rng):
    call_command("migrate", interactive=False, verbosity=0)
    return "migrated"


def _load_demo(rng):
    """The demo content is what people click first: home pages, partnership, about."""
    # The demo users' passwords are not needed: the benchmark signs in as a user of its own.
    call_command("load_demo", stdout=io.StringIO())
    return "demo content loaded"


def _add_institutions(rng):
    from partners.factories import InstitutionFactory, LogoFactory
    from partners.models import Institution

    from .content import institutions

    for number, values in enumerate(institutions()):
        # Some partners have a logo, so the page also renders images and their renditions.
        logo = LogoFactory() if number % LOGO_EVERY == 0 else None
        InstitutionFactory(**values, logo=logo)
    return f"{Institution.objects.count()} institutions"


def _add_people(rng):
    """2,000 people in the institutions, written in bulk.

    The factories build them, but one password hash serves all: hashing 2,000
    passwords with production's PBKDF2 would take a quarter of an hour.
    """
    from allauth.account.models import EmailAddress

    from django.contrib.auth.hashers import make_password
    from django.utils.text import slugify

    from accounts.factories import DEFAULT_PASSWORD, UserFactory
    from partners.factories import MembershipFactory
    from partners.models import Country, Institution, Membership, MembershipRole

    institutions = list(Institution.objects.order_by("pk"))
    fakers = {Country.SLOVENIA: Faker("sl_SI"), Country.CROATIA: Faker("hr_HR")}
    for faker in fakers.values():
        faker.seed_instance(SEED)
    password = factory.Transformer.Force(make_password(DEFAULT_PASSWORD))
    users, employers = [], []
    for number in range(USERS):
        institution = institutions[number % len(institutions)]
        faker = fakers[institution.country]
        first_name, last_name = faker.first_name(), faker.last_name()
        domain = institution.email.partition("@")[2]
        users.append(
            UserFactory.build(
                username=f"bench{number:05}",
                email=f"{slugify(first_name)}.{slugify(last_name)}.{number}@{domain}",
                first_name=first_name,
                last_name=last_name,
                password=password,
            )
        )
        employers.append(institution)
    user_model = type(users[0])
    user_model.objects.bulk_create(users, batch_size=500)
    users = list(user_model.objects.filter(username__startswith="bench").order_by("username"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users],
        batch_size=500,
    )
    memberships = []
    first_roles = (MembershipRole.INSTITUTION_ADMIN, MembershipRole.COORDINATOR)
    for number, (user, institution) in enumerate(zip(users, employers, strict=True)):
        # Who joins first administers the institution, the next one coordinates it.
        rank = number // len(institutions)
        role = first_roles[rank] if rank < len(first_roles) else MembershipRole.MEMBER
        memberships.append(MembershipFactory.build(user=user, institution=institution, role=role))
        if number % SECOND_MEMBERSHIP_EVERY == 0:
            other = institutions[(institutions.index(institution) + 1) % len(institutions)]
            memberships.append(MembershipFactory.build(user=user, institution=other))
    Membership.objects.bulk_create(memberships, batch_size=500)
    return f"{len(users)} users, {Membership.objects.count()} memberships"


def _add_meetings(rng):
    """200 programme cycles with 10,000 protocols, for the staff pages (``bench.meetings``).

    They reach the search index with the pages, in ``_update_index``.
    """
    from .meetings import add_meetings

    return add_meetings(rng)


def _add_pages(rng):
    """Five sections under the home page, 99 articles in each, every page also in Croatian.

    Pages go through treebeard's ``add_child`` one by one (the tree paths
    need it); each Croatian page is a translation of its Slovenian one,
    sharing its ``translation_key``.
    """
    from wagtail.models import Page

    with _search_index_not_updated():
        _add_sections_and_articles(rng)
    return f"{Page.objects.filter(depth__gt=1).count()} pages in all languages"


def _add_news(rng):
    """300 news items under the demo's Slovenian news index, 24 issues under its archive.

    Every third item has a photo of its own (``bench.photos``), each has two
    to four tags, and every tenth announces an activity two months after its
    date, so that the newest ones are still ahead on the home page. Items
    are saved like the articles; issues are published as an editor publishes
    them, which asks for each one's PDF and queues its making in the database
    for a worker the benchmark does not run: the archive shows each PDF as
    being made.
    """
    from news.models import NewsIndexPage, NewsletterArchivePage

    index = NewsIndexPage.objects.get(locale__language_code="sl")
    archive = NewsletterArchivePage.objects.get(locale__language_code="sl")
    with _search_index_not_updated():
        items = [_add_news_item(rng, index, number) for number in range(NEWS_ITEMS)]
        for number in range(NEWSLETTER_ISSUES):
            _add_newsletter_issue(rng, archive, number, items)
    return f"{NEWS_ITEMS} news items and {NEWSLETTER_ISSUES} newsletter issues in Slovenian"


def _add_news_item(rng, index, number):
    """The ``number``-th newest item, every few days further back."""
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.rich_text import RichText

    from news.models import NewsPage

    from .content import HEADINGS, KINDS, PLACES, SENTENCES, TOPICS
    from .photos import news_image

    kind, topic, place = rng.choice(KINDS), rng.choice(TOPICS), rng.choice(PLACES)
    title = f"{kind.sl}: {topic.sl} ({place})"
    published = timezone.now() - timedelta(days=number * NEWS_DAYS / NEWS_ITEMS)
    body = []
    for heading in rng.sample(HEADINGS, 2):
        text = " ".join(s.sl for s in rng.sample(SENTENCES, rng.randint(2, 4)))
        body.append(("heading", {"text": heading.sl, "level": "h2"}))
        body.append(("paragraph", RichText(f"<p>{text}</p>")))
    item = NewsPage(
        title=title,
        slug=f"{slugify(title)}-{number}",
        date=timezone.localdate(published),
        introduction=rng.choice(SENTENCES).sl,
        body=body,
        first_published_at=published,
        last_published_at=published,
    )
    if number % NEWS_IMAGE_EVERY == 0:
        item.image = news_image(rng, title)
    if number % NEWS_ACTIVITY_EVERY == 0:
        item.activity_starts_at = published + timedelta(days=NEWS_ACTIVITY_DAYS_AFTER)
        item.activity_place = place
    item.tags.add(*(t.sl for t in rng.sample(TOPICS, rng.randint(*NEWS_TAGS))))
    return index.add_child(instance=item)


def _add_newsletter_issue(rng, archive, number, items):
    """Issue ``number`` of the build, half a year before the next; four items and a word."""
    from django.utils import timezone

    from wagtail.rich_text import RichText

    from news.models import NewsletterIssuePage

    from .content import SENTENCES, TOPICS

    # After the demo's No. 1, the newest last: the build's newest issue is from this month.
    issue_number = 2 + number
    day = timezone.localdate() - timedelta(
        days=(NEWSLETTER_ISSUES - 1 - number) * NEWSLETTER_DAYS_APART
    )
    text = " ".join(s.sl for s in rng.sample(SENTENCES, 3))
    chosen = rng.sample(items, ITEMS_PER_ISSUE)
    issue = archive.add_child(
        instance=NewsletterIssuePage(
            title=rng.choice(TOPICS).sl.capitalize(),
            slug=f"stevilka-{issue_number}",
            number=issue_number,
            date=day,
            introduction=rng.choice(SENTENCES).sl,
            sections=[
                ("news", {"heading": "Iz partnerstva", "items": chosen}),
                ("paragraph", RichText(f"<p>{text}</p>")),
            ],
        )
    )
    issue.save_revision().publish()


def _add_knowledge_base(rng):
    """Guides (each also in Croatian), services and study visits with their internal part.

    Pages are added as the articles are, a Croatian page sharing its Slovenian
    one's ``translation_key``; the services are one bulk insert.
    """
    from wagtail.models import Locale

    from knowledge_base.models import (
        GuideIndexPage,
        LocalService,
        StudyVisitIndexPage,
        TargetGroup,
        Topic,
    )
    from partners.models import Institution

    croatian = Locale.objects.get(language_code="hr")
    institutions = list(Institution.objects.all())
    topics, groups = list(Topic.objects.all()), list(TargetGroup.objects.all())
    with _search_index_not_updated():
        indexes = {
            code: GuideIndexPage.objects.get(locale__language_code=code) for code in ("sl", "hr")
        }
        for number in range(GUIDES):
            pair = _guide_pair(rng, number, institutions)
            chosen_topics, chosen_groups = rng.sample(topics, 2), rng.sample(groups, 2)
            for guide in pair.values():
                # Kept with the page when it is first saved (parental relations).
                guide.topics.set(chosen_topics)
                guide.target_groups.set(chosen_groups)
            sl_guide = indexes["sl"].add_child(instance=pair["sl"])
            pair["hr"].translation_key, pair["hr"].locale = sl_guide.translation_key, croatian
            indexes["hr"].add_child(instance=pair["hr"])
        LocalService.objects.bulk_create(_service(rng, number) for number in range(SERVICES))
        visits = StudyVisitIndexPage.objects.get(locale__language_code="sl")
        for number in range(STUDY_VISITS):
            _add_study_visit(rng, visits, number, institutions)
    return f"{GUIDES} guides in two languages, {SERVICES} services, {STUDY_VISITS} study visits"


def _guide_pair(rng, number, institutions):
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.rich_text import RichText

    from knowledge_base.models import GuidePage

    from .content import HEADINGS, KINDS, SENTENCES, TOPICS

    topic, kind = rng.choice(TOPICS), rng.choice(KINDS)
    owner = rng.choice(institutions)
    reviewed = timezone.localdate() - timedelta(days=rng.randint(0, 500))
    pages = {}
    for code in ("sl", "hr"):
        title = f"{getattr(kind, code)}: {getattr(topic, code)} {number}"
        body = [("heading", {"text": getattr(rng.choice(HEADINGS), code), "level": "h2"})]
        body.append(("paragraph", RichText(f"<p>{getattr(rng.choice(SENTENCES), code)}</p>")))
        body.append(
            ("checklist", {"heading": "", "items": [getattr(s, code) for s in SENTENCES[:3]]})
        )
        pages[code] = GuidePage(
            title=title,
            slug=f"{slugify(title)}-{number}",
            introduction=getattr(rng.choice(SENTENCES), code),
            body=body,
            owner_institution=owner,
            last_reviewed_on=reviewed,
            **_published(rng),
        )
    return pages


def _service(rng, number):
    from knowledge_base.models import LocalService, Region, ServiceKind

    from .content import PLACES, SENTENCES

    sentence = rng.choice(SENTENCES)
    return LocalService(
        name=f"{rng.choice(ServiceKind.labels)} {number}",
        kind=rng.choice(ServiceKind.values),
        municipality=rng.choice(PLACES),
        region=rng.choice(Region.values),
        email=f"info@storitev-{number}.example",
        description_sl=sentence.sl,
        description_hr=sentence.hr,
    )


def _add_study_visit(rng, index, number, institutions):
    from django.utils import timezone

    from wagtail.models import Locale

    from knowledge_base.models import StudyVisitInternalPart, StudyVisitPage

    from .content import PLACES, SENTENCES, TOPICS

    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    day = timezone.localdate() - timedelta(days=number * 21)
    visit = StudyVisitPage(
        title=f"Študijski obisk: {topic.sl} ({place}) {number}",
        slug=f"obisk-{number}",
        introduction=rng.choice(SENTENCES).sl,
        starts_on=day,
        ends_on=day,
        purpose=rng.choice(SENTENCES).sl,
        places_visited=place,
        **_published(rng),
    )
    visit.internal_parts = [
        StudyVisitInternalPart(
            lessons_learned=rng.choice(SENTENCES).sl, locale=Locale.get_default()
        )
    ]
    visit.hosts.set(rng.sample(institutions, 2))
    index.add_child(instance=visit)


@contextlib.contextmanager
def _search_index_not_updated():
    """Saved pages are not indexed one at a time: ``_update_index`` indexes all in one pass.

    Indexing each page as it is saved also recomputes the average title length
    over the whole index, every time: a seventh of the build on PostgreSQL.
    """
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    from django.db.models.signals import post_save

    models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _update_index(rng):
    """The search index of everything the build added, in one pass."""
    call_command("update_index", verbosity=0)
    return "search index updated"


def _add_sections_and_articles(rng):
    from wagtail.models import Locale

    from portal.factories import StandardPageFactory
    from portal.models import HomePage

    from .content import SECTIONS

    homes = {c: HomePage.objects.get(locale__language_code=c) for c in ("sl", "hr")}
    croatian = Locale.objects.get(language_code="hr")
    previous = {}
    for section_number, section in enumerate(SECTIONS):
        fields = _section_fields(rng, section)
        sl_section = StandardPageFactory(parent=homes["sl"], show_in_menus=True, **fields["sl"])
        hr_section = StandardPageFactory(
            parent=homes["hr"],
            show_in_menus=True,
            locale=croatian,
            translation_key=sl_section.translation_key,
            **fields["hr"],
        )
        for number in range(ARTICLES_PER_SECTION):
            fields = _article_fields(rng, section_number * ARTICLES_PER_SECTION + number, previous)
            sl_page = StandardPageFactory(parent=sl_section, **fields["sl"])
            hr_page = StandardPageFactory(
                parent=hr_section,
                locale=croatian,
                translation_key=sl_page.translation_key,
                **fields["hr"],
            )
            previous = {"sl": sl_page, "hr": hr_page}


def _section_fields(rng, section):
    from django.utils.text import slugify

    from .content import SENTENCES

    sentence = rng.choice(SENTENCES)
    return {
        code: {
            "title": getattr(section, code),
            "slug": slugify(getattr(section, code)),
            "introduction": getattr(sentence, code),
            **_published(rng),
        }
        for code in ("sl", "hr")
    }


def _article_fields(rng, number, previous):
    """Title, slug, introduction and body of one article in both languages.

    The body links to the previous article, as editors link related pages,
    so rendering also expands internal links.
    """
    from django.utils.text import slugify

    from wagtail.rich_text import RichText

    from .content import HEADINGS, KINDS, MORE, PLACES, SENTENCES, TOPICS

    kind, topic, place = rng.choice(KINDS), rng.choice(TOPICS), rng.choice(PLACES)
    year = 2022 + number % 5
    headings = rng.sample(HEADINGS, 3)
    paragraphs = [rng.sample(SENTENCES, rng.randint(2, 4)) for _heading in headings]
    published = _published(rng)
    fields = {}
    for code in ("sl", "hr"):
        title = f"{getattr(kind, code)}: {getattr(topic, code)} ({place}, {year})"
        body = []
        for heading, sentences in zip(headings, paragraphs, strict=True):
            body.append(("heading", {"text": getattr(heading, code), "level": "h2"}))
            text = " ".join(getattr(s, code) for s in sentences)
            body.append(("paragraph", RichText(f"<p>{text}</p>")))
        if code in previous:
            link = previous[code]
            more = f'{getattr(MORE, code)}: <a linktype="page" id="{link.pk}">{link.title}</a>'
            body.append(("paragraph", RichText(f"<p>{more}</p>")))
        fields[code] = {
            "title": title,
            "slug": f"{slugify(title)}-{number}",
            "introduction": getattr(paragraphs[0][0], code),
            "body": body,
            **published,
        }
    return fields


def _published(rng):
    from django.utils import timezone

    when = timezone.now() - timedelta(days=rng.randint(1, 3 * 365), minutes=rng.randint(0, 1440))
    return {"first_published_at": when, "last_published_at": when}


def _analyze(rng):
    """PostgreSQL's planner statistics, as autovacuum gathers them soon after such a load.

    Without them the first queries on the new rows may be planned blind, or
    not, depending on when autovacuum wakes up. SQLite is left as a
    developer's database is: nobody runs ANALYZE there.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return "not on SQLite"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return "statistics gathered"


if __name__ == "__main__":
    sys.exit(main())
