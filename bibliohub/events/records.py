"""Participants, attendance, exports, certificates and learning records (placeholder)."""

from django.http import Http404


def participants(request, **kwargs):
    raise Http404


learning_record = learning_network = participants_export = attendance_upload = certificate = (
    participants
)
