"""Changes to the directory: libraries, branches, opening hours, networks and sections."""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from bibliohub.core.audit import audit_record
from bibliohub.core.text import fold

from .models import (
    RESERVED_NETWORK_SLUGS,
    Branch,
    HoursException,
    Library,
    Network,
    OpeningHours,
)

# Letters of other Cyrillic alphabets that Serbian lacks; with them a Cyrillic query still
# meets Cyrillic text after folding (Serbian letters are handled by core.text.fold).
_OTHER_CYRILLIC = str.maketrans(
    {
        "і": "i",
        "ї": "i",
        "є": "e",
        "ґ": "g",
        "й": "j",
        "щ": "št",
        "ь": "",
        "ю": "ju",
        "я": "ja",
        "ы": "y",
        "э": "e",
        "ё": "e",
        "ъ": "",
        "'": "",
        "’": "",
        "ʼ": "",
    }
)

# Ukrainian national transliteration (2010), so "Kyiv" finds "Київ".
_UKRAINIAN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
    "ʼ": "",
}
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def normalise_for_search(text: str) -> str:
    """Lower-case, Cyrillic transliterated to Latin, diacritics removed, spaces collapsed."""
    text = unicodedata.normalize("NFC", (text or "").lower()).translate(_OTHER_CYRILLIC)
    return " ".join(fold(text).split())


def _ukrainian_latin(text: str) -> str:
    out: list[str] = []
    previous = " "
    for char in unicodedata.normalize("NFC", text.lower()):
        if not previous.isalpha() and char in _UKRAINIAN_INITIAL:
            out.append(_UKRAINIAN_INITIAL[char])
        else:
            out.append(_UKRAINIAN.get(char, char))
        previous = char
    return normalise_for_search("".join(out))


def library_search_text(library: Library) -> str:
    parts = [library.name, library.town, library.slug.replace("-", " ")]
    text = normalise_for_search(" ".join(p for p in parts if p))
    if library.language == "uk":
        variant = _ukrainian_latin(" ".join(p for p in parts[:2] if p))
        if variant and variant not in text:
            text = f"{text} {variant}"
    return text[: Library._meta.get_field("search_text").max_length]


def library_refresh_search_text(library: Library) -> None:
    """Recompute the library's search text and store it (without touching other fields)."""
    library.search_text = library_search_text(library)
    if library.pk:
        Library.objects.filter(pk=library.pk).update(search_text=library.search_text)


