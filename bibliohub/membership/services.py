"""Business rules of joining a network: applications, decisions and memberships."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bibliohub.core.audit import audit_record
from bibliohub.directory.models import Library, LibraryRole, Network, Region
from bibliohub.directory.services import library_create, unique_slug

from .models import Application, Membership
from .tasks import send_application_approved, send_application_received, send_application_rejected


class ApplicationAlreadyDecided(Exception):
    """Someone decided on the application before this decision arrived."""

    def __init__(self, application: Application) -> None:
        super().__init__(f"application {application.pk} is already {application.status}")
        self.application = application


class MembershipChangeError(Exception):
    """A change of membership that cannot be made (e.g. a date before the membership began)."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


# The time zone a new library gets from the country of the network it joins.
COUNTRY_TIMEZONES = {
    "CZ": "Europe/Prague",
    "SI": "Europe/Ljubljana",
    "RS": "Europe/Belgrade",
    "UA": "Europe/Kyiv",
    "SK": "Europe/Bratislava",
}


def application_submit(
    *,
    network: Network,
    library: Library | None,
    library_name: str = "",
    library_type: str = "",
    town: str = "",
    region: Region | None = None,
    contact_name: str,
    contact_role: str,
    email: str,
    phone: str = "",
    note: str = "",
    language: str,
) -> Application:
    """Record an application (consent given) and tell the network's coordinators after commit."""
    with transaction.atomic():
        application = Application.objects.create(
            network=network,
            library=library,
            library_name="" if library else library_name.strip(),
            library_type="" if library else library_type,
            town="" if library else town.strip(),
            region=None if library else region,
            contact_name=contact_name.strip(),
            contact_role=contact_role,
            email=email.strip(),
            phone=phone.strip(),
            note=note.strip(),
            consent=True,
            consent_at=timezone.now(),
            language=language,
        )
        audit_record(
            actor=None,
            action="membership.application_submitted",
            obj=application,
            network=network,
            email=application.email,
        )
        transaction.on_commit(lambda: send_application_received.enqueue(application.pk))
    return application


def _library_from_application(application: Application, actor: Any) -> Library:
    network = application.network
    country = next(
        (n.country for n in [network, *network.ancestors()] if n.country),
        application.region.country if application.region else "",
    ).upper()
    return library_create(
        actor=actor,
        name=application.library_name,
        town=application.town,
        library_type=application.library_type or Library.Type.PUBLIC,
        country=country,
        language=network.language,
        slug=unique_slug(Library, application.library_name),
        region=application.region,
        timezone=COUNTRY_TIMEZONES.get(country, settings.TIME_ZONE),
    )


def _person_for_application(application: Application) -> tuple[Any, bool]:
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.email).first()
    if user is not None:
        return user, False
    language = application.language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    user = User.objects.create_user(
        email=application.email,
        password=None,
        full_name=application.contact_name,
        language=language,
        phone=application.phone,
    )
    return user, True


