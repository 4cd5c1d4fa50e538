"""The shapes of the API's answers."""

import datetime

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class RegionOut(Schema):
    slug: str
    name: str
    country: str


class LibraryOut(Schema):
    slug: str
    name: str
    library_type: str
    town: str
    country: str
    region: RegionOut | None
    language: str
    latitude: float | None
    longitude: float | None
    url: str
    open_now: bool
    closes_at: datetime.datetime | None
    opens_at: datetime.datetime | None


class LibraryPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[LibraryOut]


class PeriodOut(Schema):
    weekday: int
    opens: datetime.time
    closes: datetime.time


class ServiceHoursOut(Schema):
    service: str
    label: str
    periods: list[PeriodOut]


class ExceptionOut(Schema):
    start_date: datetime.date
    end_date: datetime.date
    service: str
    closed: bool
    opens: datetime.time | None
    closes: datetime.time | None
    reason: str


class BranchOut(Schema):
    id: int
    name: str
    street: str
    postcode: str
    town: str
    latitude: float | None
    longitude: float | None
    email: str
    phone: str
    hours: list[ServiceHoursOut]
    exceptions: list[ExceptionOut]


class MembershipOut(Schema):
    network: str
    network_name: str
    status: str
    since: datetime.date


class LibraryDetailOut(LibraryOut):
    street: str
    postcode: str
    founder: str
    population_served: int | None
    timezone: str
    email: str
    phone: str
    website: str
    description: str
    hours: list[ServiceHoursOut]
    exceptions: list[ExceptionOut]
    branches: list[BranchOut]
    memberships: list[MembershipOut]


class NetworkOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    country: str
    region: RegionOut | None
    language: str
    summary: str
    accepts_applications: bool
    url: str


class CoordinatorOut(Schema):
    name: str
    title: str
    network: str


class NetworkDetailOut(NetworkOut):
    description: str
    email: str
    phone: str
    website: str
    sections: list[NetworkOut]
    member_libraries: list[str]
    coordinators: list[CoordinatorOut]


class NetworkPersonOut(Schema):
    name: str
    email: str
    role: str
    title: str
    network: str


class LibraryPersonOut(Schema):
    name: str
    email: str
    role: str
    title: str
    library: str


class NetworkPeopleOut(Schema):
    network: str
    network_roles: list[NetworkPersonOut]
    library_roles: list[LibraryPersonOut]


class ApplicationOut(Schema):
    id: int
    network: str
    library: str | None
    library_name: str
    library_type: str
    town: str
    region: str | None
    contact_name: str
    contact_role: str
    email: str
    phone: str
    note: str
    consent: bool
    language: str
    status: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    reason: str


class MyLibraryOut(Schema):
    slug: str
    name: str
    role: str
    title: str


class MyNetworkOut(Schema):
    slug: str
    name: str
    roles: list[str]
    through_libraries: list[str]


class MeOut(Schema):
    email: str
    full_name: str
    phone: str
    language: str
    libraries: list[MyLibraryOut]
    networks: list[MyNetworkOut]
    coordinated_networks: list[str]
