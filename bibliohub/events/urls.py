from django.urls import path

from . import feeds, records, views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar/", views.month_current, name="month_current"),
    path("calendar/<int:year>/<int:month>/", views.month, name="month"),
    path("mine/", views.my_events, name="mine"),
    path("learning/", records.learning_record, name="learning"),
    path("learning/<slug:network>/", records.learning_network, name="learning_network"),
    path("new/<slug:network>/", views.event_create, name="create"),
    path("r/<str:token>/", views.registration, name="registration"),
    path("feeds/token/", feeds.feed_token_reset, name="feed_token_reset"),
    path("feeds/me/<str:token>.ics", feeds.personal_feed, name="personal_feed"),
    path("feeds/<slug:network>.ics", feeds.network_feed, name="network_feed"),
    path("<slug:slug>/", views.event_detail, name="event"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel_event"),
    path("<slug:slug>/event.ics", feeds.event_ics, name="event_ics"),
    path("<slug:slug>/participants/", records.participants, name="participants"),
    path("<slug:slug>/participants.<str:fmt>", records.participants_export, name="export"),
    path("<slug:slug>/attendance/upload/", records.attendance_upload, name="attendance_upload"),
    path("<slug:slug>/certificate.pdf", records.certificate, name="certificate"),
]
