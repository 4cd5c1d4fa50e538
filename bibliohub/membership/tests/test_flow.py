"""The whole way in: application, coordinator's e-mail, approval, invitation, password, signed in."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import ngettext

from bibliohub.core.models import AuditEntry
from bibliohub.directory.models import Library, LibraryRole
from bibliohub.membership.models import Application, Membership
from bibliohub.membership.services import application_approve

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/join/invitation/[^/\s]+/[^/\s]+/)")


def test_from_application_to_signed_in_member(
    client,
    section,
    section_coordinator,
    new_library_data,
    mailoutbox,
    django_capture_on_commit_callbacks,
    django_user_model,
):
    # 1. A director applies, in Czech.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("membership:apply", kwargs={"network": section.slug}),
            new_library_data,
            HTTP_ACCEPT_LANGUAGE="cs",
        )
    application = Application.objects.get()
    (to_coordinator,) = mailoutbox
    assert to_coordinator.to == ["martina@trinec.example"]
    application_url = reverse("membership:application", kwargs={"pk": application.pk})
    assert f"http://testserver{application_url}" in to_coordinator.body

    # 2. The coordinator sees it waiting and approves it.
    coordinator = Client()
    coordinator.force_login(section_coordinator)
    listing = coordinator.get(reverse("membership:review"))
    assert "Městská knihovna Nymburk" in listing.content.decode()
    # The count in the header, in the coordinator's own language.
    with translation.override(section_coordinator.language):
        waiting = ngettext(
            "%(counter)s application waiting", "%(counter)s applications waiting", 1
        ) % {"counter": 1}
    assert waiting in listing.content.decode()
    assert coordinator.get(application_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        decided = coordinator.post(application_url, {"decision": "approve"})
    assert decided.status_code == 302

    # 3. The library, its membership, the person and their role exist.
    library = Library.objects.get(name="Městská knihovna Nymburk")
    assert library.slug == "mestska-knihovna-nymburk"
    assert (library.town, library.country, library.language) == ("Nymburk", "CZ", "cs")
    assert library.library_type == "public"
    assert library.region_id == application.region_id
    membership = Membership.objects.get(library=library, network=section)
    assert membership.status == Membership.Status.ACTIVE
    person = django_user_model.objects.get(email="jan@nymburk.example")
    assert person.full_name == "Jan Červinka"
    assert person.language == "cs"
    assert not person.has_usable_password()
    assert LibraryRole.objects.filter(
        user=person, library=library, role=LibraryRole.Role.DIRECTOR
    ).exists()
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert application.decided_by == section_coordinator
    assert application.library == library
    assert AuditEntry.objects.filter(
        action="membership.application_approved",
        actor=section_coordinator,
        object_id=str(application.pk),
        network=section,
    ).exists()

    # 4. The applicant gets the invitation, in the language they applied in.
    invitation = mailoutbox[-1]
    assert invitation.to == ["jan@nymburk.example"]
    assert invitation.extra_headers["Content-Language"] == "cs"
    assert "Sekce městských knihoven" in invitation.subject
    path = LINK.search(invitation.body).group(1)
    assert path in invitation.alternatives[0][0]

    # 5. They follow the link, set a password and are signed in, in their language.
    applicant = Client()
    form = applicant.get(path)
    assert form.status_code == 200
    assert "jan@nymburk.example" in form.content.decode()
    done = applicant.post(
        path, {"new_password1": "Knihy-a-kava-2025", "new_password2": "Knihy-a-kava-2025"}
    )
    assert done.status_code == 302
    assert done["Location"].endswith("/accounts/me/")
    assert applicant.session["_auth_user_id"] == str(person.pk)
    assert applicant.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cs"
    person.refresh_from_db()
    assert person.check_password("Knihy-a-kava-2025")
    assert EmailAddress.objects.get(user=person).verified
    assert AuditEntry.objects.filter(action="membership.invitation_accepted", actor=person).exists()
    assert applicant.get(done["Location"]).status_code == 200

    # 6. The link works only once.
    again = Client().get(path)
    assert again.status_code == 400
    html = again.content.decode()
    assert "This link does not work any more" in html
    assert reverse("account_reset_password") in html
    assert 'name="new_password1"' not in html
    refused = Client().post(
        path, {"new_password1": "Other-pass-999", "new_password2": "Other-pass-999"}
    )
    assert refused.status_code == 400
    person.refresh_from_db()
    assert person.check_password("Knihy-a-kava-2025")


def test_a_password_that_does_not_match_is_explained(section, section_coordinator, submit):
    application = submit(section)
    application_approve(application=application, actor=section_coordinator)
    person = Application.objects.get().applicant

    path = reverse(
        "membership:invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    client = Client()
    response = client.post(path, {"new_password1": "Knihy-a-kava-2025", "new_password2": "x"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The link still works after a mistake.
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/join/invitation/xx/yy/", "/join/invitation/MQ/bad-token/"])
def test_a_broken_link_shows_the_way_forward(client, db, path):
    response = client.get(path)
    assert response.status_code == 400
    assert reverse("account_reset_password") in response.content.decode()
