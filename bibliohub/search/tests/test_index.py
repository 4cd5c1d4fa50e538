"""The index follows every change: create, edit, delete and visibility change of libraries,
branches, networks, events and documents, in the transaction that makes the change.

`build_world` and `make_document` here are shared with the other search tests.
"""

import contextlib
import itertools
import re
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from bibliohub.core.models import Visibility
from bibliohub.directory.models import Library, LibraryRole, Network, Region
from bibliohub.directory.services import (
    branch_delete,
    branch_save,
    library_create,
    library_update,
    network_update,
    section_create,
)
from bibliohub.events.models import Event
from bibliohub.events.services import event_cancel, event_update
from bibliohub.knowledge.models import Document, DocumentVersion, Tag
from bibliohub.membership.models import Membership
from bibliohub.search import index
from bibliohub.search.backends import get_backend
from bibliohub.search.backends.base import TABLE
from bibliohub.search.models import SearchEntry
from bibliohub.search.query import search, suggest

PASSWORD = "Quite-Long-Secret-42"
VISITOR = AnonymousUser()
_slugs = itertools.count(1)


@dataclass
class World:
    """The Czech association and its municipal section, a Serbian network, a member library
    of the section with its director, and a person from outside."""

    region: Region
    association: Network
    section: Network
    other_network: Network
    library: Library
    member: Any
    outsider: Any


def build_world(django_user_model) -> World:
    region = Region.objects.create(country="CZ", name="Jihomoravský kraj", slug="cz-jhm")
    association = Network.objects.create(
        name="Svaz knihoven ČR",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        country="CZ",
        language="cs",
    )
    section = section_create(
        parent=association,
        actor=None,
        name="Sekce městských knihoven",
        slug="sdruk-mk",
        country="CZ",
        language="cs",
    )
    other_network = Network.objects.create(
        name="Biblionet Srbija",
        slug="biblionet",
        kind=Network.Kind.ASSOCIATION,
        country="RS",
        language="sr",
    )
    library = library_create(
        name="Knihovna Jiřího Mahena v Brně",
        town="Brno",
        street="Kobližná 4",
        library_type="public",
        country="CZ",
        language="cs",
        region=region,
        timezone="Europe/Prague",
    )
    Membership.objects.create(
        library=library, network=section, status=Membership.Status.ACTIVE, since="2020-01-01"
    )
    member = django_user_model.objects.create_user(
        email="reditel@kjm.example", password=PASSWORD, language="cs", full_name="Jana Nováková"
    )
    LibraryRole.objects.create(user=member, library=library, role=LibraryRole.Role.DIRECTOR)
    outsider = django_user_model.objects.create_user(
        email="someone@elsewhere.example", password=PASSWORD, language="en", full_name="Sam"
    )
    return World(region, association, section, other_network, library, member, outsider)


@pytest.fixture
def w(db, django_user_model):
    return build_world(django_user_model)


def make_document(
    network,
    title,
    text="",
    *,
    language="cs",
    visibility=Visibility.PUBLIC,
    audience=None,
    description="",
    category="other",
    ref="",
    tags=(),
    extraction=DocumentVersion.Extraction.DONE,
):
    """A document with one version whose text is already extracted, made through the ORM."""
    n = next(_slugs)
    document = Document.objects.create(
        network=network,
        title=title,
        slug=f"doc-{n}",
        language=language,
        visibility=visibility,
        audience=audience,
        description=description,
        category=category,
        external_ref=ref,
    )
    if text is not None:
        version = DocumentVersion.objects.create(
            document=document,
            number=1,
            file=f"documents/{document.pk}/1/text.txt",
            original_name="text.txt",
            content_type="text/plain",
            size=len(text.encode()),
            sha256="0" * 64,
            text=text if extraction == DocumentVersion.Extraction.DONE else "",
            extraction=extraction,
        )
        document.current_version = version
        document.save()
    for name in tags:
        tag, _ = Tag.objects.get_or_create(name=name, slug=name.lower().replace(" ", "-"))
        document.tags.add(tag)
    return document


def titles(user, q, **filters):
    return [r.title for r in search(user, q, per_page=50, **filters).results]


def entry(obj):
    return SearchEntry.objects.get(kind=index.kind_of(obj), object_id=obj.pk)


