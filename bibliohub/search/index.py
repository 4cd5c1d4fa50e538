"""The search index: one SearchEntry per library, branch, network, event and document, made from
the thing's own fields through the analysis pipeline, with the thing's visibility.

`index_object` and `remove_object` keep one entry current (the signal handlers call them inside
the saving transaction); `reindex` rebuilds all entries of some kinds in batches.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.urls import NoReverseMatch, reverse

from bibliohub.core.models import Visibility

from . import analysis
from .analysis import detect_language
from .backends import get_backend, repair_if_needed
from .backends.base import Committed
from .models import Kind, SearchEntry

# Characters of a body that are analysed (the start of a very long document is what people
# search for; it also keeps PostgreSQL's tsvector under its size limit) and kept for snippets.
BODY_LIMIT = 100_000
TEXT_LIMIT = 2000
BATCH = 250
# A kind with fewer things than this is analysed in the process that rebuilds (starting worker
# processes and loading their dictionaries takes a second or two).
PARALLEL_MIN = 2000
# Batches analysed ahead of the writing in a parallel rebuild (some 30 KB of text and terms a
# document while they wait: ~90 MB).
AHEAD = 12
# Occurrences of one term an entry keeps: ranking gains little from the tenth "knihovna" of a
# document (bm25 saturates), and the index and PostgreSQL's tsvectors stay small.
MAX_REPEATS = 3
# Words whose forms a rebuild keeps at hand (see analysis.FORMS_CACHE_SIZE).
REINDEX_FORMS_CACHE_SIZE = 1_000_000

Progress = Callable[[str, int, int], None]


Parts = list[tuple[str | None, str]]
# How a builder turns (language, text) parts into an entry's terms: at once (`_join_terms`), or
# later in a worker process (`_Later`, during a rebuild).
Join = Callable[[Iterable[tuple[str | None, str]]], Any]


def _join_terms(parts: Iterable[tuple[str | None, str]]) -> str:
    """Analyse each (language, text) part and join all terms with spaces; a term is kept at
    most MAX_REPEATS times in all."""
    return analysis.terms_text(parts, max_repeats=MAX_REPEATS, limit=BODY_LIMIT)


def _plain(*parts: str | None) -> str:
    """The start of the plain text, one space between words, for snippets."""
    out: list[str] = []
    size = 0
    for part in parts:
        if not part:
            continue
        piece = " ".join(part[: TEXT_LIMIT * 2].split())
        out.append(piece)
        size += len(piece) + 1
        if size >= TEXT_LIMIT:
            break
    return " ".join(out)[:TEXT_LIMIT]


def _language(language: str, *texts: str) -> str:
    if language:
        return language
    sample = " ".join(t for t in texts if t)[:4000]
    return detect_language(sample) if sample.strip() else ""


def _public(**fields: Any) -> SearchEntry:
    return SearchEntry(visibility=Visibility.PUBLIC, network=None, audience=None, **fields)


def _library_entry(library: Any, join: Join = _join_terms) -> SearchEntry:
    lang = library.language
    region = library.region.name if library.region_id else ""
    address = ", ".join(p for p in (library.street, library.town) if p)
    return _public(
        kind=Kind.LIBRARY,
        object_id=library.pk,
        language=lang,
        title=library.name[:300],
        url=library.get_absolute_url(),
        text=_plain(address, region, library.founder, library.description),
        title_terms=join([(lang, library.name)]),
        body_terms=join(
            [
                (lang, library.town),
                (lang, library.street),
                (lang, region),
                (lang, library.founder),
                (lang, library.description),
            ]
        ),
    )


def _branch_entry(branch: Any, join: Join = _join_terms) -> SearchEntry:
    library = branch.library
    lang = library.language
    address = ", ".join(p for p in (branch.street, branch.town) if p)
    return _public(
        kind=Kind.BRANCH,
        object_id=branch.pk,
        language=lang,
        title=branch.name[:300],
        url=library.get_absolute_url(),
        text=_plain(library.name, address),
        title_terms=join([(lang, branch.name)]),
        body_terms=join(
            [(lang, library.name), (lang, branch.town or library.town), (lang, branch.street)]
        ),
    )


def _network_entry(network: Any, join: Join = _join_terms) -> SearchEntry:
    lang = network.language
    return _public(
        kind=Kind.NETWORK,
        object_id=network.pk,
        language=lang,
        title=network.name[:300],
        url=network.get_absolute_url(),
        text=_plain(network.summary, network.description),
        title_terms=join([(lang, network.name), (lang, network.short_name)]),
        body_terms=join([(lang, network.summary), (lang, network.description)]),
    )


def _event_entry(event: Any, join: Join = _join_terms) -> SearchEntry:
    # Cancelled and past events stay findable: people look up what happened, and the event's
    # page says it was cancelled.
    lang = event.language
    translations = list(event.translations.all())
    return SearchEntry(
        kind=Kind.EVENT,
        object_id=event.pk,
        network_id=event.network_id,
        visibility=event.visibility,
        audience_id=event.audience_id,
        language=lang,
        title=event.title[:300],
        url=event.get_absolute_url(),
        text=_plain(event.summary, event.description),
        title_terms=join([(lang, event.title)] + [(t.language, t.title) for t in translations]),
        body_terms=join(
            [
                (lang, event.summary),
                (lang, event.description),
                (lang, event.town),
                (lang, event.venue),
            ]
            + [(t.language, f"{t.summary}\n{t.description}") for t in translations]
        ),
    )


def document_url(document: Any) -> str:
    try:
        return reverse("knowledge:document", kwargs={"slug": document.slug})
    except NoReverseMatch:
        # Before the document pages exist (the app is mounted at /documents/).
        return f"/documents/{document.slug}/"


def _document_entry(document: Any, join: Join = _join_terms) -> SearchEntry:
    version = document.current_version
    body = version.text if version is not None and version.extraction == "done" else ""
    tags = " ".join(t.name for t in document.tags.all())
    lang = _language(document.language, document.title, document.description, body[:4000])
    return SearchEntry(
        kind=Kind.DOCUMENT,
        object_id=document.pk,
        network_id=document.network_id,
        visibility=document.visibility,
        audience_id=document.audience_id,
        language=lang,
        category=document.category,
        title=document.title[:300],
        url=document_url(document),
        ref=document.external_ref[:200],
        text=_plain(document.description, body),
        title_terms=join([(lang, document.title)]),
        body_terms=join([(lang, document.description), (lang, tags), (lang, body)]),
    )


@dataclass(frozen=True)
class Source:
    """Where the entries of one kind come from."""

    kind: str
    model_label: str
    build: Callable[[Any, Join], SearchEntry | None]
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    @property
    def model(self) -> type[models.Model]:
        from django.apps import apps

        return apps.get_model(self.model_label)

    def queryset(self) -> models.QuerySet[Any]:
        qs = self.model._default_manager.all()
        if self.related:
            qs = qs.select_related(*self.related)
        if self.prefetch:
            qs = qs.prefetch_related(*self.prefetch)
        return qs


SOURCES: dict[str, Source] = {
    s.kind: s
    for s in (
        Source(Kind.LIBRARY, "directory.Library", _library_entry, related=("region",)),
        Source(Kind.BRANCH, "directory.Branch", _branch_entry, related=("library",)),
        Source(Kind.NETWORK, "directory.Network", _network_entry),
        Source(Kind.EVENT, "events.Event", _event_entry, prefetch=("translations",)),
        Source(
            Kind.DOCUMENT,
            "knowledge.Document",
            _document_entry,
            related=("current_version",),
            prefetch=("tags",),
        ),
    )
}


def kind_of(obj: Any) -> str | None:
    label = obj._meta.label
    for source in SOURCES.values():
        if source.model_label == label:
            return source.kind
    return None


def index_object(obj: Any) -> None:
    """Make the object's entry match the object as stored now (or remove it if it is gone)."""
    kind = kind_of(obj)
    if kind is None:
        raise ValueError(f"{obj._meta.label} is not searchable.")
    source = SOURCES[kind]
    # Read again: the instance at hand may lack its tags, translations or new version text.
    fresh = source.queryset().filter(pk=obj.pk).first()
    entry = source.build(fresh, _join_terms) if fresh is not None else None
    if entry is None:
        remove_object(kind, obj.pk)
    else:
        get_backend().index([entry])


