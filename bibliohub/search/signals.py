"""The index follows every change: saves, deletes and tag changes of the searchable things update
their entries in the same transaction (the handlers run inside the saving transaction).

Writes that send no signals (`QuerySet.update`, `bulk_create`) must call `index.index_object`
themselves; `bibliohub reindex` repairs anything missed.
"""

from __future__ import annotations

import threading
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import index
from .models import Kind

_state = threading.local()


def _deleting() -> set[tuple[str, int]]:
    if not hasattr(_state, "deleting"):
        _state.deleting = set()
    return _state.deleting


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loaddata: related rows may not exist yet; `bibliohub reindex` afterwards.
        return
    index.index_object(instance)


def _library_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    index.index_object(instance)
    # A branch's entry carries its library's name and town.
    for branch in instance.branches.all():
        index.index_object(branch)


def _event_saved(sender: Any, instance: Any, created: bool = False, raw: bool = False, **kw: Any):
    if raw:
        return
    index.index_object(instance)
    if created:
        # Translations and the like are added after the first save, some by bulk_create (no
        # signal): look again once the transaction that created the event has committed.
        pk = instance.pk
        transaction.on_commit(lambda: _reindex_event(pk))


def _reindex_event(pk: int) -> None:
    event = apps.get_model("events", "Event")._default_manager.filter(pk=pk).first()
    if event is not None:
        index.index_object(event)
    else:
        index.remove_object(Kind.EVENT, pk)


def _parent_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Deleting an event or a document deletes its translations or versions first; their own
    # handlers need not index a parent that is going away.
    _deleting().add((instance._meta.label, instance.pk))


def _removed(sender: Any, instance: Any, **kwargs: Any) -> None:
    kind = index.kind_of(instance)
    _deleting().discard((instance._meta.label, instance.pk))
    if kind is not None:
        index.remove_object(kind, instance.pk)


def _reindex_parent(label: str, pk: int | None) -> None:
    if pk is None or (label, pk) in _deleting():
        return
    parent = apps.get_model(label)._default_manager.filter(pk=pk).first()
    if parent is not None:
        index.index_object(parent)


def _translation_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _reindex_parent("events.Event", instance.event_id)


def _version_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # A version matters to search when it is the document's current one (its text extracted,
    # or it has just become current — then the document's own save follows too).
    if raw:
        return
    Document = apps.get_model("knowledge", "Document")
    if Document._default_manager.filter(
        pk=instance.document_id, current_version_id=instance.pk
    ).exists():
        _reindex_parent("knowledge.Document", instance.document_id)


def _version_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    _reindex_parent("knowledge.Document", instance.document_id)


def _tags_changed(sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kw: Any):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        index.index_object(instance)
        return
    # tag.documents.add(...): the documents are in pk_set (all of the tag's for a clear, which
    # Django does not list: those were read in pre_clear below).
    ids = pk_set if pk_set is not None else getattr(instance, "_search_cleared", ())
    for pk in ids:
        _reindex_parent("knowledge.Document", pk)


def _tags_clearing(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action == "pre_clear" and reverse:
        instance._search_cleared = list(instance.documents.values_list("pk", flat=True))


def _tag_saved(sender: Any, instance: Any, created: bool = False, raw: bool = False, **kw: Any):
    if raw or created:
        return
    for document in instance.documents.all():
        index.index_object(document)


def _tag_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance._search_documents = list(instance.documents.values_list("pk", flat=True))


def _tag_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    for pk in getattr(instance, "_search_documents", ()):
        _reindex_parent("knowledge.Document", pk)


def connect() -> None:
    Library = apps.get_model("directory", "Library")
    Branch = apps.get_model("directory", "Branch")
    Network = apps.get_model("directory", "Network")
    Event = apps.get_model("events", "Event")
    EventTranslation = apps.get_model("events", "EventTranslation")
    Document = apps.get_model("knowledge", "Document")
    DocumentVersion = apps.get_model("knowledge", "DocumentVersion")
    Tag = apps.get_model("knowledge", "Tag")

    uid = "bibliohub.search"
    post_save.connect(_library_saved, sender=Library, dispatch_uid=f"{uid}.library")
    for model in (Branch, Network, Document):
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}.save.{model._meta.label}")
    post_save.connect(_event_saved, sender=Event, dispatch_uid=f"{uid}.event")
    for model in (Library, Branch, Network, Event, Document):
        post_delete.connect(_removed, sender=model, dispatch_uid=f"{uid}.del.{model._meta.label}")
    for model in (Event, Document):
        pre_delete.connect(
            _parent_deleting, sender=model, dispatch_uid=f"{uid}.predel.{model._meta.label}"
        )
    post_save.connect(_translation_changed, sender=EventTranslation, dispatch_uid=f"{uid}.tr")
    post_delete.connect(_translation_changed, sender=EventTranslation, dispatch_uid=f"{uid}.trd")
    post_save.connect(_version_saved, sender=DocumentVersion, dispatch_uid=f"{uid}.version")
    post_delete.connect(_version_deleted, sender=DocumentVersion, dispatch_uid=f"{uid}.vdel")
    m2m_changed.connect(_tags_changed, sender=Document.tags.through, dispatch_uid=f"{uid}.tags")
    m2m_changed.connect(
        _tags_clearing, sender=Document.tags.through, dispatch_uid=f"{uid}.tagsclear"
    )
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid=f"{uid}.tag")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid=f"{uid}.tagpredel")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid=f"{uid}.tagdel")
