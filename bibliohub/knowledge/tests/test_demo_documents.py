"""The demo's documents: every content language, public and members-only, one with two versions,
texts extracted at load, and no e-mail sent."""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.management import call_command

from bibliohub.knowledge.models import Document, DocumentVersion, Follow
from bibliohub.knowledge.selectors import visible_documents

pytestmark = pytest.mark.django_db


def test_the_demo_library_is_loaded_in_every_language_without_mail(committed, media_root):
    with committed():
        call_command("demo", stdout=StringIO())
    assert mail.outbox == []
    documents = Document.objects.select_related("current_version", "created_by")
    assert 12 <= documents.count() <= 20
    assert set(documents.values_list("language", flat=True)) == {
        "cs",
        "sl",
        "sr",
        "sr-latn",
        "uk",
        "en",
    }
    assert set(documents.values_list("visibility", flat=True)) == {"public", "members", "section"}
    assert all(d.created_by is not None for d in documents)
    assert set(DocumentVersion.objects.values_list("extraction", flat=True)) == {"done"}

    rules = Document.objects.get(title="Výpůjční řád městské knihovny — vzor")
    v1, v2 = rules.versions.order_by("number")
    assert rules.current_version == v2 and v1.created_at < v2.created_at
    assert "jeden měsíc" in v1.text and "šest týdnů" in v2.text
    assert v2.uploaded_by.full_name == "Jan Červinka"
    assert Follow.objects.filter(document=rules).count() == 2

    programme = Document.objects.get(title__startswith="Програма розвитку ЦБС")
    assert "бібліотек-хабів" in programme.current_version.text
    assert Document.objects.filter(title="Партнерства библиотека са школама").exists()

    public = visible_documents(AnonymousUser())
    assert 0 < public.count() < documents.count()
    assert not public.filter(visibility="members").exists()
