"""Read queries about one person: their libraries, networks, roles, tokens and personal data."""

from dataclasses import dataclass, field
from typing import Any

from allauth.mfa.models import Authenticator
from django.db.models import Q, QuerySet
from django.utils import timezone

from bibliohub.core.visibility import coordinated_network_ids, direct_network_ids
from bibliohub.directory.models import LibraryRole, Network, NetworkRole
from bibliohub.membership.models import Application, Membership
from bibliohub.membership.selectors import waiting_application_count

from .models import ApiToken, User


@dataclass
class NetworkTie:
    """A network the person belongs to directly, and how: through libraries, through roles."""

    network: Network
    libraries: list[Any] = field(default_factory=list)
    roles: list[NetworkRole] = field(default_factory=list)


def library_roles_of(user: User) -> QuerySet[LibraryRole]:
    return (
        LibraryRole.objects.filter(user=user)
        .select_related("library")
        .order_by("library__name", "role")
    )


def network_roles_of(user: User) -> QuerySet[NetworkRole]:
    return (
        NetworkRole.objects.filter(user=user)
        .select_related("network")
        .order_by("network__name", "role")
    )


def network_ties_of(user: User) -> list[NetworkTie]:
    """The person's direct networks (as `visibility.direct_network_ids` counts them), explained."""
    ids = direct_network_ids(user)
    if not ids:
        return []
    ties = {n.pk: NetworkTie(network=n) for n in Network.objects.filter(pk__in=ids)}
    memberships = (
        Membership.objects.filter(
            status=Membership.Status.ACTIVE, library__roles__user=user, network_id__in=ids
        )
        .select_related("library")
        .order_by("library__name")
        .distinct()
    )
    for membership in memberships:
        libraries = ties[membership.network_id].libraries
        if membership.library not in libraries:
            libraries.append(membership.library)
    for role in NetworkRole.objects.filter(user=user, network_id__in=ids):
        ties[role.network_id].roles.append(role)
    return sorted(ties.values(), key=lambda tie: tie.network.name.casefold())


def has_second_factor(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_second_factor_prompt(user: User) -> bool:
    """Coordinators and staff hold other people's data: nudge them until they use a second factor."""
    if not (user.is_staff or user.is_superuser or coordinated_network_ids(user)):
        return False
    return not has_second_factor(user)


def dashboard_for(user: User) -> dict[str, Any]:
    coordinates = bool(coordinated_network_ids(user))
    return {
        "library_roles": list(library_roles_of(user)),
        "network_ties": network_ties_of(user),
        "network_roles": list(network_roles_of(user)),
        "is_coordinator": coordinates,
        "waiting_count": waiting_application_count(user) if coordinates else 0,
        "second_factor_prompt": needs_second_factor_prompt(user),
    }


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data_of(user: User) -> dict[str, Any]:
    """Everything BiblioHub keeps about the person themself, as plain JSON-ready data."""
    applications = (
        Application.objects.filter(Q(email__iexact=user.email) | Q(applicant=user))
        .select_related("network", "library")
        .order_by("created_at")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "phone": user.phone,
            "language": user.language,
            "time_zone": user.time_zone,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "library_roles": [
            {
                "library": role.library.name,
                "library_slug": role.library.slug,
                "role": role.role,
                "title": role.title,
            }
            for role in library_roles_of(user)
        ],
        "network_roles": [
            {
                "network": role.network.name,
                "network_slug": role.network.slug,
                "role": role.role,
                "title": role.title,
            }
            for role in network_roles_of(user)
        ],
        "applications": [
            {
                "network": a.network.name,
                "library": a.display_library_name,
                "town": a.town,
                "contact_name": a.contact_name,
                "contact_role": a.contact_role,
                "email": a.email,
                "phone": a.phone,
                "note": a.note,
                "consent": a.consent,
                "consent_at": _when(a.consent_at),
                "language": a.language,
                "status": a.status,
                "sent_at": _when(a.created_at),
                "decided_at": _when(a.decided_at),
                "reason": a.reason,
            }
            for a in applications
        ],
        "event_registrations": _event_registrations(user),
        "api_tokens": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "created_at": _when(t.created_at),
                "last_used_at": _when(t.last_used_at),
            }
            for t in api_tokens_of(user)
        ],
        "second_factor": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
    }


def _event_registrations(user: User) -> list[dict[str, Any]]:
    from bibliohub.events.models import Registration

    registrations = (
        Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("event", "library")
        .order_by("created_at")
    )
    return [
        {
            "event": r.event.title,
            "event_slug": r.event.slug,
            "name": r.name,
            "email": r.email,
            "library": r.library.name if r.library else None,
            "organisation": r.organisation,
            "status": r.status,
            "answers": r.answers,
            "attended": r.attended,
            "registered_at": _when(r.created_at),
            "cancelled_at": _when(r.cancelled_at),
        }
        for r in registrations
    ]
