"""Networks, libraries, branches, opening hours and people's roles."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


# Addresses under /join/ that a network's slug must not take (see membership/urls.py).
RESERVED_NETWORK_SLUGS = frozenset({"review", "members", "invitation"})


def validate_network_slug(value: str) -> None:
    if value in RESERVED_NETWORK_SLUGS:
        raise ValidationError(
            _("“%(value)s” is reserved for the site's own pages; choose another address."),
            params={"value": value},
        )


class Region(models.Model):
    """A region of a country, as its libraries name it (kraj, regija, oblast, okrug)."""

    country = models.CharField(_("country"), max_length=2)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=120, unique=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Network(models.Model):
    """An association, a section or working group of one, a regional or a library system."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association of libraries")
        SECTION = "section", _("Section")
        WORKING_GROUP = "working_group", _("Working group")
        REGIONAL_SYSTEM = "regional_system", _("Regional library system")
        LIBRARY_SYSTEM = "library_system", _("Central library system")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(
        _("address on the site"), max_length=80, unique=True, validators=[validate_network_slug]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="networks",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.CONTENT_LANGUAGES)
    summary = models.CharField(_("one-line summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    accepts_applications = models.BooleanField(_("accepts applications to join"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:network", kwargs={"slug": self.slug})

    def clean(self) -> None:
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError({"parent": _("A network cannot belong to itself.")})
            node = node.parent

    def ancestors(self) -> list["Network"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


class Library(models.Model):
    """A legal library: the unit that joins networks and reports statistics."""

    class Type(models.TextChoices):
        PUBLIC = "public", _("Public (municipal) library")
        REGIONAL = "regional", _("Regional library")
        UNIVERSITY = "university", _("University library")
        SPECIALISED = "specialised", _("Specialised library")
        SCHOOL = "school", _("School library")
        NATIONAL = "national", _("National library")

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    library_type = models.CharField(_("type of library"), max_length=20, choices=Type.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="libraries",
    )
    founder = models.CharField(_("founder"), max_length=250, blank=True)
    population_served = models.PositiveIntegerField(_("population served"), null=True, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    town = models.CharField(_("town"), max_length=120, db_index=True)
    country = models.CharField(_("country"), max_length=2)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_timezone],
        default="Europe/Prague",
        help_text=_("For example Europe/Prague, Europe/Ljubljana, Europe/Belgrade, Europe/Kyiv."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.CONTENT_LANGUAGES)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # Lower-cased, diacritics-free name and town, kept for search by name or town.
    search_text = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        indexes = [
            models.Index(fields=["library_type", "name"]),
            # The directory lists by name: a page is read off this index, not sorted.
            models.Index(fields=["name", "id"], name="directory_library_name_id"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:library", kwargs={"slug": self.slug})


class Branch(models.Model):
    """A service point of a library, with its own address and hours."""

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.CASCADE, related_name="branches"
    )
    name = models.CharField(_("name"), max_length=250)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    town = models.CharField(_("town"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    class Meta:
        ordering = ["library", "name"]
        verbose_name = _("branch")
        verbose_name_plural = _("branches")

    def __str__(self) -> str:
        return self.name


class Service(models.TextChoices):
    """What a line of opening hours is for; GENERAL is the building itself."""

    GENERAL = "general", _("Library open")
    ORDERING = "ordering", _("Ordering of publications")
    LENDING = "lending", _("Lending and returns")
    READING_ROOM = "reading_room", _("Reading room")
    CHILDREN = "children", _("Children's department")
    PHONE = "phone", _("Telephone enquiries")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One opening period of one service on one weekday, in the library's time zone.

    A period whose closing time is not after its opening time runs past midnight into the next
    day (22:00–02:00). Several periods a day are several rows (8:00–12:00 and 13:00–18:00).
    """

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.CASCADE, related_name="hours"
    )
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="hours",
    )
    service = models.CharField(
        _("service"), max_length=20, choices=Service.choices, default=Service.GENERAL
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["library", "branch", "service", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        indexes = [
            # "Open now": the rows running at a wall time, read from the index alone.
            models.Index(
                fields=["weekday", "service", "opens", "closes", "branch", "library"],
                name="directory_hours_running",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens == self.closes:
            raise ValidationError(_("Opening and closing time cannot be the same."))
        if self.branch_id and self.library_id and self.branch.library_id != self.library_id:
            raise ValidationError({"branch": _("This branch belongs to another library.")})


class HoursException(models.Model):
    """A dated change: a holiday closure, or changed hours, for one day or a range of days."""

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.CASCADE, related_name="exceptions"
    )
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    service = models.CharField(
        _("service"),
        max_length=20,
        choices=Service.choices,
        blank=True,
        help_text=_("Leave empty when the change applies to every service."),
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("changed hours or closure")
        verbose_name_plural = _("changed hours and closures")
        indexes = [
            models.Index(fields=["start_date", "end_date"]),
            # A page's libraries and their exceptions from a date on.
            models.Index(fields=["library", "end_date"], name="directory_exc_library_end"),
        ]

    def __str__(self) -> str:
        return f"{self.start_date}–{self.end_date} {self.reason}"

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(_("Give the changed opening and closing time, or mark closed."))
        if self.closed:
            self.opens = self.closes = None


class LibraryRole(models.Model):
    """A person's role in a library."""

    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="library_roles"
    )
    library = models.ForeignKey(Library, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("job title"), max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "library", "role"], name="one_library_role")
        ]
        verbose_name = _("role in a library")
        verbose_name_plural = _("roles in libraries")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.library}"


class NetworkRole(models.Model):
    """A person's role in a network, section or working group."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        EXPERT = "expert", _("Expert")
        MENTOR = "mentor", _("Mentor")
        MEMBER = "member", _("Member of the group")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_roles"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("title shown"), max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "network", "role"], name="one_network_role")
        ]
        verbose_name = _("role in a network")
        verbose_name_plural = _("roles in networks")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.network}"
