"""Applying to join a network: the public form, its validation and the coordinators' e-mail."""

import pytest
from django.urls import reverse

from bibliohub.core.models import AuditEntry
from bibliohub.directory.models import Library, Network
from bibliohub.directory.services import library_create
from bibliohub.membership.models import Application
from bibliohub.membership.services import application_approve

pytestmark = pytest.mark.django_db


def apply_url(network):
    return reverse("membership:apply", kwargs={"network": network.slug})


def test_the_form_offers_the_libraries_of_the_networks_country(client, section, trinec):
    library_create(
        name="Knjižnica Koper", town="Koper", library_type="public", country="SI", language="sl"
    )
    response = client.get(apply_url(section))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sekce městských knihoven" in html
    assert f'<option value="{trinec.pk}">Knihovna Třinec, Třinec</option>' in html
    assert "Knjižnica Koper" not in html
    assert 'name="consent"' in html
    # The trap for bots is hidden from people and their assistive technology.
    assert 'aria-hidden="true"' in html
    assert 'tabindex="-1"' in html


def test_a_new_library_applies_and_every_coordinator_is_told_in_their_language(
    client,
    section,
    section_coordinator,
    association_coordinator,
    other_coordinator,
    new_library_data,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(section), new_library_data, HTTP_ACCEPT_LANGUAGE="cs")

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "membership:apply_done", kwargs={"network": section.slug}
    )
    application = Application.objects.get()
    assert application.status == Application.Status.PENDING
    assert application.library is None
    assert application.library_name == "Městská knihovna Nymburk"
    assert application.language == "cs"
    assert application.consent is True
    assert application.consent_at is not None
    assert AuditEntry.objects.filter(
        action="membership.application_submitted", object_id=str(application.pk)
    ).exists()

    # The section's coordinator and the association's, not the other network's.
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"martina@trinec.example", "board@sdruk.example"}
    link = f"http://testserver/join/review/{application.pk}/"
    for message in mailoutbox:
        assert "Městská knihovna Nymburk" in message.subject
        assert link in message.body
        assert "Jan Červinka" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert f'href="{link}"' in html
    assert by_recipient["martina@trinec.example"].extra_headers["Content-Language"] == "cs"
    assert by_recipient["board@sdruk.example"].extra_headers["Content-Language"] == "en"

    done = client.get(response["Location"])
    assert "What happens next" in done.content.decode()


def test_without_coordinators_the_networks_address_is_told(
    client, association, new_library_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(association), new_library_data)
    assert [m.to for m in mailoutbox] == [["info@sdruk.example"]]
    assert mailoutbox[0].extra_headers["Content-Language"] == "cs"


def test_an_existing_library_is_picked(
    client, section, section_coordinator, trinec, mailoutbox, django_capture_on_commit_callbacks
):
    data = {
        "library": str(trinec.pk),
        "contact_name": "Martin Novák",
        "contact_role": "staff",
        "email": "martin@trinec.example",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(section), data)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.library == trinec
    assert application.library_name == ""
    assert "Knihovna Třinec" in mailoutbox[0].subject


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"consent": ""}, "consent", "We can only handle your application with your consent."),
        (
            {"library_name": "", "town": ""},
            "library_name",
            "Pick your library from the list, or give the name of a new one here.",
        ),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"contact_name": ""}, "contact_name", "This field is required."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_lost(
    client, section, new_library_data, mailoutbox, change, field, message
):
    data = {**new_library_data, **change}
    response = client.post(apply_url(section), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    # What was typed is still there.
    for name in ("contact_name", "email", "library_name", "town"):
        if data[name]:
            assert f'value="{data[name]}"' in html
    assert "Rádi bychom se zapojili do mentoringu." in html
    assert Application.objects.count() == 0
    assert mailoutbox == []


def test_a_second_pending_application_from_the_same_address_is_refused(
    client, section, new_library_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(section), new_library_data)
    mailoutbox.clear()

    response = client.post(apply_url(section), {**new_library_data, "email": "JAN@nymburk.example"})

    assert response.status_code == 200
    assert "is already waiting for a decision" in response.content.decode()
    assert Application.objects.count() == 1
    assert mailoutbox == []


def test_the_same_person_may_apply_to_another_network(
    client, section, association, new_library_data
):
    client.post(apply_url(section), new_library_data)
    response = client.post(apply_url(association), new_library_data)
    assert response.status_code == 302
    assert Application.objects.count() == 2


def test_a_network_that_takes_no_applications_says_so(client, section, new_library_data):
    Network.objects.filter(pk=section.pk).update(accepts_applications=False)

    response = client.get(apply_url(section))
    assert response.status_code == 404
    assert "does not take applications" in response.content.decode()

    response = client.post(apply_url(section), new_library_data)
    assert response.status_code == 404
    assert Application.objects.count() == 0


def test_an_unknown_network_is_not_found(client, db):
    assert client.get("/join/no-such-network/").status_code == 404


def test_a_bot_that_fills_the_trap_gets_nowhere(
    client, section, section_coordinator, new_library_data, mailoutbox
):
    response = client.post(
        apply_url(section), {**new_library_data, "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert Application.objects.count() == 0
    assert Library.objects.count() == 0
    assert mailoutbox == []


def test_the_type_of_a_new_library_may_be_left_to_the_coordinators(
    client, section, section_coordinator, new_library_data
):
    response = client.post(apply_url(section), {**new_library_data, "library_type": ""})
    assert response.status_code == 302
    membership = application_approve(
        application=Application.objects.get(), actor=section_coordinator
    )
    assert membership.library.library_type == Library.Type.PUBLIC


def test_a_signed_in_person_finds_their_name_and_address_filled_in(client, section, stranger):
    stranger.full_name = "Ana Horvat"
    stranger.save()
    client.force_login(stranger)
    html = client.get(apply_url(section)).content.decode()
    assert 'value="Ana Horvat"' in html
    assert 'value="someone@example.org"' in html