# --- Libraries, branches, networks ---------------------------------------------------------


def test_engine_index_is_installed(db):
    assert get_backend().is_installed()


def test_installing_again_brings_an_older_or_damaged_index_up_to_date(w):
    # SQLite: a database from before the titles' own FTS table (migration 0003), whose triggers
    # wrote to search_fts alone. PostgreSQL: a lost trigger and titles' index. Installing again
    # fills what is new from the entries and replaces the triggers, so suggestions and later
    # writes reach it.
    from bibliohub.search.backends import postgres, sqlite

    make_document(w.association, "Metodika výpůjček", "Doporučení.")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for trigger in sqlite.TRIGGERS:
                cursor.execute(f"DROP TRIGGER {trigger}")
            cursor.execute(f"DROP TABLE {sqlite.TITLES}")
            cursor.execute(
                f"CREATE TRIGGER search_fts_insert AFTER INSERT ON {sqlite.TABLE} BEGIN "  # noqa: S608
                f"INSERT INTO {sqlite.FTS}(rowid, title_terms, body_terms) "
                "VALUES (new.id, new.title_terms, new.body_terms); END"
            )
        else:
            # (The test's transaction has deferred foreign-key checks; an index waits for them.)
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"DROP TRIGGER {postgres.FUNCTION} ON {postgres.TABLE}")
            cursor.execute("DROP INDEX search_entry_title")
    assert not get_backend().is_installed()
    with connection.cursor() as cursor:
        get_backend().install(cursor)
    assert get_backend().is_installed()
    assert [s["title"] for s in suggest(VISITOR, "metod")] == ["Metodika výpůjček"]
    make_document(w.association, "Metodika akvizice", "Doporučení.")
    assert sorted(s["title"] for s in suggest(VISITOR, "metod")) == [
        "Metodika akvizice",
        "Metodika výpůjček",
    ]


def test_migrate_puts_back_an_engine_index_that_a_rebuilt_table_lost(w):
    # On SQLite, Django alters a table by making a new one and copying the rows: the triggers
    # of the old table go with it. Every `migrate` checks the engine and repairs it, so that a
    # later migration of the entries' table cannot leave search blind to what is written next.
    from django.core.management.sql import emit_post_migrate_signal

    make_document(w.association, "Metodika výpůjček", "Doporučení.")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        get_backend().uninstall(cursor)
    assert not get_backend().is_installed()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert get_backend().is_installed()
    make_document(w.association, "Metodika akvizice", "Doporučení.")
    assert sorted(titles(VISITOR, "metodika")) == ["Metodika akvizice", "Metodika výpůjček"]


def test_a_new_library_is_found(w):
    assert titles(VISITOR, "Mahen") == ["Knihovna Jiřího Mahena v Brně"]
    assert titles(VISITOR, "Kobližná") == ["Knihovna Jiřího Mahena v Brně"]
    found = search(VISITOR, "Mahena").results[0]
    assert found.url == w.library.get_absolute_url()
    assert found.kind == "library"


def test_a_renamed_library_is_found_by_its_new_name_only(w):
    library_update(library=w.library, actor=None, name="Městská knihovna Brno-střed")
    assert titles(VISITOR, "Mahena") == []
    assert titles(VISITOR, "střed") == ["Městská knihovna Brno-střed"]
    assert suggest(VISITOR, "Mahe") == []
    # Titles that start with what was typed come first.
    assert [s["title"] for s in suggest(VISITOR, "Městská kni")] == [
        "Městská knihovna Brno-střed",
        "Sekce městských knihoven",
    ]


def test_branches_follow_their_library(w):
    branch = branch_save(library=w.library, actor=None, name="Pobočka Bystrc", town="Brno")
    assert titles(VISITOR, "Bystrc") == ["Pobočka Bystrc"]
    result = search(VISITOR, "Bystrc").results[0]
    assert (result.kind, result.url) == ("branch", w.library.get_absolute_url())
    # The branch is found by its library's name too, and follows a rename.
    assert "Pobočka Bystrc" in titles(VISITOR, "Mahena")
    library_update(library=w.library, actor=None, name="Knihovna Brno")
    assert titles(VISITOR, "Mahena") == []
    branch_delete(branch=branch, actor=None)
    assert titles(VISITOR, "Bystrc") == []


