"""Calendar files and feeds (placeholder until written)."""

from django.http import Http404


def feed_token_reset(request, **kwargs):
    raise Http404


personal_feed = network_feed = event_ics = feed_token_reset