@transaction.atomic
def application_approve(*, application: Application, actor: Any) -> Membership:
    """Approve: the library (when new), its membership, the person and their role; then e-mail."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("network", "library", "region")
        .get(pk=application.pk)
    )
    if application.status != Application.Status.PENDING:
        raise ApplicationAlreadyDecided(application)
    network = application.network
    today = timezone.localdate()

    library_created = application.library is None
    library = application.library or _library_from_application(application, actor)

    membership, membership_created = Membership.objects.get_or_create(
        library=library,
        network=network,
        defaults={"status": Membership.Status.ACTIVE, "since": today},
    )
    if not membership_created and membership.status != Membership.Status.ACTIVE:
        membership.status = Membership.Status.ACTIVE
        membership.since = today
        membership.until = None
        membership.suspended_on = None
        membership.save(update_fields=["status", "since", "until", "suspended_on"])

    user, user_created = _person_for_application(application)
    role = (
        LibraryRole.Role.DIRECTOR
        if application.contact_role == Application.ContactRole.DIRECTOR
        else LibraryRole.Role.STAFF
    )
    LibraryRole.objects.get_or_create(user=user, library=library, role=role)

    application.library = library
    application.applicant = user
    application.status = Application.Status.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    application.save(update_fields=["library", "applicant", "status", "decided_at", "decided_by"])
    audit_record(
        actor=actor,
        action="membership.application_approved",
        obj=application,
        network=network,
        library_id=library.pk,
        library_created=library_created,
        membership_id=membership.pk,
        user_id=user.pk,
        user_created=user_created,
        role=role,
    )
    transaction.on_commit(lambda: send_application_approved.enqueue(application.pk))
    return membership


@transaction.atomic
def application_reject(*, application: Application, actor: Any, reason: str) -> Application:
    """Reject with a reason, which the applicant reads in their e-mail."""
    reason = reason.strip()
    if not reason:
        raise ValueError("a rejection needs a reason")
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=application.pk)
    )
    if application.status != Application.Status.PENDING:
        raise ApplicationAlreadyDecided(application)
    application.status = Application.Status.REJECTED
    application.reason = reason
    application.decided_at = timezone.now()
    application.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    application.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    audit_record(
        actor=actor,
        action="membership.application_rejected",
        obj=application,
        network=application.network,
        reason=reason,
    )
    transaction.on_commit(lambda: send_application_rejected.enqueue(application.pk))
    return application


@transaction.atomic
def invitation_accept(*, user: Any, password: str) -> None:
    """The person followed their invitation: set the password; the e-mail address is proven."""
    from allauth.account.models import EmailAddress

    user.set_password(password)
    user.save(update_fields=["password"])
    address, _created = EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": True, "primary": True},
    )
    if not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    audit_record(actor=user, action="membership.invitation_accepted", obj=user)


def _locked(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("network", "library")
        .get(pk=membership.pk)
    )


def _check_date(membership: Membership, on: datetime.date) -> None:
    if on < membership.since:
        raise MembershipChangeError(
            _("The date cannot be before the membership began (%(since)s).")
            % {"since": date_format(membership.since, "SHORT_DATE_FORMAT")}
        )
    if on > timezone.localdate():
        raise MembershipChangeError(_("The date cannot be in the future."))


def _audit(membership: Membership, *, actor: Any, action: str, on: datetime.date) -> None:
    audit_record(
        actor=actor, action=action, obj=membership, network=membership.network, on=on.isoformat()
    )


@transaction.atomic
def membership_suspend(*, membership: Membership, actor: Any, on: datetime.date) -> Membership:
    membership = _locked(membership)
    if membership.status != Membership.Status.ACTIVE:
        raise MembershipChangeError(_("Only an active membership can be suspended."))
    _check_date(membership, on)
    membership.status = Membership.Status.SUSPENDED
    membership.suspended_on = on
    membership.save(update_fields=["status", "suspended_on"])
    _audit(membership, actor=actor, action="membership.suspended", on=on)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, actor: Any, on: datetime.date) -> Membership:
    membership = _locked(membership)
    if membership.status == Membership.Status.ENDED:
        raise MembershipChangeError(_("This membership has already ended."))
    _check_date(membership, on)
    membership.status = Membership.Status.ENDED
    membership.until = on
    membership.save(update_fields=["status", "until"])
    _audit(membership, actor=actor, action="membership.ended", on=on)
    return membership


@transaction.atomic
def membership_reactivate(*, membership: Membership, actor: Any, on: datetime.date) -> Membership:
    """A suspended membership resumes; an ended one starts again from the given day."""
    membership = _locked(membership)
    if membership.status == Membership.Status.ACTIVE:
        raise MembershipChangeError(_("This membership is already active."))
    if on > timezone.localdate():
        raise MembershipChangeError(_("The date cannot be in the future."))
    if membership.status == Membership.Status.ENDED:
        membership.since = on
    membership.status = Membership.Status.ACTIVE
    membership.until = None
    membership.suspended_on = None
    membership.save(update_fields=["status", "since", "until", "suspended_on"])
    _audit(membership, actor=actor, action="membership.reactivated", on=on)
    return membership