def test_a_deleted_library_is_gone_with_its_branches(w):
    branch_save(library=w.library, actor=None, name="Pobočka Bystrc", town="Brno")
    w.library.delete()
    assert titles(VISITOR, "Mahena") == []
    assert titles(VISITOR, "Bystrc") == []
    assert not SearchEntry.objects.filter(kind__in=["library", "branch"]).exists()


def test_networks_are_found_and_follow_edits(w):
    assert titles(VISITOR, "SDRUK") == ["Svaz knihoven ČR"]
    network_update(network=w.section, actor=None, summary="Setkávání ředitelů městských knihoven")
    assert titles(VISITOR, "ředitelé") == ["Sekce městských knihoven"]


# --- Events --------------------------------------------------------------------------------


@pytest.fixture
def make_event(w):
    import datetime

    from django.utils import timezone

    from bibliohub.events.services import SessionData, event_create

    def make(**fields):
        start = timezone.now() + datetime.timedelta(days=14)
        defaults = {
            "kind": Event.Kind.WORKSHOP,
            "mode": Event.Mode.IN_PERSON,
            "language": "cs",
            "title": "Setkání sekce městských knihoven",
            "venue": "Kobližná 4",
            "town": "Brno",
            "timezone": "Europe/Prague",
        }
        defaults.update(fields)
        network = defaults.pop("network", w.section)
        sessions = [SessionData(starts_at=start, ends_at=start + datetime.timedelta(hours=4))]
        return event_create(actor=None, network=network, sessions=sessions, **defaults)

    return make


def test_events_follow_edits_and_visibility(w, make_event):
    event = make_event(title="Workshop o komunitních projektech", summary="Praxe a příklady")
    assert titles(VISITOR, "komunitní projekt") == ["Workshop o komunitních projektech"]

    event_update(actor=None, event=event, visibility=Visibility.MEMBERS)
    for person in (VISITOR, w.outsider):
        page = search(person, "komunitní projekt")
        assert (page.total, page.results, page.counts) == (0, [], {})
        assert suggest(person, "Workshop o komu") == []
    assert titles(w.member, "komunitní projekt") == ["Workshop o komunitních projektech"]
    assert search(w.member, "komunitní").counts == {"event": 1}
    assert [s["title"] for s in suggest(w.member, "Workshop o komu")] == [
        "Workshop o komunitních projektech"
    ]

    event_update(actor=None, event=event, visibility=Visibility.PUBLIC, title="Komunitní dílna")
    assert titles(w.outsider, "komunitní") == ["Komunitní dílna"]
    assert titles(w.outsider, "workshop") == []


def test_cancelled_events_stay_findable_and_deleted_ones_go(make_event):
    event = make_event(title="Školení katalogizace")
    event_cancel(actor=None, event=event)
    assert titles(VISITOR, "katalogizace") == ["Školení katalogizace"]
    event.registrations.all().delete()
    event.delete()
    assert titles(VISITOR, "katalogizace") == []
    assert not SearchEntry.objects.filter(kind="event").exists()


def test_event_translations_are_searchable(make_event, committed_callbacks):
    with committed_callbacks(execute=True):
        event = make_event(
            title="Digitalizace fondů",
            translations=[{"language": "en", "title": "Digitising collections"}],
        )
    assert titles(VISITOR, "digitising") == ["Digitalizace fondů"]
    assert titles(VISITOR, "collection") == ["Digitalizace fondů"]
    event_update(actor=None, event=event, translations=[])
    assert titles(VISITOR, "collection") == []


