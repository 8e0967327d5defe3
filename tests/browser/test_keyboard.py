"""The portal works with the keyboard alone, and shows where the focus is.

People who cannot use a mouse (or a touch screen) move with Tab and act with
Enter; everyone else who can see needs to see which element has the focus.
"""

import pytest
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from partners.demo.pages import PARTNERSHIP
from portal.demo.content import ABOUT

from .support import label, translated

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGE = "sl"
LOGIN_PATH = f"/{LANGUAGE}/accounts/login/"
# More than the login page has, so that a focus trap fails instead of looping.
MAX_TAB_STOPS = 40

FOCUSED_ELEMENT = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const label = element.labels && element.labels.length ? element.labels[0].textContent : "";
    return {
        tag: element.tagName.toLowerCase(),
        name: (label || element.textContent).replace(/\\s+/g, " ").trim().replace(/:$/, ""),
        outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    };
}"""


def test_first_tab_stop_is_the_skip_link_which_leads_past_the_header(page):
    page.goto(LOGIN_PATH)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name=translated(LANGUAGE, "Skip to main content"))
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert page.evaluate(FOCUSED_ELEMENT)["outlined"]

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.get_by_label(label(LANGUAGE, "Email"))).to_be_focused()


def test_keyboard_alone_reaches_the_navigation_and_logs_in(page):
    user = UserFactory()
    page.goto(LOGIN_PATH)

    stops = []
    while len(stops) < MAX_TAB_STOPS:
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED_ELEMENT)
        stops.append(stop)
        assert stop["outlined"], f"no visible focus indicator on {stop}"
        if stop["tag"] == "input" and stop["name"] == translated(LANGUAGE, "Email"):
            page.keyboard.type(user.email)
        elif stop["tag"] == "input" and stop["name"] == translated(LANGUAGE, "Password"):
            page.keyboard.type(DEFAULT_PASSWORD)
        elif stop["tag"] == "button" and stop["name"] == translated(LANGUAGE, "Log in"):
            break

    reached = [(stop["tag"], stop["name"]) for stop in stops]
    expected = [
        ("a", "Slovenščina"),
        ("a", "Hrvatski"),
        ("a", "English"),
        ("a", translated(LANGUAGE, "Home")),
        ("a", PARTNERSHIP.title.sl),
        ("a", ABOUT.title.sl),
        ("input", translated(LANGUAGE, "Email")),
        ("input", translated(LANGUAGE, "Password")),
        ("button", translated(LANGUAGE, "Log in")),
    ]
    assert [stop for stop in reached if stop in expected] == expected, reached

    page.keyboard.press("Enter")

    account_menu = page.get_by_role("navigation", name=translated(LANGUAGE, "Your account"))
    expect(account_menu.get_by_role("link", name=user.email)).to_be_visible()
