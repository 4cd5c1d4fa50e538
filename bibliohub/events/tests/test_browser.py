"""In a real browser: a member registers for the AI academy, finds it in "my events", downloads
the calendar file and, once attendance is marked, the certificate. The event list, the event page
and the registration form pass axe-core without serious or critical violations."""

import io
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from bibliohub.directory.models import LibraryRole
from bibliohub.events.models import Event, Registration
from bibliohub.events.services import SessionData, attendance_set, event_update
from conftest import axe_violations

from .conftest import PASSWORD, in_days, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_member(django_user_model, library):
    user = person(django_user_model, "petra@kjm.example", language="en", full_name="Petra Malá")
    LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.STAFF)
    return user


@pytest.fixture
def academy(make_event, coordinator):
    event = make_event(
        title="AI akademie pro vedení knihoven",
        kind=Event.Kind.COURSE,
        mode=Event.Mode.HYBRID,
        capacity=20,
        training_hours=8,
        online_url="https://meet.example/ai-akademie",
        sessions=[
            SessionData(starts_at=in_days(21, 10), ends_at=in_days(21, 16), title="Živě v Brně"),
            SessionData(
                starts_at=in_days(28, 10), ends_at=in_days(28, 12), online=True, title="Online 1"
            ),
            SessionData(
                starts_at=in_days(42, 10), ends_at=in_days(42, 12), online=True, title="Online 2"
            ),
        ],
    )
    event_update(
        actor=coordinator,
        event=event,
        questions=[{"text": "Diet", "required": True, "choices": "Regular\nVegetarian"}],
    )
    return event


def test_member_registers_downloads_calendar_and_certificate(page, english_member, academy):
    page.goto("/events/")
    assert page.get_by_role("heading", name="Events", exact=True).is_visible()
    assert axe_violations(page) == []

    page.goto(f"/accounts/login/?next=/events/{academy.slug}/")
    page.get_by_label("Email", exact=True).fill(english_member.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/events/{academy.slug}/")
    assert page.get_by_role("heading", name="AI akademie pro vedení knihoven").is_visible()
    assert page.get_by_text("meet.example/ai-akademie").count() == 0
    assert axe_violations(page) == []

    page.get_by_role("link", name="Register", exact=True).click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Register").click()  # the required question is unanswered
    assert page.get_by_text("Please correct the errors below").is_visible()
    page.get_by_label("Diet").select_option("Vegetarian")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(f"**/events/{academy.slug}/")
    assert page.get_by_text("You are registered.", exact=True).is_visible()
    assert page.get_by_role("link", name="https://meet.example/ai-akademie").first.is_visible()

    page.goto("/events/mine/")
    assert page.get_by_role("link", name="AI akademie pro vedení knihoven").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").first.click()
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    sessions = [c for c in calendar.walk("VEVENT")]
    assert len(sessions) == 3
    assert any("meet.example/ai-akademie" in str(c.get("description", "")) for c in sessions)

    registration = Registration.objects.get(event=academy, user=english_member)
    assert registration.answers == {str(academy.questions.get().pk): "Vegetarian"}
    attendance_set(actor=None, event=academy, attended_ids=[registration.pk])

    page.goto(f"/events/{academy.slug}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my certificate (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Petra Malá" in text
    assert "AI akademie pro vedení knihoven" in text