def remove_object(kind: str, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


class _Later:
    """A `Join` that collects the parts of a batch's entries for a worker process to analyse,
    leaving a numbered slot in each entry's terms; `fill` puts the terms in."""

    def __init__(self) -> None:
        self.parts: list[Parts] = []

    def __call__(self, parts: Iterable[tuple[str | None, str]]) -> _Slot:
        self.parts.append(list(parts))
        return _Slot(len(self.parts) - 1)

    def fill(self, entries: list[SearchEntry], texts: list[str]) -> None:
        for entry in entries:
            for name in ("title_terms", "body_terms"):
                slot = getattr(entry, name)
                if isinstance(slot, _Slot):
                    setattr(entry, name, texts[slot])


class _Slot(int):
    pass


def default_jobs() -> int:
    """Worker processes that analyse during a rebuild: one per processor beyond the one that
    reads and writes, at most four (the database takes one writer at a time)."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


@contextlib.contextmanager
def _analysers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes for the analysis, or None to analyse in this process. They are started
    by a fork server, so they hold no database connection of this process; they only analyse."""
    if jobs <= 0:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=analysis.start_worker,
        initargs=(REINDEX_FORMS_CACHE_SIZE,),
    ) as pool:
        yield pool


def reindex(
    kinds: list[str] | None = None,
    progress: Progress | None = None,
    *,
    batch_size: int = BATCH,
    jobs: int = 0,
) -> int:
    """Rebuild the entries of the given kinds (all by default); returns how many were written.

    With `jobs`, that many worker processes analyse the texts of the kinds with at least
    PARALLEL_MIN things while this process reads the next batches and writes the analysed ones,
    in order. `progress(kind, done, total)` is called after each batch is written.
    """
    backend = get_backend()
    repair_if_needed()
    written = 0
    # The whole vocabulary of a national corpus is analysed once (~500 MB at most).
    with (
        analysis.forms_cache_size(REINDEX_FORMS_CACHE_SIZE),
        contextlib.ExitStack() as stack,
    ):
        pool: ProcessPoolExecutor | None = None
        for kind in kinds or list(SOURCES):
            source = SOURCES[kind]
            qs = source.queryset().order_by("pk")
            total = qs.count()
            parallel = jobs > 0 and total >= PARALLEL_MIN
            if parallel and pool is None:
                pool = stack.enter_context(_analysers(jobs))
            with backend.bulk(rows=total) as committed:
                rebuild = _Rebuild(
                    backend, source, total, progress, pool if parallel else None, committed
                )
                for batch in _batches(qs, batch_size):
                    rebuild.add(batch)
                    # The workers analyse up to AHEAD batches ahead of what this process
                    # writes, so that they go on while a write waits (for PostgreSQL's merge).
                    while len(rebuild.in_flight) > max(2 * jobs, AHEAD):
                        rebuild.write_oldest()
                while rebuild.in_flight:
                    rebuild.write_oldest()
            written += rebuild.written
            # Entries of things deleted while the index was not listening (raw SQL, fixtures).
            SearchEntry.objects.filter(kind=kind).exclude(
                object_id__in=source.model._default_manager.values("pk")
            ).delete()
    backend.optimise()
    return written


