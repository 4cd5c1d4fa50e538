import pytest
from bibliohub.events.calendar import event_calendar
from bibliohub.events.services import register, event_cancel
from bibliohub.events.tests.conftest import *  # noqa
pytestmark = pytest.mark.django_db
def test_peek(member, make_event, coordinator):
    e = make_event()
    r = register(event=e, user=member)
    e = event_cancel(actor=coordinator, event=e)
    print(event_calendar(e, registration=r, cancelled=True).decode().split("END:VTIMEZONE")[-1])
