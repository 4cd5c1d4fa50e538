import time, datetime, cProfile, pstats
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from bibliohub.events.models import Event, Session, EventTranslation
from bibliohub.events.tests.conftest import *  # noqa

pytestmark = pytest.mark.django_db

def test_bench(association, section):
    now = timezone.now()
    events = []
    for i in range(1500):
        start = now + datetime.timedelta(days=(i % 700) - 300, hours=i % 10)
        events.append(Event(network=association if i % 3 else section, slug=f"e{i}", kind="workshop", mode="in_person", language="cs",
            title=f"Setkání knihovníků číslo {i}", summary="Krátké shrnutí akce pro knihovníky", venue="Knihovna Jiřího Mahena, Kobližná 4, Brno", town="Brno",
            timezone="Europe/Prague", starts_at=start, ends_at=start + datetime.timedelta(days=14, hours=3)))
    Event.objects.bulk_create(events)
    sessions = []
    for e in events:
        for k in range(3):
            s = e.starts_at + datetime.timedelta(days=7 * k)
            sessions.append(Session(event=e, starts_at=s, ends_at=s + datetime.timedelta(hours=3), title=f"Lekce {k}"))
    Session.objects.bulk_create(sessions)
    EventTranslation.objects.bulk_create(EventTranslation(event=e, language="en", title=f"Meeting {e.pk}") for e in events[::2])
    url = reverse("events:network_feed", kwargs={"network": association.slug})
    c = Client()
    for label in ("cold", "warm", "warm"):
        t = time.perf_counter(); r = c.get(url, HTTP_ACCEPT_LANGUAGE="en"); dt = time.perf_counter() - t
        print(label, r.status_code, len(r.content), round(dt * 1000), "ms")
    Event.objects.filter(pk=events[5].pk).update(updated_at=timezone.now())
    t = time.perf_counter(); r = c.get(url, HTTP_ACCEPT_LANGUAGE="en"); print("one changed", r.status_code, round((time.perf_counter()-t)*1000), "ms")
    t = time.perf_counter(); r = c.get(url, HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=r["ETag"]); print("304", r.status_code, round((time.perf_counter()-t)*1000), "ms")
    for label, headers in (("warm", {}), ("304", {"HTTP_IF_NONE_MATCH": r["ETag"]})):
        pr = cProfile.Profile(); pr.enable()
        for _ in range(10): c.get(url, HTTP_ACCEPT_LANGUAGE="en", **headers)
        pr.disable()
        print(label); pstats.Stats(pr).sort_stats("tottime").print_stats(12)
