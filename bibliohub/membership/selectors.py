"""Read queries for memberships and applications."""

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When

from bibliohub.core.visibility import coordinated_network_ids
from bibliohub.directory.models import Library, Network, NetworkRole, Region

from .models import Application, Membership


def applications_for_reviewer(user: Any) -> QuerySet[Application]:
    """Applications to the networks the person coordinates (sections included)."""
    return Application.objects.filter(network_id__in=coordinated_network_ids(user)).select_related(
        "network", "library", "region", "decided_by"
    )


def applications_to_review(
    user: Any, *, status: str = "", network_id: int | None = None
) -> QuerySet[Application]:
    """The reviewer's list: waiting applications first, then the newest."""
    applications = applications_for_reviewer(user)
    if status:
        applications = applications.filter(status=status)
    if network_id is not None:
        applications = applications.filter(network_id=network_id)
    waiting_first = Case(
        When(status=Application.Status.PENDING, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return applications.order_by(waiting_first, "-created_at", "-pk")


def waiting_application_count(user: Any) -> int:
    if not coordinated_network_ids(user):
        return 0
    return applications_for_reviewer(user).filter(status=Application.Status.PENDING).count()


def coordinated_networks(user: Any) -> QuerySet[Network]:
    return Network.objects.filter(id__in=coordinated_network_ids(user)).order_by("name")


def pending_application_exists(*, network: Network, email: str) -> bool:
    return Application.objects.filter(
        network=network, email__iexact=email, status=Application.Status.PENDING
    ).exists()


def coordinators_to_notify(network: Network) -> list[tuple[str, str]]:
    """(e-mail, language) of the coordinators of the network and of every network above it.

    When nobody coordinates them, the contact address of the network (or of the nearest network
    above it that has one) gets the message, in the network's language.
    """
    chain = [network, *network.ancestors()]
    roles = (
        NetworkRole.objects.filter(
            network__in=chain, role=NetworkRole.Role.COORDINATOR, user__is_active=True
        )
        .select_related("user")
        .order_by("user__email")
    )
    seen: set[str] = set()
    recipients: list[tuple[str, str]] = []
    for role in roles:
        email = role.user.email
        if email and email.lower() not in seen:
            seen.add(email.lower())
            recipients.append((email, role.user.language or network.language))
    if not recipients:
        for node in chain:
            if node.email:
                recipients.append((node.email, node.language or network.language))
                break
    return recipients


def libraries_for_application(network: Network) -> QuerySet[Library]:
    """Libraries an applicant may pick: those of the network's country."""
    libraries = Library.objects.only("id", "name", "town").order_by("name", "town")
    if network.country:
        libraries = libraries.filter(country__iexact=network.country)
    return libraries


def regions_for_application(network: Network) -> QuerySet[Region]:
    regions = Region.objects.order_by("name")
    if network.country:
        regions = regions.filter(country__iexact=network.country)
    return regions


def network_memberships(network: Network) -> QuerySet[Membership]:
    order = Case(
        When(status=Membership.Status.ACTIVE, then=Value(0)),
        When(status=Membership.Status.SUSPENDED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.filter(network=network)
        .select_related("library")
        .order_by(order, "library__name")
    )


def active_memberships(**filters: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(status=Membership.Status.ACTIVE, **filters)