@pytest.fixture
def committed_callbacks(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


# --- Documents -----------------------------------------------------------------------------


def test_a_document_is_found_by_title_description_tags_and_text(w):
    make_document(
        w.association,
        "Metodika pro malé knihovny",
        "Doporučení k výpůjčnímu řádu a k ochraně osobních údajů.",
        description="Příručka pro začínající knihovníky.",
        tags=["GDPR"],
    )
    for query in ("metodika", "příručka", "gdpr", "osobní údaj"):
        assert titles(VISITOR, query) == ["Metodika pro malé knihovny"], query


def test_document_text_is_indexed_once_extracted(w):
    document = make_document(
        w.association, "Výroční zpráva 2025", "", extraction=DocumentVersion.Extraction.PENDING
    )
    assert titles(VISITOR, "návštěvnost") == []
    version = document.current_version
    version.text = "Návštěvnost knihoven vzrostla o pět procent."
    version.extraction = DocumentVersion.Extraction.DONE
    version.save(update_fields=["text", "extraction"])
    assert titles(VISITOR, "návštěvnost") == ["Výroční zpráva 2025"]


def test_a_new_current_version_replaces_the_text(w):
    document = make_document(w.association, "Ceník služeb", "Registrace čtenáře stojí 100 Kč.")
    new = DocumentVersion.objects.create(
        document=document,
        number=2,
        file=f"documents/{document.pk}/2/text.txt",
        original_name="text.txt",
        content_type="text/plain",
        size=10,
        sha256="1" * 64,
        text="Registrace je zdarma pro děti.",
        extraction=DocumentVersion.Extraction.DONE,
    )
    assert titles(VISITOR, "zdarma") == []  # not yet the current version
    document.current_version = new
    document.save()
    assert titles(VISITOR, "zdarma") == ["Ceník služeb"]
    assert titles(VISITOR, "Kč") == []


def test_tag_changes_follow(w):
    document = make_document(w.association, "Strategie rozvoje", "Text.", tags=["plánování"])
    assert titles(VISITOR, "plánování") == ["Strategie rozvoje"]
    tag = Tag.objects.get(name="plánování")
    tag.name = "koncepce"
    tag.save()
    assert titles(VISITOR, "plánování") == []
    assert titles(VISITOR, "koncepce") == ["Strategie rozvoje"]
    document.tags.clear()
    assert titles(VISITOR, "koncepce") == []
    tag.documents.add(document)
    assert titles(VISITOR, "koncepce") == ["Strategie rozvoje"]
    tag.delete()
    assert titles(VISITOR, "koncepce") == []


def test_a_deleted_document_is_gone(w):
    document = make_document(w.association, "Vzor smlouvy", "Smlouva o spolupráci knihoven.")
    assert titles(VISITOR, "smlouva") == ["Vzor smlouvy"]
    document.delete()
    assert titles(VISITOR, "smlouva") == []
    assert suggest(VISITOR, "Vzor") == []
    assert not SearchEntry.objects.filter(kind="document").exists()


def test_document_visibility_change(w):
    document = make_document(w.association, "Zápis z porady", "Rozpočet na příští rok.")
    assert titles(w.outsider, "rozpočet") == ["Zápis z porady"]
    document.visibility = Visibility.MEMBERS
    document.save()
    for person in (VISITOR, w.outsider):
        assert search(person, "rozpočet").total == 0
        assert search(person, "rozpočet").counts == {}
        assert suggest(person, "Zápis") == []
    assert titles(w.member, "rozpočet") == ["Zápis z porady"]
    # One section only: its members (and the association's coordinators) see it.
    document.visibility = Visibility.SECTION
    document.audience = w.section
    document.save()
    assert titles(w.member, "rozpočet") == ["Zápis z porady"]
    assert titles(w.outsider, "rozpočet") == []
    assert entry(document).audience_id == w.section.pk


def test_a_document_without_language_gets_one(w):
    document = make_document(
        w.association,
        "Pravilnik",
        "Sodelovanje s knjižnicami v regiji in izposoja gradiva.",
        language="",
    )
    assert entry(document).language == "sl"
    assert titles(VISITOR, "knjižnica") == ["Pravilnik"]


# --- Rebuilding ----------------------------------------------------------------------------


def test_reindex_rebuilds_everything_and_drops_the_stale(w, make_event):
    make_document(w.association, "Výroční zpráva", "Návštěvnost knihoven.")
    make_event(title="Setkání ředitelů")
    SearchEntry.objects.filter(kind="library").delete()
    SearchEntry.objects.create(kind="document", object_id=999_999, visibility="public", title="X")
    assert titles(VISITOR, "Mahena") == []

    calls = []
    count = index.reindex(progress=lambda kind, done, total: calls.append((kind, done, total)))
    assert count == SearchEntry.objects.count() == 6  # library, 3 networks, document, event
    assert ("library", 1, 1) in calls and ("document", 1, 1) in calls
    assert titles(VISITOR, "Mahena") == ["Knihovna Jiřího Mahena v Brně"]
    assert not SearchEntry.objects.filter(object_id=999_999).exists()
    assert titles(VISITOR, "návštěvnost") == ["Výroční zpráva"]


def test_reindex_of_some_kinds(w):
    make_document(w.association, "Výroční zpráva", "Návštěvnost knihoven.")
    assert index.reindex(["document"]) == 1


def test_index_entry_fields(w):
    document = make_document(
        w.section,
        "Výpůjční řád",
        "Text řádu " * 400,
        description="Vzor pro městské knihovny.",
        category="directive",
        ref="SDRUK-42",
        visibility=Visibility.MEMBERS,
    )
    row = entry(document)
    assert (row.network_id, row.visibility, row.audience_id) == (w.section.pk, "members", None)
    assert (row.language, row.category, row.ref) == ("cs", "directive", "SDRUK-42")
    assert row.url == index.document_url(document)
    assert row.text.startswith("Vzor pro městské knihovny. Text řádu")
    assert len(row.text) <= index.TEXT_LIMIT
    # Words in Latin script are indexed without their diacritics.
    assert "rad" in row.title_terms.split() and "řád" not in row.title_terms.split()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Výpůjční řád", "Knihovna půjčuje knihy, časopisy a „e-knihy“. " * 30, "cs"),
        ("Пам'ять і об'єднання", "Бібліотеки м'ята сім'я, п'ятниця; Київ — «Дарниця»", "uk"),
        ("Годишњи извештај", "Библиотека Ђорђевић, џемпер; Narodna biblioteka Čačak", "sr"),
        ("", "Samo besedilo brez naslova, knjižnica in knjižnice.", "sl"),
        ("Naslov brez besedila", "", "sl"),
        ("", "", "en"),
        # A word too long for PostgreSQL's index, and more words than a tsvector numbers.
        ("Dlouhé slovo", "a " + "ž" * 1100 + " b " + "c" * 2100 + " konec", "cs"),
        ("Mnoho slov", " ".join(f"slovo{n} kniha{n}" for n in range(5000)), "cs"),
    ],
)
def test_the_terms_are_words_and_postgresql_vectors_are_what_the_trigger_makes(
    title, body, language
):
    # Every term is one word for both engines' tokenizers. On PostgreSQL the backend writes
    # the vectors itself from the terms; they equal those its trigger computes from them (for
    # a word too long for the index, it leaves them to the trigger).
    from bibliohub.search.analysis import terms_text
    from bibliohub.search.backends import postgres

    title_terms = terms_text([(language, title)], max_repeats=3, limit=index.BODY_LIMIT)
    body_terms = terms_text([(language, body)], max_repeats=3, limit=index.BODY_LIMIT)
    assert all(re.fullmatch(r"[^\W_]+", t) for t in (title_terms + " " + body_terms).split())
    get_backend().index(
        [
            SearchEntry(
                kind="document",
                object_id=1,
                visibility=Visibility.PUBLIC,
                title=title or "–",
                url="/documents/x/",
                title_terms=title_terms,
                body_terms=body_terms,
            )
        ]
    )
    if connection.vendor == "postgresql":
        brought, _ = postgres.vector_texts(title_terms, body_terms)
        assert (brought is None) == title.startswith("Dlouhé")
        vector, ranked = postgres.vectors(TABLE)
        same = f"SELECT vector = {vector}, rank_vector = {ranked}, length(vector) FROM {TABLE}"  # noqa: S608
        words = {t for t in f"{title_terms} {body_terms}".split() if len(t.encode()) < 2048}
        with connection.cursor() as cursor:
            cursor.execute(same)
            assert cursor.fetchall() == [(True, True, len(words))]
            # A write that brings vectors keeps them; one that brings none (a repair) has the
            # trigger compute them.
            cursor.execute(
                "UPDATE search_searchentry SET vector = 'brought', rank_vector = 'brought', "
                "title_terms = title_terms"
            )
            cursor.execute("SELECT vector::text, rank_vector::text FROM search_searchentry")
            assert cursor.fetchall() == [("'brought'", "'brought'")]
            cursor.execute("UPDATE search_searchentry SET title_terms = title_terms")
            cursor.execute(same)
            assert cursor.fetchall() == [(True, True, len(words))]


