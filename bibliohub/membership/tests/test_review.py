"""Reviewing applications: who may, what a decision does, and what it refuses to do twice."""

import datetime

import pytest
from django.urls import reverse

from bibliohub.core.models import AuditEntry
from bibliohub.directory.models import Library, LibraryRole
from bibliohub.membership.models import Application, Membership
from bibliohub.membership.services import (
    ApplicationAlreadyDecided,
    application_approve,
    application_reject,
    membership_end,
)

pytestmark = pytest.mark.django_db


def detail_url(application):
    return reverse("membership:application", kwargs={"pk": application.pk})


REVIEW_URL = reverse("membership:review")


def test_an_anonymous_visitor_is_sent_to_sign_in(client, section, submit):
    application = submit(section)
    for response in (
        client.get(REVIEW_URL),
        client.get(detail_url(application)),
        client.post(detail_url(application), {"decision": "approve"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_a_non_coordinator_can_neither_list_nor_view_nor_decide(
    client, section, stranger, submit, mailoutbox
):
    application = submit(section)
    client.force_login(stranger)
    assert client.get(REVIEW_URL).status_code == 403
    assert client.get(detail_url(application)).status_code == 403
    assert client.post(detail_url(application), {"decision": "approve"}).status_code == 403
    assert (
        client.post(detail_url(application), {"decision": "reject", "reason": "No"}).status_code
        == 403
    )
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert Library.objects.count() == 0
    assert mailoutbox == []


def test_a_coordinator_of_another_network_sees_none_of_it(
    client, section, other_network, other_coordinator, submit
):
    application = submit(section)
    own = submit(other_network, email="ana@koper.example", library_name="Knjižnica Koper")
    client.force_login(other_coordinator)
    listing = client.get(REVIEW_URL).content.decode()
    assert "Knjižnica Koper" in listing
    assert "Městská knihovna Nymburk" not in listing
    assert client.get(detail_url(application)).status_code == 403
    assert client.post(detail_url(application), {"decision": "approve"}).status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert client.get(detail_url(own)).status_code == 200


def test_the_associations_coordinator_reviews_its_sections_applications(
    client, section, association_coordinator, submit, django_capture_on_commit_callbacks
):
    application = submit(section)
    client.force_login(association_coordinator)
    assert "Městská knihovna Nymburk" in client.get(REVIEW_URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(application), {"decision": "approve"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert application.decided_by == association_coordinator


def test_the_list_puts_waiting_ones_first_and_filters(
    client, section, association, association_coordinator, submit, django_assert_max_num_queries
):
    decided = submit(section, email="a@example.org", library_name="Knihovna Alfa")
    application_reject(application=decided, actor=association_coordinator, reason="Duplicate")
    submit(section, email="b@example.org", library_name="Knihovna Beta")
    submit(association, email="c@example.org", library_name="Knihovna Gama")
    client.force_login(association_coordinator)

    with django_assert_max_num_queries(15):
        html = client.get(REVIEW_URL).content.decode()
    assert "2 applications are waiting for a decision." in html
    assert "3 applications" in html
    assert html.index("Knihovna Gama") < html.index("Knihovna Alfa")
    assert html.index("Knihovna Beta") < html.index("Knihovna Alfa")

    html = client.get(REVIEW_URL, {"status": "rejected"}).content.decode()
    assert "Knihovna Alfa" in html
    assert "Knihovna Beta" not in html

    html = client.get(REVIEW_URL, {"network": section.pk}).content.decode()
    assert "Knihovna Beta" in html
    assert "Knihovna Gama" not in html


def test_rejection_needs_a_reason(
    in_english,
    client,
    section,
    section_coordinator,
    submit,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    application = submit(section)
    client.force_login(section_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(application), {"decision": "reject", "reason": "  "})
    assert response.status_code == 200
    assert "Say why the application is rejected." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert mailoutbox == []


def test_rejection_tells_the_applicant_why_in_their_language(
    client, section, section_coordinator, submit, mailoutbox, django_capture_on_commit_callbacks
):
    application = submit(section, language="uk")
    mailoutbox.clear()
    client.force_login(section_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail_url(application),
            {"decision": "reject", "reason": "The section is for municipal libraries only."},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.reason == "The section is for municipal libraries only."
    (message,) = mailoutbox
    assert message.to == ["jan@nymburk.example"]
    assert message.extra_headers["Content-Language"] == "uk"
    assert "The section is for municipal libraries only." in message.body
    assert "Sekce městských knihoven" in message.subject
    assert Library.objects.count() == 0
    entry = AuditEntry.objects.get(action="membership.application_rejected")
    assert entry.actor == section_coordinator
    assert entry.data["reason"] == "The section is for municipal libraries only."


def test_deciding_twice_changes_nothing(
    in_english,
    client,
    section,
    section_coordinator,
    submit,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    application = submit(section)
    client.force_login(section_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(application), {"decision": "approve"})
    sent = len(mailoutbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(application), {"decision": "approve"}, follow=True)
        client.post(detail_url(application), {"decision": "reject", "reason": "Oops"})
    assert "already decided" in response.content.decode()
    assert Library.objects.count() == 1
    assert Membership.objects.count() == 1
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert len(mailoutbox) == sent

    with pytest.raises(ApplicationAlreadyDecided):
        application_approve(application=application, actor=section_coordinator)
    assert Library.objects.count() == 1
    assert AuditEntry.objects.filter(action="membership.application_approved").count() == 1


def test_an_existing_library_and_a_person_with_a_password_are_reused(
    section,
    section_coordinator,
    trinec,
    submit,
    django_user_model,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    person = django_user_model.objects.create_user(
        email="martin@trinec.example", password="Already-Has-One-7", language="en"
    )
    application = submit(
        section, library=trinec, email="Martin@Trinec.example", contact_role="other"
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership = application_approve(application=application, actor=section_coordinator)

    assert membership.library == trinec
    assert Library.objects.count() == 1
    assert django_user_model.objects.count() == 2  # the coordinator and Martin, nobody new
    assert LibraryRole.objects.filter(user=person, library=trinec, role="staff").exists()
    (message,) = mailoutbox
    assert message.to == ["Martin@Trinec.example"]
    assert "/join/invitation/" not in message.body
    assert "http://testserver/accounts/login/" in message.body


def test_approval_brings_back_a_former_member(section, section_coordinator, trinec, submit):
    old = Membership.objects.create(
        library=trinec, network=section, since=datetime.date(2020, 1, 1)
    )
    membership_end(membership=old, actor=section_coordinator, on=old.since)
    application = submit(section, library=trinec)

    membership = application_approve(application=application, actor=section_coordinator)

    assert membership.pk == old.pk
    assert membership.status == Membership.Status.ACTIVE
    assert membership.until is None


def test_cyrillic_names_get_a_latin_address(other_network, other_coordinator, submit):
    application = submit(
        other_network,
        library_name="Народна библиотека Бора Станковић",
        town="Врање",
        email="vranje@example.org",
    )
    membership = application_approve(application=application, actor=other_coordinator)
    assert membership.library.slug == "narodna-biblioteka-bora-stankovic"
    assert membership.library.timezone == "Europe/Ljubljana"


def test_approval_that_cannot_make_the_library_says_why_and_saves_nothing(
    client, in_english, django_user_model
):
    from bibliohub.directory.models import Library, Network, NetworkRole
    from bibliohub.membership.models import Application

    network = Network.objects.create(
        name="Working group without a country", slug="wg", kind="working_group", language="en"
    )
    coordinator = django_user_model.objects.create_user(
        email="coord@example.org", password="Quite-Long-Secret-42"
    )
    NetworkRole.objects.create(user=coordinator, network=network, role="coordinator")
    application = Application.objects.create(
        network=network,
        library_name="Knihovna Nikde",
        town="Nikde",
        contact_name="Eva",
        contact_role="director",
        email="eva@example.org",
        consent=True,
    )
    client.force_login(coordinator)
    url = reverse("membership:application", kwargs={"pk": application.pk})
    page = client.post(url, {"decision": "approve"}, follow=True).content.decode()
    assert "could not be approved" in page
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert not Library.objects.filter(name="Knihovna Nikde").exists()
