"""Fixtures of the document library tests: the Czech association with its municipal section, a
member library with its director and a colleague, the section's coordinator, a member of the
association outside the section, the Slovenian network with its own member, a person from
outside; files of every type made here; uploaded files kept in a temporary folder."""

import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bibliohub.directory.models import LibraryRole, Network, NetworkRole, Region
from bibliohub.directory.services import library_create, section_create
from bibliohub.knowledge.services import document_create
from bibliohub.membership.models import Membership

from . import files

PASSWORD = "Quite-Long-Secret-42"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of this test, never to the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def person(django_user_model, email, *, language="en", full_name=""):
    return django_user_model.objects.create_user(
        email=email, password=PASSWORD, language=language, full_name=full_name
    )


@pytest.fixture
def region(db):
    return Region.objects.create(country="CZ", name="Moravskoslezský kraj", slug="cz-msk")


@pytest.fixture
def association(db):
    return Network.objects.create(
        name="Sdružení knihoven ČR",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        country="CZ",
        language="cs",
    )


@pytest.fixture
def section(association):
    return section_create(
        parent=association,
        actor=None,
        name="Sekce městských knihoven",
        slug="sdruk-mk",
        country="CZ",
        language="cs",
    )


@pytest.fixture
def slovenian(db):
    return Network.objects.create(
        name="Osrednje območne knjižnice",
        short_name="OOK",
        slug="ook",
        kind=Network.Kind.REGIONAL_SYSTEM,
        country="SI",
        language="sl",
    )


def _library(name, slug, network, region=None, country="CZ", language="cs"):
    library = library_create(
        name=name,
        slug=slug,
        town=name.split()[-1],
        library_type="public",
        country=country,
        language=language,
        region=region,
    )
    Membership.objects.create(
        library=library, network=network, status=Membership.Status.ACTIVE, since="2020-01-01"
    )
    return library


@pytest.fixture
def trinec(section, region):
    return _library("Knihovna Třinec", "trinec", section, region)


@pytest.fixture
def member(django_user_model, trinec):
    """The director of Třinec, a member library of the section."""
    user = person(
        django_user_model, "reditelka@trinec.example", language="cs", full_name="Jana Nováková"
    )
    LibraryRole.objects.create(user=user, library=trinec, role=LibraryRole.Role.DIRECTOR)
    return user


@pytest.fixture
def colleague(django_user_model, trinec):
    """A librarian of Třinec who reads in English."""
    user = person(django_user_model, "petra@trinec.example", language="en", full_name="Petra Malá")
    LibraryRole.objects.create(user=user, library=trinec, role=LibraryRole.Role.STAFF)
    return user


@pytest.fixture
def coordinator(django_user_model, section):
    user = person(
        django_user_model, "martina@sdruk.example", language="cs", full_name="Martina Wolna"
    )
    NetworkRole.objects.create(user=user, network=section, role=NetworkRole.Role.COORDINATOR)
    return user


@pytest.fixture
def association_member(django_user_model, association):
    """The director of a library that belongs to the association but not to the section."""
    library = _library("Knihovna Louny", "louny", association)
    user = person(django_user_model, "louny@sdruk.example", language="cs", full_name="Pavel Král")
    LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.DIRECTOR)
    return user


@pytest.fixture
def slovenian_member(django_user_model, slovenian):
    library = _library("Mestna knjižnica Kranj", "kranj", slovenian, country="SI", language="sl")
    user = person(django_user_model, "ana@kranj.example", language="sl", full_name="Ana Kralj")
    LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.DIRECTOR)
    return user


@pytest.fixture
def outsider(django_user_model, db):
    return person(django_user_model, "someone@elsewhere.example", language="en", full_name="Sam")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what waits for the commit (text extraction, e-mails) at the
    end of the block, as the real commit would."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def upload(committed, section, member):
    """Upload a document to the section as its member (the text is extracted at once)."""

    def make(
        *,
        actor=None,
        network=None,
        title="Výpůjční řád městské knihovny",
        file=None,
        visibility="members",
        **fields,
    ):
        fields.setdefault("category", "directive")
        fields.setdefault("language", "cs")
        if file is None and "body" not in fields:
            file = SimpleUploadedFile(
                "vypujcni-rad.md", files.markdown("# Výpůjční řád\n\nČtenář si půjčuje knihy.")
            )
        with committed():
            return document_create(
                actor=actor or member,
                network=network or section,
                title=title,
                file=file,
                visibility=visibility,
                **fields,
            )

    return make


def stored_files(root) -> list:
    """Every file kept in the (test) media folder."""
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def download(client, url, **extra):
    """Fetch a download; returns the response and the file's bytes. Reading the stream to its
    end closes the file (the test client then closes the response without closing the
    database connection, as `response.close()` would)."""
    response = client.get(url, **extra)
    content = b"".join(response.streaming_content) if response.streaming else b""
    return response, content