def test_postgresql_ranks_the_newest_of_many_by_the_title_and_the_opening(w):
    # `rank_vector` (PostgreSQL) holds the title and the opening of the body; `vector` all of
    # it. SQLite ranks from its FTS index and keeps no such column.
    from bibliohub.search.backends import postgres

    filler = " ".join(f"slovo{n}" for n in range(postgres.RANK_OPENING // 6))
    document = make_document(w.association, "Výroční zpráva", f"Úvodem {filler} Doslov")
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(
                "SELECT rank_vector FROM search_searchentry WHERE id = %s", [entry(document).pk]
            )
            assert cursor.fetchone() == (None,)
            return
        cursor.execute(
            "SELECT rank_vector @@ to_tsquery('simple', %s), vector @@ to_tsquery('simple', %s) "
            "FROM search_searchentry WHERE id = %s",
            ["doslov", "doslov", entry(document).pk],
        )
        assert cursor.fetchone() == (False, True)
        cursor.execute(
            "SELECT rank_vector @@ to_tsquery('simple', 'uvodem & vyrocni') "
            "FROM search_searchentry WHERE id = %s",
            [entry(document).pk],
        )
        assert cursor.fetchone() == (True,)


def test_a_long_document_is_indexed_up_to_the_limit(w):
    filler = " ".join(f"slovo{n}" for n in range(index.BODY_LIMIT // 8))
    make_document(w.association, "Dlouhá zpráva", f"Úvodem {filler} Doslov")
    assert titles(VISITOR, "úvodem") == ["Dlouhá zpráva"]
    assert titles(VISITOR, "slovo100") == ["Dlouhá zpráva"]
    # Beyond the first BODY_LIMIT characters, the text is not searched.
    assert titles(VISITOR, "doslov") == []


def _unindexed_documents(django_user_model, monkeypatch, title, body, count):
    """`count` documents "<title> <n>" whose entries are gone, and a rebuild threshold so low
    that rebuilding them takes each engine's path for large rebuilds."""
    from bibliohub.search.backends import postgres, sqlite

    monkeypatch.setattr(postgres, "BULK_ROWS", 2)
    # (And PostgreSQL's merger merges after each entry, and the writer waits for it when two
    # are waiting.)
    monkeypatch.setattr(postgres, "MERGE_BATCH", 1)
    monkeypatch.setattr(postgres, "MERGE_LIMIT", 2)
    monkeypatch.setattr(sqlite, "BULK_ROWS", 2)
    w = build_world(django_user_model)
    for n in range(count):
        make_document(w.association, f"{title} {n}", body)
    SearchEntry.objects.filter(kind="document").delete()


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_of_most_of_the_index_leaves_the_engine_index_whole(
    django_user_model, monkeypatch
):
    from bibliohub.search.backends import postgres

    # (A rebuild this large: PostgreSQL lets the entries gather in the GIN indexes' pending
    # lists, which a second connection merges meanwhile; SQLite's FTS5 merges nothing until
    # the end.)
    _unindexed_documents(
        django_user_model, monkeypatch, "Metodika", "Doporučení pro městské knihovny.", 5
    )
    # What a batch has written is found while the rebuild goes on.
    found_meanwhile = []
    written = index.reindex(
        ["document"],
        lambda kind, done, total: found_meanwhile.append(len(titles(VISITOR, "doporučení"))),
        batch_size=2,
    )
    assert written == 5 and found_meanwhile == [2, 4, 5]
    assert get_backend().is_installed()
    assert len(titles(VISITOR, "doporučení")) == 5
    assert sorted(s["title"] for s in suggest(VISITOR, "meto")) == [
        f"Metodika {n}" for n in range(5)
    ]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Nothing is left waiting in the pending lists, and the writes that follow merge
            # theirs at PostgreSQL's default size again.
            assert postgres._merge_pending(cursor) == 0
            cursor.execute("SHOW gin_pending_list_limit")
            assert cursor.fetchone() == ("4MB",)
    if connection.vendor == "sqlite":
        # FTS5 merges as it goes again for the writes that follow.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'hashsize')"
            )
            assert dict(cursor.fetchall()) == {"automerge": 4, "hashsize": 1024 * 1024}


def test_a_merge_during_a_rebuild_takes_in_what_is_pending(w):
    # PostgreSQL's rebuild merges what the writer has written by an insert it rolls back; the
    # entries are found before and after, and the merge leaves nothing pending.
    from bibliohub.search.backends import postgres

    words = " ".join(f"heslo{n}" for n in range(6000))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET gin_pending_list_limit = %s", [postgres.PENDING_LIMIT])
    make_document(w.association, "Rejstřík", words)
    assert titles(VISITOR, "heslo5999") == ["Rejstřík"]
    if connection.vendor == "postgresql":
        postgres._merge_written(connection.alias)
        with connection.cursor() as cursor:
            # (What the titles' index holds is below the least limit and may wait.)
            pending = "SELECT gin_clean_pending_list('search_entry_vector'::regclass)"
            cursor.execute(pending)
            assert cursor.fetchone() == (0,)
            # Without that merge, the list holds the next document's entries.
            make_document(w.association, "Rejstřík 2", words)
            cursor.execute(pending)
            assert cursor.fetchone()[0] > 0
            cursor.execute("RESET gin_pending_list_limit")
        assert SearchEntry.objects.filter(kind="").count() == 0
    written = ["Rejstřík", "Rejstřík 2"] if connection.vendor == "postgresql" else ["Rejstřík"]
    assert sorted(titles(VISITOR, "heslo5999")) == written


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_by_a_role_that_does_not_own_the_index_still_indexes(
    django_user_model, monkeypatch
):
    # On PostgreSQL only the owner of the GIN indexes may call gin_clean_pending_list; a site
    # whose database role was granted the tables (not given them) rebuilds all the same, its
    # merges made by inserts.
    _unindexed_documents(
        django_user_model, monkeypatch, "Smlouva", "Vzor smlouvy o spolupráci knihoven.", 3
    )
    backend = get_backend()
    role = f"bibliohub_granted_{uuid.uuid4().hex[:12]}"
    with contextlib.ExitStack() as cleanup:
        if connection.vendor == "postgresql":
            assert backend._owns_indexes()
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE ROLE {role} NOLOGIN")
                cleanup.callback(_drop_role, role)
                cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
                cursor.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
                cursor.execute(f"SET ROLE {role}")
            assert not backend._owns_indexes()
        assert index.reindex(["document"]) == 3
    assert titles(VISITOR, "smlouva") == ["Smlouva 0", "Smlouva 1", "Smlouva 2"]


def _drop_role(role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_with_worker_processes_writes_what_one_process_does(
    django_user_model, monkeypatch
):
    # The texts are analysed in worker processes (started by a fork server, with no database
    # connection) while this process writes: the entries are the same, in every language.
    w = build_world(django_user_model)
    texts = [
        ("cs", "Výpůjční řád", "Návrh výpůjčního řádu pro městské knihovny."),
        ("sl", "Sodelovanje", "Sodelovanje z drugimi knjižnicami v regiji."),
        ("sr", "Извештај", "Народна библиотека развија партнерство са школама."),
        ("uk", "Звіт", "Мережа публічних бібліотек району."),
        ("en", "Report", "Libraries of the region."),
    ]
    for n in range(3):
        for language, title, body in texts:
            make_document(w.association, f"{title} {n}", body, language=language)
    fields = ("object_id", "title", "title_terms", "body_terms", "language", "visibility")
    alone = list(SearchEntry.objects.filter(kind="document").order_by("object_id").values(*fields))
    SearchEntry.objects.filter(kind="document").delete()
    monkeypatch.setattr(index, "PARALLEL_MIN", 1)
    progress = []
    written = index.reindex(
        ["document"], lambda kind, done, total: progress.append(done), batch_size=4, jobs=2
    )
    assert written == 15 and progress == [4, 8, 12, 15]
    rebuilt = SearchEntry.objects.filter(kind="document").order_by("object_id").values(*fields)
    assert list(rebuilt) == alone
    assert titles(VISITOR, "knjiznica") == ["Sodelovanje 0", "Sodelovanje 1", "Sodelovanje 2"]
