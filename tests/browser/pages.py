"""How a browser reaches each page of the portal, with the data that page needs.

One opener per page, shared by the accessibility checks and the screenshots.
Each ends on the page it names, in the language it is given, and fails if
the portal answered with another page (a redirect to the login or to the MFA
setup, an error) so that no check passes on the wrong page.
"""

import re
from datetime import timedelta
from urllib.parse import urlparse

from allauth.account import app_settings as account_settings
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from accounts.factories import DEFAULT_PASSWORD, InvitationFactory, UserFactory
from knowledge_base.demo.content import (
    DIRECTORY,
    GUIDE_INDEX,
    GUIDES,
    STUDY_VISIT_INDEX,
    STUDY_VISITS,
)
from knowledge_base.models import LocalService
from meetings.models import MeetingKind
from news import services
from news.demo.content import NEWS, NEWS_INDEX, NEWSLETTER_ARCHIVE, newsletter_issue
from news.factories import SubscriberFactory
from partners.demo.pages import PARTNERSHIP
from partners.factories import MembershipFactory
from partners.models import Institution, MembershipRole
from portal.demo.content import ABOUT, FOR_PARTNERS

from .staff_area import recorded_meetings, staff_path
from .support import field_label, label, translated

# A word of the about page's introduction in every language.
SEARCH_WORD_FOUND = "2SoKroG"
SEARCH_WORD_MISSING = "xylofonija"

PAGES = {}


def opener(name):
    """Register the decorated function as the way to open the page ``name``."""

    def register(function):
        PAGES[name] = function
        return function

    return register


def visit(page, path, *, status=200, lands_on=None):
    """Open ``path`` and check the status and address (``path`` unless said) it ends on."""
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}, not {status}"
    landed = urlparse(page.url).path
    assert landed == (lands_on or urlparse(path).path), f"{path} led to {landed}"


def confirm_password(page, language, password=DEFAULT_PASSWORD):
    """Answer allauth's request for the password, which guards MFA settings after a while."""
    expect(page).to_have_url(_path_pattern(f"/{language}/accounts/reauthenticate/"))
    page.get_by_label(label(language, "Password")).fill(password)
    page.get_by_role("button", name=translated(language, "Confirm")).click()


def _path_pattern(path):
    """The page at ``path`` whatever its query string (allauth adds ``next``)."""
    return re.compile(rf"^[^?]*{re.escape(path)}(\?.*)?$")


def demo_institution():
    """A partner of the demo site, so that pages name a real-looking institution."""
    return Institution.objects.get(short_name="CSD Gorenjska")


def member(*, totp=True, role=MembershipRole.MEMBER):
    """A person working for a demo institution, with TOTP set up unless said otherwise."""
    return MembershipFactory(institution=demo_institution(), role=role, user__totp=totp).user


def invitation(token, **fields):
    """An invitation to the demo institution whose link ends in ``token``."""
    return InvitationFactory(token=token, institution=demo_institution(), **fields)


# --- Public pages ------------------------------------------------------------


@opener("home")
def open_home(page, language, log_in):
    visit(page, f"/{language}/")


@opener("partnership")
def open_partnership(page, language, log_in):
    visit(page, f"/{language}/{getattr(PARTNERSHIP.slug, language)}/")


@opener("about")
def open_about(page, language, log_in):
    visit(page, f"/{language}/{getattr(ABOUT.slug, language)}/")


@opener("news-index")
def open_news_index(page, language, log_in):
    visit(page, f"/{language}/{getattr(NEWS_INDEX.slug, language)}/")


@opener("news-item")
def open_news_item(page, language, log_in):
    """The item that announces an upcoming activity: its date and place too."""
    announcing = next(item for item in NEWS if item.texts)
    index, item = getattr(NEWS_INDEX.slug, language), getattr(announcing.slug, language)
    visit(page, f"/{language}/{index}/{item}/")


@opener("newsletter-archive")
def open_newsletter_archive(page, language, log_in):
    visit(page, f"/{language}/{getattr(NEWSLETTER_ARCHIVE.slug, language)}/")


@opener("newsletter-issue")
def open_newsletter_issue(page, language, log_in):
    archive = getattr(NEWSLETTER_ARCHIVE.slug, language)
    issue = getattr(newsletter_issue([]).slug, language)
    visit(page, f"/{language}/{archive}/{issue}/")
    expect(page.get_by_role("main").get_by_role("article").first).to_be_visible()


@opener("guide-index")
def open_guide_index(page, language, log_in):
    visit(page, f"/{language}/{getattr(GUIDE_INDEX.slug, language)}/?topic=information-day")


