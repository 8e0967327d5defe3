"""What people do on the portal, done in a real browser as they would do it.

Elements are found by their role and accessible name, or by their label, so
each step also proves that a screen reader user could find the same control.
"""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.core import mail

from accounts.factories import totp_activate
from partners.demo.pages import PARTNERSHIP
from partners.factories import MembershipFactory
from partners.models import Membership
from portal.demo.content import HOME

from .pages import confirm_password, invitation
from .support import account_menu, label, totp_code, translated

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PASSWORD = "a-new-password-for-the-portal-7"  # noqa: S105


def test_home_page_opens_in_the_browsers_language(page):
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/sl/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME.title.sl)
    expect(page.locator("html")).to_have_attribute("lang", "sl")


def test_language_switcher_leads_to_the_translated_page(page):
    page.goto(f"/sl/{PARTNERSHIP.slug.sl}/")

    switcher = page.get_by_role("navigation", name=translated("sl", "Choose language"))
    switcher.get_by_role("link", name="Hrvatski").click()

    expect(page).to_have_url(re.compile(rf"/hr/{PARTNERSHIP.slug.hr}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "hr")
    expect(page.get_by_role("heading", level=1)).to_have_text(PARTNERSHIP.title.hr)
    expect(page.get_by_text(PARTNERSHIP.introduction.hr)).to_be_visible()


def test_invited_person_creates_an_account_sets_up_totp_and_logs_out(page):
    language = "sl"
    invited = invitation("browser-flow-invitation", email="nova.sodelavka@example.org")

    page.goto(f"/{language}/accounts/invitation/browser-flow-invitation/")
    page.get_by_label(label(language, "First name")).fill("Nina")
    page.get_by_label(label(language, "Last name")).fill("Kovač")
    page.get_by_label(label(language, "Password")).fill(NEW_PASSWORD)
    page.get_by_label(label(language, "Password confirmation")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=translated(language, "Create my account")).click()

    # Joining logs the person in and sends them to the TOTP setup, through a
    # password prompt if allauth no longer counts the login as recent.
    expect(page).to_have_url(re.compile(r"/accounts/(reauthenticate|2fa/totp/activate)/"))
    if "/reauthenticate/" in page.url:
        confirm_password(page, language, NEW_PASSWORD)
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/totp/activate/$"))
    secret_field = page.get_by_label(label(language, "Authenticator secret"))
    # Read-only, not disabled: a phone cannot scan its own screen, so people copy the secret.
    expect(secret_field).to_be_enabled()
    secret = secret_field.input_value()
    page.get_by_label(label(language, "Authenticator code")).fill(totp_code(secret))
    page.get_by_role("button", name=translated(language, "Activate")).click()

    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/recovery-codes/$"))
    codes = page.get_by_label(label(language, "Unused codes")).input_value().split()
    assert len(codes) == settings.MFA_RECOVERY_CODE_COUNT
    assert Membership.objects.filter(
        user__email=invited.email, institution=invited.institution, role=invited.role
    ).exists()
    expect(account_menu(page, language).get_by_role("link", name=invited.email)).to_be_visible()

    account_menu(page, language).get_by_role("button", name=translated(language, "Log out")).click()

    expect(
        account_menu(page, language).get_by_role("link", name=translated(language, "Log in"))
    ).to_be_visible()
    expect(account_menu(page, language).get_by_role("link", name=invited.email)).to_have_count(0)


def test_forgotten_password_is_reset_through_the_e_mailed_link(page):
    language = "hr"
    user = MembershipFactory(user__email="zaboravljiva@example.org").user
    secret = totp_activate(user)

    page.goto(f"/{language}/accounts/password/reset/")
    page.get_by_label(label(language, "Email")).fill(user.email)
    page.get_by_role("button", name=translated(language, "Reset My Password")).click()
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/password/reset/done/$"))

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/password/reset/key/\S+", message.body)[0]
    page.goto(link)
    page.get_by_label(label(language, "New Password")).fill(NEW_PASSWORD)
    page.get_by_label(label(language, "New Password (again)")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=translated(language, "Change Password")).click()
    expect(page.get_by_text(translated(language, "Your password is now changed."))).to_be_visible()

    page.goto(f"/{language}/accounts/login/")
    page.get_by_label(label(language, "Email")).fill(user.email)
    page.get_by_label(label(language, "Password")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=translated(language, "Log in"), exact=True).click()
    page.get_by_label(label(language, "Code")).fill(totp_code(secret))
    page.get_by_role("button", name=translated(language, "Sign In")).click()

    # Staff of an institution land on their work.
    expect(page).to_have_url(re.compile(rf"/{language}/meetings/$"))
    expect(account_menu(page, language).get_by_role("link", name=user.email)).to_be_visible()
