"""Events of a network: meetings, workshops, courses, conferences, webinars, general assemblies.

An event belongs to a network (or a section) and has one or more sessions, each with its own
time, place or online link. People register for the whole event; capacity is counted over
confirmed registrations, the rest wait in the order they came. Times are stored in UTC and
shown in the reader's time zone; each event names the zone it is held in.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bibliohub.core.models import Visibility


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        COURSE = "course", _("Course")
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")
        ASSEMBLY = "assembly", _("General assembly")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    class Registration(models.TextChoices):
        NONE = "none", _("No registration")
        MEMBERS = "members", _("Members of the network")
        ANYONE = "anyone", _("Anyone who can see the event")

    network = models.ForeignKey(
        "directory.Network",
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    visibility = models.CharField(
        _("who can see it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    audience = models.ForeignKey(
        "directory.Network",
        verbose_name=_("section or group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    mode = models.CharField(_("form"), max_length=20, choices=Mode.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=250)
    summary = models.CharField(_("one-line summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    host_library = models.ForeignKey(
        "directory.Library",
        verbose_name=_("host library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )
    venue = models.CharField(_("place"), max_length=250, blank=True)
    town = models.CharField(_("town"), max_length=120, blank=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    timezone = models.CharField(_("time zone"), max_length=64, default=settings.TIME_ZONE)
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration = models.CharField(
        _("who can register"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.MEMBERS,
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    training_hours = models.DecimalField(
        _("training hours"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Hours of professional development an attendee is credited with."),
    )
    # First and last moment of its sessions, kept by the services for listing and filtering.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    # iCalendar SEQUENCE: raised on every change a calendar should pick up.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["starts_at", "id"], name="events_start"),
            models.Index(fields=["network", "starts_at"], name="events_network_start"),
            models.Index(fields=["visibility", "starts_at"], name="events_vis_start"),
            # Upcoming events and feed windows are found by when they end.
            models.Index(fields=["visibility", "ends_at"], name="events_vis_end"),
            models.Index(fields=["network", "ends_at"], name="events_network_end"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", kwargs={"slug": self.slug})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        end = self.ends_at or self.starts_at
        return end is not None and end < timezone.now()

    @property
    def is_online(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)

    def translated(self, language: str | None = None) -> EventTranslation | Event:
        """The title and description in the reader's language when the event has them."""
        language = language or get_language() or self.language
        if language == self.language:
            return self
        cache = getattr(self, "_prefetched_objects_cache", {})
        pool = cache["translations"] if "translations" in cache else self.translations.all()
        for tr in pool:
            if tr.language == language:
                return tr
        return self


class EventTranslation(models.Model):
    """The title, summary and description of an event in one more language."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=250)
    summary = models.CharField(_("one-line summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(fields=["event", "language"], name="events_one_translation")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class Session(models.Model):
    """One part of an event at its own time: a day of a conference, a lesson of a course."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=250, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    programme = models.TextField(_("programme"), blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["starts_at"], name="events_session_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="events_session_ends_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} — {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def link(self) -> str:
        return self.online_url or (self.event.online_url if self.online else "")


class Question(models.Model):
    """A question asked at registration (diet, accessibility needs, invoice details, ...)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("question"), max_length=250)
    required = models.BooleanField(_("required"), default=False)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("One per line; leave empty for a free answer.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [c.strip() for c in self.choices.splitlines() if c.strip()]


class Registration(models.Model):
    """A person's place at an event: confirmed, waiting for a seat, or cancelled."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    library = models.ForeignKey(
        "directory.Library",
        verbose_name=_("library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    organisation = models.CharField(_("organisation"), max_length=250, blank=True)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(max_length=10, choices=Status.choices)
    answers = models.JSONField(default=dict, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="events_one_live_registration",
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="events_reg_queue"),
            models.Index(fields=["user", "status"], name="events_reg_user"),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"


class Reminder(models.Model):
    """A reminder sent for one session to one registration, so it is never sent twice."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="events_one_reminder")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.registration_id} {self.sent_at:%Y-%m-%d %H:%M}"


class Material(models.Model):
    """A link kept with an event: slides, a recording, minutes, a document of the network."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("link"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed address; replacing it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.token[:4]}…"