@opener("guide")
def open_guide(page, language, log_in):
    """The guide with a checklist, numbered steps and a tip, and its related service."""
    guide = GUIDES[0][0]
    visit(
        page, f"/{language}/{getattr(GUIDE_INDEX.slug, language)}/{getattr(guide.slug, language)}/"
    )


@opener("directory")
def open_directory(page, language, log_in):
    visit(page, f"/{language}/{getattr(DIRECTORY.slug, language)}/?region=osjecko-baranjska")


@opener("directory-refused-filter")
def open_directory_refused_filter(page, language, log_in):
    visit(page, f"/{language}/{getattr(DIRECTORY.slug, language)}/?region=atlantida")


@opener("service")
def open_service(page, language, log_in):
    service = LocalService.objects.get(name="Udruga Slap")
    visit(page, f"/{language}/{getattr(DIRECTORY.slug, language)}/{service.pk}/")


@opener("study-visit-index")
def open_study_visit_index(page, language, log_in):
    visit(page, f"/{language}/{getattr(STUDY_VISIT_INDEX.slug, language)}/?year=2019")


@opener("study-visit")
def open_study_visit(page, language, log_in):
    """As partner staff: with what was learned and the follow-ups."""
    log_in(member())
    visit_page = STUDY_VISITS[0][0]
    index, slug = getattr(STUDY_VISIT_INDEX.slug, language), getattr(visit_page.slug, language)
    visit(page, f"/{language}/{index}/{slug}/")
    expect(page.locator(".internal")).to_be_visible()


@opener("newsletter-subscribe")
def open_newsletter_subscribe(page, language, log_in):
    visit(page, f"/{language}/newsletter/subscribe/")


@opener("newsletter-subscribe-refused")
def open_newsletter_subscribe_refused(page, language, log_in):
    """The form sent with a malformed address and no consent: the errors, the address kept."""
    visit(page, f"/{language}/newsletter/subscribe/")
    page.get_by_label(label(language, "E-mail address")).fill("ana@")
    page.get_by_role("button", name=translated(language, "Subscribe")).click()
    expect(page.get_by_role("alert")).to_be_visible()


@opener("newsletter-confirm")
def open_newsletter_confirm(page, language, log_in):
    visit(page, confirmation_link(f"bralka-{language}@example.si", language))


@opener("newsletter-link-used")
def open_newsletter_link_used(page, language, log_in):
    link = confirmation_link(f"bralka-{language}@example.si", language)
    services.subscription_confirm(link.rstrip("/").rsplit("/", 1)[-1])
    visit(page, link, status=409)


@opener("newsletter-unsubscribe")
def open_newsletter_unsubscribe(page, language, log_in):
    reader = SubscriberFactory(language=language)
    visit(page, urlparse(services.unsubscribe_url(reader.email_key, language)).path)


def confirmation_link(email, language):
    """The path of the link in the confirmation e-mail a subscription sends."""
    services.subscription_request(email=email, language=language)
    body = mail.outbox[-1].body
    return urlparse(re.search(r"https?://\S+/newsletter/confirm/\S+/", body).group()).path


@opener("search-results")
def open_search_results(page, language, log_in):
    visit(page, f"/{language}/search/?q={SEARCH_WORD_FOUND}")
    expect(page.get_by_role("main").get_by_role("listitem").first).to_be_visible()


@opener("search-nothing-found")
def open_search_nothing_found(page, language, log_in):
    visit(page, f"/{language}/search/?q={SEARCH_WORD_MISSING}")
    expect(page.get_by_role("main").get_by_role("list")).to_have_count(0)


@opener("login")
def open_login(page, language, log_in):
    visit(page, f"/{language}/accounts/login/")


@opener("password-reset")
def open_password_reset(page, language, log_in):
    visit(page, f"/{language}/accounts/password/reset/")


@opener("password-reset-done")
def open_password_reset_done(page, language, log_in):
    visit(page, f"/{language}/accounts/password/reset/done/")


@opener("password-reset-new-password")
def open_password_reset_new_password(page, language, log_in):
    """The page the reset e-mail links to, reached with a key made as allauth makes it."""
    user = UserFactory()
    token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    uid = user_pk_to_url_str(user)
    visit(
        page,
        f"/{language}/accounts/password/reset/key/{uid}-{token}/",
        lands_on=f"/{language}/accounts/password/reset/key/{uid}-set-password/",
    )


@opener("signup-refused")
def open_signup_refused(page, language, log_in):
    visit(page, f"/{language}/accounts/signup/", status=403)


@opener("not-found")
def open_not_found(page, language, log_in):
    visit(page, f"/{language}/ta-stran-ne-obstaja/", status=404)


@opener("invitation-accept")
def open_invitation_accept(page, language, log_in):
    invitation("browser-accept", email="nova.sodelavka@example.org")
    visit(page, f"/{language}/accounts/invitation/browser-accept/")


