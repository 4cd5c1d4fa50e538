"""Object permissions (django-rules): who may change what. Reading goes through visibility.py."""

from typing import Any

import rules

from .visibility import coordinated_network_ids, direct_network_ids


@rules.predicate
def coordinates_network(user: Any, network: Any) -> bool:
    return network is not None and network.pk in coordinated_network_ids(user)


@rules.predicate
def is_network_member(user: Any, network: Any) -> bool:
    from .visibility import member_network_ids

    return network is not None and network.pk in member_network_ids(user)


@rules.predicate
def directs_library(user: Any, library: Any) -> bool:
    if library is None or not user.is_authenticated:
        return False
    from bibliohub.directory.models import LibraryRole

    return LibraryRole.objects.filter(
        user=user, library=library, role=LibraryRole.Role.DIRECTOR
    ).exists()


@rules.predicate
def coordinates_library(user: Any, library: Any) -> bool:
    """The library is an active member of a network the person coordinates."""
    if library is None or not user.is_authenticated:
        return False
    from bibliohub.membership.models import Membership

    return Membership.objects.filter(
        library=library,
        status=Membership.Status.ACTIVE,
        network_id__in=coordinated_network_ids(user),
    ).exists()


@rules.predicate
def belongs_to_network(user: Any, network: Any) -> bool:
    return network is not None and network.pk in direct_network_ids(user)


is_admin = rules.is_superuser

rules.add_perm("directory.change_network", is_admin | coordinates_network)
rules.add_perm("directory.view_network_people", is_admin | is_network_member)
rules.add_perm("directory.change_library", is_admin | directs_library | coordinates_library)
rules.add_perm("membership.review_applications", is_admin | coordinates_network)