class _Rebuild:
    """The batches of one kind on their way: built here, analysed in a worker of `pool` (or
    here, without one), written here in their order."""

    def __init__(
        self,
        backend: Any,
        source: Source,
        total: int,
        progress: Progress | None,
        pool: ProcessPoolExecutor | None,
        committed: Committed,
    ) -> None:
        self.backend, self.source, self.total = backend, source, total
        self.progress, self.pool, self.committed = progress, pool, committed
        self.in_flight: collections.deque[tuple[list[SearchEntry], _Later, Future[list[str]], int]]
        self.in_flight = collections.deque()
        self.written = self.done = 0

    def add(self, batch: list[Any]) -> None:
        if self.pool is None:
            self._write(
                [e for e in (self.source.build(o, _join_terms) for o in batch) if e], len(batch)
            )
            return
        later = _Later()
        entries = [e for e in (self.source.build(o, later) for o in batch) if e]
        future = self.pool.submit(analysis.terms_texts, later.parts, MAX_REPEATS, BODY_LIMIT)
        self.in_flight.append((entries, later, future, len(batch)))

    def write_oldest(self) -> None:
        entries, later, future, things = self.in_flight.popleft()
        later.fill(entries, future.result())
        self._write(entries, things)

    def _write(self, entries: list[SearchEntry], things: int) -> None:
        with transaction.atomic():
            self.backend.index(entries)
        self.committed(len(entries))
        self.written += len(entries)
        self.done += things
        if self.progress:
            self.progress(self.source.kind, self.done, self.total)


def _batches(qs: models.QuerySet[Any], size: int) -> Iterator[list[Any]]:
    """The rows of `qs` (ordered by pk) in lists of `size`, by keyset."""
    last = 0
    while True:
        batch = list(qs.filter(pk__gt=last)[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk
