"""Fixtures shared by every app's tests."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("BIBLIOHUB_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request in another language leaves that
    language active in the thread, which would make later tests depend on the order they run."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test starts with an empty cache (the database cache, as in production), so that the
    sign-in rate limits one test provokes do not leak into the next."""
    names = set(request.fixturenames)
    if request.node.get_closest_marker("django_db") is None:
        if "transactional_db" in names or "live_server" in names:
            request.getfixturevalue("transactional_db")
        elif "db" in names:
            request.getfixturevalue("db")
        else:
            return
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def chromium(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser tab (its own cookies) pointed at the live test server."""
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def new_page(chromium, live_server):
    """Open more tabs with their own cookies, e.g. a coordinator beside an applicant."""
    contexts = []

    def open_tab(locale: str = "en-GB"):
        context = chromium.new_context(base_url=live_server.url, locale=locale)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def axe_violations(tab, *, impacts=("serious", "critical")):
    """Run axe-core on the page and return the violations of the given impacts."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


@pytest.fixture(scope="session", autouse=True)
def _test_media_removed():
    """Files uploaded during the run live in a temporary folder (settings_test), removed at the end."""
    yield
    import shutil

    from django.conf import settings

    if "bibliohub-test-media-" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
