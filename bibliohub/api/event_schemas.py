"""The shapes of the events API: the list, one event, and a registration."""

import datetime

from ninja import Schema


class EventNetworkOut(Schema):
    slug: str
    name: str


class EventOut(Schema):
    slug: str
    url: str
    title: str
    summary: str
    kind: str
    mode: str
    status: str
    language: str
    network: EventNetworkOut
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    timezone: str
    town: str
    venue: str
    capacity: int | None
    seats_left: int | None
    registration: str
    registration_open: bool
    training_hours: float


class EventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[EventOut]


class SessionOut(Schema):
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    online: bool
    place: str
    online_url: str | None


class QuestionOut(Schema):
    id: int
    text: str
    required: bool
    choices: list[str]


class MyRegistrationOut(Schema):
    status: str
    waiting_position: int | None
    registered_at: datetime.datetime


class EventDetailOut(EventOut):
    description: str
    online_url: str | None
    sessions: list[SessionOut]
    questions: list[QuestionOut]
    my_registration: MyRegistrationOut | None


class RegistrationIn(Schema):
    answers: dict[str, str] = {}


class RegistrationOut(MyRegistrationOut):
    event: str