@opener("invitation-expired")
def open_invitation_expired(page, language, log_in):
    invitation("browser-expired", expires_at=timezone.now() - timedelta(days=1))
    visit(page, f"/{language}/accounts/invitation/browser-expired/", status=410)


@opener("invitation-used")
def open_invitation_used(page, language, log_in):
    invitation("browser-used", accepted_at=timezone.now())
    visit(page, f"/{language}/accounts/invitation/browser-used/", status=410)


# --- Pages behind the login --------------------------------------------------


@opener("mfa-authenticate")
def open_mfa_authenticate(page, language, log_in):
    """The second step of logging in: the code from the authenticator app."""
    user = member()
    visit(page, f"/{language}/accounts/login/")
    page.get_by_label(label(language, "Email")).fill(user.email)
    page.get_by_label(label(language, "Password")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=translated(language, "Log in"), exact=True).click()
    expect(page).to_have_url(_path_pattern(f"/{language}/accounts/2fa/authenticate/"))


@opener("invitation-form")
def open_invitation_form(page, language, log_in):
    admin = member(role=MembershipRole.INSTITUTION_ADMIN)
    InvitationFactory(invited_by=admin, institution=admin.memberships.get().institution)
    log_in(admin)
    visit(page, f"/{language}/accounts/invitations/new/")


@opener("reauthenticate")
def open_reauthenticate(page, language, log_in):
    log_in(member(totp=False))
    visit(
        page,
        f"/{language}/accounts/2fa/totp/activate/",
        lands_on=f"/{language}/accounts/reauthenticate/",
    )


@opener("mfa-setup")
def open_mfa_setup(page, language, log_in):
    """Where every new member lands until they have an authenticator app."""
    open_reauthenticate(page, language, log_in)
    confirm_password(page, language)
    expect(page).to_have_url(_path_pattern(f"/{language}/accounts/2fa/totp/activate/"))


@opener("mfa-index")
def open_mfa_index(page, language, log_in):
    log_in(member())
    visit(page, f"/{language}/accounts/2fa/")


@opener("recovery-codes")
def open_recovery_codes(page, language, log_in):
    user = member()
    RecoveryCodes.activate(user)
    log_in(user)
    page.goto(f"/{language}/accounts/2fa/recovery-codes/")
    confirm_password(page, language)
    expect(page).to_have_url(_path_pattern(f"/{language}/accounts/2fa/recovery-codes/"))


@opener("account-email")
def open_account_email(page, language, log_in):
    log_in(member())
    visit(page, f"/{language}/accounts/email/")


@opener("members-only")
def open_members_only(page, language, log_in):
    log_in(member())
    visit(page, f"/{language}/{getattr(FOR_PARTNERS.slug, language)}/")


# --- The staff area: a coordinator of CSD Gorenjska working in a cycle --------


@opener("my-work")
def open_my_work(page, language, log_in):
    log_in(recorded_meetings().team.coordinator)
    visit(page, staff_path(language, "my_work"))


@opener("cycle")
def open_cycle(page, language, log_in):
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    visit(page, staff_path(language, "cycle", meetings.team.cycle.pk))


@opener("protocol")
def open_protocol(page, language, log_in):
    """A submitted meeting that the coordinator's institution has still to approve."""
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    visit(page, staff_path(language, "protocol", meetings.mid_term.pk))


@opener("protocol-edit")
def open_protocol_edit(page, language, log_in):
    """The form of an intake meeting, with a row for each participant's goals."""
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    visit(page, staff_path(language, "protocol_edit", meetings.intake.pk))


@opener("protocol-approved")
def open_protocol_approved(page, language, log_in):
    """The intake meeting every institution approved: its filed PDF, its history."""
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    visit(page, staff_path(language, "protocol", meetings.intake.pk))


@opener("protocol-new-recruitment")
def open_protocol_new_recruitment(page, language, log_in):
    """The form of a recruitment meeting: its points instead of participants' rows."""
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    path = staff_path(language, "protocol_create", meetings.team.cycle.pk)
    visit(page, f"{path}?kind={MeetingKind.RECRUITMENT}")


@opener("protocol-amend-refused")
def open_protocol_amend_refused(page, language, log_in):
    """An approved protocol's changes sent without the reason: the form with its errors."""
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    path = staff_path(language, "protocol_edit", meetings.intake.pk)
    visit(page, path)
    page.get_by_label(field_label(language, "decisions")).fill("Popravljen sklep.")
    page.get_by_role("button", name=translated(language, "Save the changes")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert urlparse(page.url).path == path


@opener("participant-edit")
def open_participant_edit(page, language, log_in):
    meetings = recorded_meetings()
    log_in(meetings.team.coordinator)
    visit(page, staff_path(language, "participant_edit", meetings.team.participants[0].pk))
