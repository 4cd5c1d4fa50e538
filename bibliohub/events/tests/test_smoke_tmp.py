import pytest

from bibliohub.events.models import Event

pytestmark = pytest.mark.django_db

def test_pages(client, member, coordinator, make_event):
    e = make_event(title="AI akademie pro vedení knihoven", registration=Event.Registration.ANYONE)
    for url in ["/events/", "/events/?when=past", "/events/calendar/", f"/events/{e.slug}/", f"/events/{e.slug}/register/"]:
        r = client.get(url, follow=True)
        assert r.status_code == 200, url
    r = client.post(f"/events/{e.slug}/register/", {"name": "Eva", "email": "eva@example.org", "consent": "on"})
    assert r.status_code == 302, r.content.decode()[:3000]
    client.force_login(member)
    pass
    client.force_login(coordinator)
    r = client.get(f"/events/{e.slug}/edit/")
    assert r.status_code == 200
    r = client.get(f"/events/new/{e.network.slug}/")
    assert r.status_code == 200
    r = client.get(f"/events/{e.slug}/cancel/")
    assert r.status_code == 200
