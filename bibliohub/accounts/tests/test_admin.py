"""The administrator: `createsuperuser` with an e-mail only, people and tokens in the admin,
and the audit log that nobody can change."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from bibliohub.accounts.models import ApiToken
from bibliohub.core.audit import audit_record
from bibliohub.core.models import AuditEntry


@pytest.fixture
def admin_client_by_email(client, django_user_model):
    call_command("createsuperuser", email="admin@bibliohub.example", interactive=False)
    admin = django_user_model.objects.get(email="admin@bibliohub.example")
    admin.set_password("Admin-Secret-123")
    admin.save()
    client.force_login(admin)
    return client


@pytest.mark.django_db
def test_createsuperuser_needs_only_an_email(django_user_model, client):
    call_command("createsuperuser", email="root@bibliohub.example", interactive=False)
    admin = django_user_model.objects.get(email="root@bibliohub.example")
    assert admin.is_superuser and admin.is_staff
    admin.set_password("Admin-Secret-123")
    admin.save()
    response = client.post(
        reverse("account_login"),
        {"login": "root@bibliohub.example", "password": "Admin-Secret-123"},
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_admin_lists_and_edits_people_with_our_fields(admin_client_by_email, member):
    response = admin_client_by_email.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 200
    assert member.email in response.content.decode()
    response = admin_client_by_email.get(reverse("admin:accounts_user_change", args=[member.pk]))
    html = response.content.decode()
    for field in ("email", "full_name", "phone", "language"):
        assert f'name="{field}"' in html


@pytest.mark.django_db
def test_admin_adds_a_person_by_email(admin_client_by_email, django_user_model):
    response = admin_client_by_email.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "new@library.example",
            "usable_password": "true",
            "password1": "Some-Long-Secret-9",
            "password2": "Some-Long-Secret-9",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert django_user_model.objects.filter(email="new@library.example").exists()


@pytest.mark.django_db
def test_api_token_is_read_only_in_the_admin(admin_client_by_email, member):
    token, raw = ApiToken.issue(user=member, name="script")
    url = reverse("admin:accounts_apitoken_change", args=[token.pk])
    html = admin_client_by_email.get(url).content.decode()
    assert token.digest in html
    assert 'name="digest"' not in html
    assert raw not in html
    admin_client_by_email.post(url, {"name": "changed"})
    token.refresh_from_db()
    assert token.name == "script"


@pytest.mark.django_db
def test_audit_log_is_read_only_and_filterable(admin_client_by_email, member, section):
    entry = audit_record(actor=member, action="network.update", obj=section, network=section)
    audit_record(actor=member, action="library.create", obj=section)
    changelist = reverse("admin:core_auditentry_changelist")

    html = admin_client_by_email.get(changelist, {"action": "network.update"}).content.decode()
    assert html.count("network.update") >= 1 and "library.create</td>" not in html
    response = admin_client_by_email.get(changelist, {"network__id__exact": section.pk})
    assert response.status_code == 200

    change_url = reverse("admin:core_auditentry_change", args=[entry.pk])
    assert 'name="action"' not in admin_client_by_email.get(change_url).content.decode()
    assert admin_client_by_email.get(reverse("admin:core_auditentry_add")).status_code == 403
    delete_url = reverse("admin:core_auditentry_delete", args=[entry.pk])
    admin_client_by_email.post(delete_url, {"post": "yes"})
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
