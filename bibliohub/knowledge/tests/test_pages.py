"""The library's pages: filters, the tag list, paging, and a query count that does not grow
with the number of documents shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [d.title for d in response.context["page"].object_list]


def test_browse_by_network_category_tag_and_language(client, upload, association, coordinator):
    upload(title="Výpůjční řád — vzor", tags=["vzory", "výpůjční řád"], visibility="public")
    upload(
        title="Smlouva o výpůjčce výstavy",
        category="contract",
        tags=["smlouvy", "vzory"],
        visibility="public",
    )
    upload(
        title="Strategie SDRUK 2022+",
        network=association,
        actor=coordinator,
        category="strategy",
        visibility="public",
    )
    upload(
        title="Library advocacy toolkit", language="en", category="advocacy", visibility="public"
    )

    everything = client.get("/documents/")
    assert len(titles(everything)) == 4
    tags = {t.name: t.n for t in everything.context["tags"]}
    assert tags == {"smlouvy": 1, "vzory": 2, "výpůjční řád": 1}
    # The association's list includes its section's documents; the section's does not go up.
    assert len(titles(client.get("/documents/", {"network": "sdruk"}))) == 4
    assert "Strategie SDRUK 2022+" not in titles(client.get("/documents/?network=sdruk-mk"))
    assert titles(client.get("/documents/?category=contract")) == ["Smlouva o výpůjčce výstavy"]
    assert titles(client.get("/documents/?language=en")) == ["Library advocacy toolkit"]
    by_tag = client.get("/documents/?tag=vzory")
    assert sorted(titles(by_tag)) == ["Smlouva o výpůjčce výstavy", "Výpůjční řád — vzor"]
    assert "Remove the tag filter" in by_tag.content.decode()
    assert titles(client.get("/documents/?q=smlouva+výstavy")) == ["Smlouva o výpůjčce výstavy"]
    # An unknown network is no error page: the filter is left out.
    assert client.get("/documents/?network=nowhere").status_code == 200


def test_the_list_is_paged_and_its_queries_do_not_grow(client, upload, member):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/documents/").status_code == 200
        return len(captured.captured_queries)

    client.force_login(member)
    for i in range(3):
        upload(title=f"Zápis ze setkání sekce {i + 1}", tags=[f"setkání {i}", "zápisy"])
    few = queries()
    for i in range(3, 23):
        upload(title=f"Zápis ze setkání sekce {i + 1}", tags=[f"setkání {i}", "zápisy"])
    assert queries() == few
    first = client.get("/documents/")
    assert first.context["page"].paginator.count == 23 and len(titles(first)) == 20
    assert len(titles(client.get("/documents/?page=2"))) == 3


def test_the_network_page_helper_says_who_may_upload(rf, section, member, outsider):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template(
        "{% load knowledge %}{% may_upload_documents network as may %}{{ may|yesno:'yes,no' }}"
    )
    for user, expected in ((member, "yes"), (outsider, "no"), (AnonymousUser(), "no")):
        request = rf.get("/")
        request.user = user
        assert template.render(Context({"request": request, "network": section})) == expected
