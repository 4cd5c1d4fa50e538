"""At scale the cache (and so the sign-in rate limits and the page cache) can live in Redis.

Needs a Redis server on 127.0.0.1:6379, so `make test` leaves it out; CI (.ci/run) runs it.
"""

import pytest
from django.core.cache import caches
from django.test import override_settings

from bibliohub.directory.models import Network
from bibliohub.directory.services import network_create, network_update

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}


@pytest.mark.django_db
def test_the_page_cache_works_on_redis(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    network = network_create(
        actor=None, name="Sekce městských knihoven", kind=Network.Kind.SECTION, language="cs"
    )
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        assert "Sekce městských knihoven" in client.get("/networks/").content.decode()
        # A change behind the services' back is not seen: the page came from Redis.
        Network.objects.filter(pk=network.pk).update(name="Sekce obecních knihoven")
        assert "Sekce městských knihoven" in client.get("/networks/").content.decode()
        # A change through a service empties the page cache at once.
        network_update(network=network, actor=None, name="Sekce knihoven měst")
        assert "Sekce knihoven měst" in client.get("/networks/").content.decode()
        caches["default"].clear()