def _check_fields(fields: Mapping[str, Any], allowed: Iterable[str], what: str) -> None:
    """A caller naming a field the service does not change is a programming error."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown {what} fields: {sorted(unknown)}")


def _apply_changes(obj: Any, fields: Mapping[str, Any]) -> dict[str, list[str]]:
    """Set the fields that differ; return them as {name: [old, new]} for the audit log."""
    changes: dict[str, list[str]] = {}
    for name, value in fields.items():
        old = getattr(obj, name)
        if old != value:
            changes[name] = [str(old), str(value)]
            setattr(obj, name, value)
    return changes


def unique_slug(model: Any, base: str, *, exclude_pk: int | None = None) -> str:
    """A free address from `base`, in Latin letters also for Serbian and Ukrainian names."""
    max_length = model._meta.get_field("slug").max_length
    root = (slugify(normalise_for_search(base)) or "library")[: max_length - 6].strip("-")
    slug, n = root, 2
    reserved = RESERVED_NETWORK_SLUGS if model is Network else frozenset()
    while slug in reserved or model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


def _library_network(library: Library, actor: Any = None) -> Network | None:
    """The network an audit entry about the library belongs to: one the actor coordinates, if any."""
    from bibliohub.core.visibility import coordinated_network_ids
    from bibliohub.membership.models import Membership

    memberships = Membership.objects.filter(
        library=library, status=Membership.Status.ACTIVE
    ).select_related("network")
    coordinated = coordinated_network_ids(actor) if actor is not None else frozenset()
    first = None
    for membership in memberships:
        if membership.network_id in coordinated:
            return membership.network
        first = first or membership.network
    return first


# What a coordinator or director may change on a library, in the order the edit form shows it.
LIBRARY_EDITABLE_FIELDS = (
    "name",
    "library_type",
    "region",
    "founder",
    "population_served",
    "street",
    "postcode",
    "town",
    "country",
    "latitude",
    "longitude",
    "timezone",
    "language",
    "email",
    "phone",
    "website",
    "description",
)
LIBRARY_FIELDS = {"slug", *LIBRARY_EDITABLE_FIELDS}


@transaction.atomic
def library_create(
    *,
    actor: Any = None,
    name: str,
    town: str,
    library_type: str,
    country: str,
    language: str,
    slug: str = "",
    **fields: Any,
) -> Library:
    """Add a library to the directory (a slug is made from the name when none is given)."""
    _check_fields(fields, LIBRARY_FIELDS, "library")
    library = Library(
        name=name,
        town=town,
        library_type=library_type,
        country=country,
        language=language,
        slug=slug or unique_slug(Library, f"{name} {town}" if town not in name else name),
        **fields,
    )
    library.full_clean()
    library.search_text = library_search_text(library)
    library.save()
    audit_record(
        actor=actor, action="library.create", obj=library, network=_library_network(library)
    )
    return library


@transaction.atomic
def library_update(*, library: Library, actor: Any, **fields: Any) -> Library:
    """Change a library's fields; the audit entry lists what changed, from what to what."""
    _check_fields(fields, LIBRARY_FIELDS, "library")
    changes = _apply_changes(library, fields)
    library.full_clean()
    library.search_text = library_search_text(library)
    library.save()
    if changes:
        audit_record(
            actor=actor,
            action="library.update",
            obj=library,
            network=_library_network(library, actor),
            changes=changes,
        )
    return library


BRANCH_FIELDS = {
    "name",
    "street",
    "postcode",
    "town",
    "latitude",
    "longitude",
    "email",
    "phone",
}


@transaction.atomic
def branch_save(
    *, library: Library, actor: Any, branch: Branch | None = None, **fields: Any
) -> Branch:
    """Add a branch to the library, or change one of its branches."""
    _check_fields(fields, BRANCH_FIELDS, "branch")
    created = branch is None
    if branch is None:
        branch = Branch(library=library)
    elif branch.library_id != library.pk:
        raise ValueError("The branch belongs to another library.")
    for name, value in fields.items():
        setattr(branch, name, value)
    branch.full_clean()
    branch.save()
    audit_record(
        actor=actor,
        action="branch.create" if created else "branch.update",
        obj=branch,
        network=_library_network(library, actor),
        library=library.pk,
    )
    return branch


@transaction.atomic
def branch_delete(*, branch: Branch, actor: Any) -> None:
    library = branch.library
    audit_record(
        actor=actor,
        action="branch.delete",
        obj=branch,
        network=_library_network(library, actor),
        library=library.pk,
    )
    branch.delete()


def _as_time(value: Any) -> datetime.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.time):
        return value
    return datetime.time.fromisoformat(str(value))


def _as_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _branch_id(library: Library, value: Any, branch_ids: set[int]) -> int | None:
    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, Branch) else int(value)
    if pk not in branch_ids:
        raise ValueError(f"Branch {pk} does not belong to {library}.")
    return pk


def library_today(library: Library) -> datetime.date:
    from zoneinfo import ZoneInfo

    return timezone.now().astimezone(ZoneInfo(library.timezone)).date()


