"""Flights: a spacecraft or payload on one launch, how it landed, and where it docked on the way.

Derived values (a flight's ``duration`` and ``turn_around_time``) are stored by ``catalog.stats``.
"""

import datetime as dt

from django.db import models

from hangar.catalog.models.agency import Agency
from hangar.catalog.models.astronaut import AstronautFlight
from hangar.catalog.models.base import NamedLookup
from hangar.catalog.models.image import Image
from hangar.catalog.models.launch import Launch, Rocket
from hangar.catalog.models.launcher import Launcher
from hangar.catalog.models.location import LandingLocation
from hangar.catalog.models.program import Program
from hangar.catalog.models.spacecraft import Spacecraft, SpacecraftConfig
from hangar.catalog.models.station import SpaceStation


class LandingType(models.Model):
    """How a landing is made (Parachute Landing, Vertical Landing, Ocean, …)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, default="")
    abbrev = models.CharField(max_length=255, default="")
    description = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Landing(models.Model):
    """The landing (attempted or not) that ends a flight."""

    id = models.IntegerField(primary_key=True)
    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.TextField(default="", blank=True)
    downrange_distance = models.FloatField(null=True, blank=True)
    # Both required by the official schema (Landing.landing_location and .type are not nullable).
    landing_location = models.ForeignKey(LandingLocation, on_delete=models.PROTECT, related_name="landings")
    type = models.ForeignKey(LandingType, on_delete=models.PROTECT, related_name="landings")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Landing {self.id}"


class SpacecraftFlight(models.Model):
    """One flight of one spacecraft: its launch, its crews, its landing."""

    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    spacecraft = models.ForeignKey(Spacecraft, on_delete=models.CASCADE, related_name="flights")
    launch = models.ForeignKey(Launch, on_delete=models.PROTECT, related_name="spacecraft_flights")
    # The launch's rocket, kept equal to ``launch.rocket`` by every writer (RocketDetailed.spacecraft_stage).
    rocket = models.ForeignKey(
        Rocket, on_delete=models.SET_NULL, null=True, blank=True, related_name="spacecraft_stage"
    )
    landing = models.ForeignKey(Landing, on_delete=models.PROTECT, related_name="spacecraft_flights")
    launch_crew = models.ManyToManyField(AstronautFlight, related_name="+", blank=True)
    onboard_crew = models.ManyToManyField(AstronautFlight, related_name="+", blank=True)
    landing_crew = models.ManyToManyField(AstronautFlight, related_name="+", blank=True)
    # Derived by catalog.stats (never null on the wire, so never null here).
    duration = models.DurationField(default=dt.timedelta(0))
    turn_around_time = models.DurationField(default=dt.timedelta(0))

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["spacecraft", "id"], name="flight_spacecraft_idx")]

    def __str__(self):
        return f"{self.spacecraft} flight {self.id}"


class PayloadType(NamedLookup):
    """What a payload is (Communications Satellite, Cargo, …)."""


class Payload(models.Model):
    """An uncrewed payload carried by a launch (a satellite, a cargo module)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=1048, default="")
    type = models.ForeignKey(PayloadType, on_delete=models.PROTECT, related_name="payloads")
    manufacturer = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    operator = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    wiki_link = models.URLField(max_length=200, default="", blank=True)
    info_link = models.URLField(max_length=200, default="", blank=True)
    program = models.ManyToManyField(Program, related_name="payloads", blank=True)
    cost = models.BigIntegerField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    description = models.TextField(default="", blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class PayloadFlight(models.Model):
    """One flight of one payload: its launch and landing."""

    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    amount = models.IntegerField(default=1)
    payload = models.ForeignKey(Payload, on_delete=models.PROTECT, related_name="flights")
    launch = models.ForeignKey(Launch, on_delete=models.PROTECT, related_name="payload_flights")
    # The launch's rocket, kept equal to ``launch.rocket`` by every writer (RocketDetailed.payloads).
    rocket = models.ForeignKey(
        Rocket, on_delete=models.SET_NULL, null=True, blank=True, related_name="payloads"
    )
    # Upstream emits null for a payload that was not recovered (Sputnik 1), though its file says otherwise.
    landing = models.ForeignKey(
        Landing, on_delete=models.PROTECT, null=True, blank=True, related_name="payload_flights"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.payload} flight {self.id}"


class DockingLocation(models.Model):
    """A docking port, on a station, a spacecraft design or a payload (Salyut 4 aft port, Harmony forward)."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    spacestation = models.ForeignKey(
        SpaceStation, on_delete=models.CASCADE, null=True, blank=True, related_name="docking_locations"
    )
    spacecraft = models.ForeignKey(
        SpacecraftConfig, on_delete=models.CASCADE, null=True, blank=True, related_name="docking_locations"
    )
    payload = models.ForeignKey(
        Payload, on_delete=models.CASCADE, null=True, blank=True, related_name="docking_locations"
    )
    # Derived by catalog.stats.stations: the docking event at this port now, if any.
    currently_docked = models.ForeignKey(
        "catalog.DockingEvent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class DockingEvent(models.Model):
    """A chaser (a spacecraft flight, a station or a payload flight) docking to a station, another flight
    or a payload flight, until departure."""

    id = models.IntegerField(primary_key=True)
    docking = models.DateTimeField()
    departure = models.DateTimeField(null=True, blank=True)
    docking_location = models.ForeignKey(DockingLocation, on_delete=models.PROTECT, related_name="events")
    space_station_target = models.ForeignKey(
        SpaceStation, on_delete=models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight, on_delete=models.PROTECT, null=True, blank=True, related_name="docked_by"
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight, on_delete=models.PROTECT, null=True, blank=True, related_name="docked_by"
    )
    # Exactly one chaser (the constraint below): a flight docking (Crew Dragon to the ISS), a station
    # module docking as a station (upstream's space_station_chaser), or a payload flight (a cargo module).
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight, on_delete=models.CASCADE, null=True, blank=True, related_name="docking_events"
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation, on_delete=models.CASCADE, null=True, blank=True, related_name="chased_dockings"
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight, on_delete=models.CASCADE, null=True, blank=True, related_name="docking_events"
    )

    class Meta:
        ordering = ["docking", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        flight_vehicle_chaser__isnull=False,
                        space_station_chaser__isnull=True,
                        payload_flight_chaser__isnull=True,
                    )
                    | models.Q(
                        flight_vehicle_chaser__isnull=True,
                        space_station_chaser__isnull=False,
                        payload_flight_chaser__isnull=True,
                    )
                    | models.Q(
                        flight_vehicle_chaser__isnull=True,
                        space_station_chaser__isnull=True,
                        payload_flight_chaser__isnull=False,
                    )
                ),
                name="docking_event_one_chaser",
            )
        ]

    def __str__(self):
        return f"Docking {self.id}"


class FirstStageType(NamedLookup):
    """A first stage's role on its rocket (Core, Strap-on booster, …): ``/config/first_stage_types/``.

    A stage names its role as text (``FirstStage.type``), as upstream's nested shape does."""


class FirstStage(models.Model):
    """One launcher (a core or a booster) flying as a first stage of one rocket, and how it landed."""

    id = models.IntegerField(primary_key=True)
    rocket = models.ForeignKey(Rocket, on_delete=models.CASCADE, related_name="launcher_stage")
    type = models.CharField(max_length=255, default="Core")
    reused = models.BooleanField(null=True, blank=True)
    launcher_flight_number = models.IntegerField(null=True, blank=True)
    launcher = models.ForeignKey(Launcher, on_delete=models.PROTECT, related_name="stages")
    previous_flight_date = models.DateTimeField(null=True, blank=True)
    # Time since the launcher's previous flight, as upstream reports it (never null on the wire).
    turn_around_time = models.DurationField(default=dt.timedelta(0))
    # Null when the stage was not recovered, and for a launcher's first flight (errata in the README).
    landing = models.ForeignKey(
        Landing, on_delete=models.SET_NULL, null=True, blank=True, related_name="first_stages"
    )
    previous_flight = models.ForeignKey(
        Launch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.launcher} on rocket {self.rocket_id}"
