from django.http import Http404


def event_list(request, **kwargs):
    raise Http404


month_current = month = my_events = event_create = registration = event_detail = register = (
    event_list
)
event_edit = event_cancel = event_list