@transaction.atomic
def library_set_hours(
    *,
    library: Library,
    actor: Any,
    rows: Iterable[Mapping[str, Any]],
    exceptions: Iterable[Mapping[str, Any]],
    today: datetime.date | None = None,
) -> None:
    """Replace the library's regular hours, and its current and coming exceptions.

    `rows`: mappings with service, weekday, opens, closes and optionally branch (a Branch or
    its id). A closing time not after the opening time runs past midnight. `exceptions`:
    mappings with start_date, end_date, closed, opens, closes, reason, and optionally service
    and branch. Exceptions that ended before `today` (in the library's zone) are history and
    are kept as they are.
    """
    today = today or library_today(library)
    branch_ids = set(library.branches.values_list("id", flat=True))
    new_hours = []
    for row in rows:
        item = OpeningHours(
            library=library,
            branch_id=_branch_id(library, row.get("branch"), branch_ids),
            service=row.get("service") or "general",
            weekday=int(row["weekday"]),
            opens=_as_time(row["opens"]),
            closes=_as_time(row["closes"]),
        )
        item.full_clean(exclude=["library", "branch"])
        new_hours.append(item)
    new_exceptions = []
    for row in exceptions:
        item = HoursException(
            library=library,
            branch_id=_branch_id(library, row.get("branch"), branch_ids),
            service=row.get("service") or "",
            start_date=_as_date(row["start_date"]),
            end_date=_as_date(row.get("end_date") or row["start_date"]),
            closed=bool(row.get("closed")),
            opens=_as_time(row.get("opens")),
            closes=_as_time(row.get("closes")),
            reason=row.get("reason") or "",
        )
        item.full_clean(exclude=["library", "branch"])
        new_exceptions.append(item)

    OpeningHours.objects.filter(library=library).delete()
    OpeningHours.objects.bulk_create(new_hours)
    HoursException.objects.filter(library=library, end_date__gte=today).delete()
    HoursException.objects.bulk_create(new_exceptions)
    Library.objects.filter(pk=library.pk).update(updated_at=timezone.now())
    audit_record(
        actor=actor,
        action="library.hours",
        obj=library,
        network=_library_network(library, actor),
        hours=len(new_hours),
        exceptions=len(new_exceptions),
    )


NETWORK_FIELDS = {
    "name",
    "short_name",
    "summary",
    "description",
    "language",
    "email",
    "phone",
    "website",
    "accepts_applications",
    "country",
    "region",
}


@transaction.atomic
def network_update(*, network: Network, actor: Any, **fields: Any) -> Network:
    _check_fields(fields, NETWORK_FIELDS, "network")
    changes = _apply_changes(network, fields)
    network.full_clean()
    network.save()
    if changes:
        audit_record(
            actor=actor, action="network.update", obj=network, network=network, changes=changes
        )
    return network


@transaction.atomic
def network_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    language: str,
    parent: Network | None = None,
    slug: str = "",
    **fields: Any,
) -> Network:
    """Create a network (an administrator's step; coordinators add sections with section_create)."""
    _check_fields(fields, NETWORK_FIELDS, "network")
    network = Network(
        name=name,
        kind=kind,
        language=language,
        parent=parent,
        slug=slug or unique_slug(Network, fields.get("short_name") or name),
        **fields,
    )
    network.full_clean()
    network.save()
    audit_record(actor=actor, action="network.create", obj=network, network=network)
    return network


@transaction.atomic
def section_create(
    *,
    parent: Network,
    actor: Any,
    name: str,
    kind: str = Network.Kind.SECTION,
    slug: str = "",
    **fields: Any,
) -> Network:
    """Create a section or working group under a network."""
    _check_fields(fields, NETWORK_FIELDS, "network")
    fields.setdefault("language", parent.language)
    fields.setdefault("country", parent.country)
    fields.setdefault("region", parent.region)
    section = Network(
        parent=parent,
        name=name,
        kind=kind,
        slug=slug or unique_slug(Network, f"{parent.short_name or parent.name} {name}"),
        **fields,
    )
    section.full_clean()
    section.save()
    audit_record(actor=actor, action="network.create_section", obj=section, network=parent)
    # The actor's cached view of coordinated networks does not know the new section yet.
    from bibliohub.core.visibility import forget

    forget(actor)
    return section
