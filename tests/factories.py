"""Factories for catalog objects: the smallest valid graph, overridable per test."""

import datetime as dt

import factory

from hangar.catalog import models


class ImageLicenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ImageLicense

    id = factory.Sequence(lambda n: 1000 + n)
    name = "Unknown"
    priority = 9


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Image

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Image {n}")
    image_url = factory.Sequence(lambda n: f"https://images.example.org/{n}.jpg")
    thumbnail_url = factory.Sequence(lambda n: f"https://images.example.org/{n}_thumb.jpg")
    license = factory.SubFactory(ImageLicenseFactory)


class AgencyTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgencyType
        django_get_or_create = ("id",)

    id = 1
    name = "Government"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agency

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Agency {n}")
    abbrev = factory.Sequence(lambda n: f"AG{n}")
    type = factory.SubFactory(AgencyTypeFactory)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Country
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Country {n}")
    alpha_2_code = "XX"
    alpha_3_code = "XXX"


class SpacecraftStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpacecraftStatus
        django_get_or_create = ("id",)

    id = 1
    name = "Active"


class SpacecraftConfigTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpacecraftConfigType
        django_get_or_create = ("id",)

    id = 2
    name = "Capsule"


class SpacecraftConfigFamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpacecraftConfigFamily

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Family {n}")
    manufacturer = factory.SubFactory(AgencyFactory)
    maiden_flight = dt.date(2000, 1, 1)


class SpacecraftConfigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpacecraftConfig
        skip_postgeneration_save = True

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Config {n}")
    type = factory.SubFactory(SpacecraftConfigTypeFactory)
    agency = factory.SubFactory(AgencyFactory)
    image = factory.SubFactory(ImageFactory)

    @factory.post_generation
    def family(self, create, extracted, **kwargs):
        if create:
            self.family.set(extracted if extracted is not None else [SpacecraftConfigFamilyFactory()])


class SpacecraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Spacecraft

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Spacecraft {n}")
    serial_number = factory.Sequence(lambda n: f"SN-{n}")
    image = factory.SubFactory(ImageFactory)
    status = factory.SubFactory(SpacecraftStatusFactory)
    description = "A spacecraft made by a factory."
    spacecraft_config = factory.SubFactory(SpacecraftConfigFactory)
    flights_count = 0
    mission_ends_count = 0


# --- flights and their graph ----------------------------------------------------------------------------


class CelestialBodyTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CelestialBodyType
        django_get_or_create = ("id",)

    id = 1
    name = "Planet"


class CelestialBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CelestialBody
        django_get_or_create = ("id",)

    id = 1
    name = "Earth"
    type = factory.SubFactory(CelestialBodyTypeFactory)
    image = factory.SubFactory(ImageFactory)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Location {n}")
    celestial_body = factory.SubFactory(CelestialBodyFactory)
    country = factory.SubFactory(CountryFactory)
    timezone_name = "Asia/Qyzylorda"


class PadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Pad
        skip_postgeneration_save = True

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Pad {n}")
    location = factory.SubFactory(LocationFactory)
    country = factory.SubFactory(CountryFactory)

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [AgencyFactory()])


class LandingLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LandingLocation

    id = factory.Sequence(lambda n: 1000 + n)
    name = "Kazakh Steppe"
    abbrev = "KZ"
    location = factory.SubFactory(LocationFactory)
    celestial_body = factory.SubFactory(CelestialBodyFactory)


class LandingTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LandingType
        django_get_or_create = ("id",)

    id = 1
    name = "Parachute Landing"
    abbrev = "Parachute"


class LandingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Landing

    id = factory.Sequence(lambda n: 1000 + n)
    attempt = True
    success = True
    landing_location = factory.SubFactory(LandingLocationFactory)
    type = factory.SubFactory(LandingTypeFactory)


class LaunchStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LaunchStatus
        django_get_or_create = ("id",)

    id = 3
    name = "Launch Successful"
    abbrev = "Success"


class OrbitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Orbit
        django_get_or_create = ("id",)

    id = 8
    name = "Low Earth Orbit"
    abbrev = "LEO"
    celestial_body = factory.SubFactory(CelestialBodyFactory)


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Mission
        skip_postgeneration_save = True

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Mission {n}")
    type = "Human Exploration"
    orbit = factory.SubFactory(OrbitFactory)

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [AgencyFactory()])


class LaunchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Launch

    id = factory.Faker("uuid4", cast_to=None)
    name = factory.Sequence(lambda n: f"Launch {n}")
    slug = factory.Sequence(lambda n: f"launch-{n}")
    status = factory.SubFactory(LaunchStatusFactory)
    net = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    window_start = factory.SelfAttribute("net")
    window_end = factory.SelfAttribute("net")
    last_updated = factory.SelfAttribute("net")
    launch_service_provider = factory.SubFactory(AgencyFactory)
    mission = factory.SubFactory(MissionFactory)
    pad = factory.SubFactory(PadFactory)


class SpacecraftFlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpacecraftFlight

    id = factory.Sequence(lambda n: 1000 + n)
    spacecraft = factory.SubFactory(SpacecraftFactory)
    launch = factory.SubFactory(LaunchFactory)
    landing = factory.SubFactory(LandingFactory)


class AstronautFlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AstronautFlight

    id = factory.Sequence(lambda n: 1000 + n)
    role = factory.LazyFunction(lambda: models.AstronautRole.objects.get_or_create(id=1, role="Commander")[0])
    astronaut = factory.LazyFunction(
        lambda: models.Astronaut.objects.create(
            id=models.Astronaut.objects.count() + 1000,
            name="An Astronaut",
            status=models.AstronautStatus.objects.get_or_create(id=1, name="Active")[0],
            type=models.AstronautType.objects.get_or_create(id=2, name="Government")[0],
            agency=AgencyFactory(),
            bio="Illustrative.",
        )
    )


class SpaceStationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpaceStation

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Station {n}")
    status = factory.LazyFunction(
        lambda: models.SpaceStationStatus.objects.get_or_create(id=1, name="Active")[0]
    )
    type = factory.LazyFunction(
        lambda: models.SpaceStationType.objects.get_or_create(id=1, name="Government")[0]
    )
    founded = dt.date(1998, 11, 20)
    orbit = "Low Earth Orbit"


class DockingEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DockingEvent

    id = factory.Sequence(lambda n: 1000 + n)
    flight_vehicle_chaser = factory.SubFactory(SpacecraftFlightFactory)
    docking = dt.datetime(2000, 1, 2, tzinfo=dt.UTC)
    space_station_target = factory.SubFactory(SpaceStationFactory)
    docking_location = factory.LazyAttribute(
        lambda o: models.DockingLocation.objects.create(
            id=models.DockingLocation.objects.count() + 1000,
            name="Forward",
            spacestation=o.space_station_target,
        )
    )


class AstronautFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Astronaut

    id = factory.Sequence(lambda n: 5000 + n)
    name = factory.Sequence(lambda n: f"Astronaut {n}")
    status = factory.LazyFunction(
        lambda: models.AstronautStatus.objects.get_or_create(id=1, name="Active")[0]
    )
    type = factory.LazyFunction(
        lambda: models.AstronautType.objects.get_or_create(id=2, name="Government")[0]
    )
    agency = factory.SubFactory(AgencyFactory)
    bio = "Illustrative."


class SpacewalkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Spacewalk

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Spacewalk {n}")


class PayloadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Payload

    id = factory.Sequence(lambda n: 1000 + n)
    name = factory.Sequence(lambda n: f"Payload {n}")
    type = factory.LazyFunction(lambda: models.PayloadType.objects.get_or_create(id=1, name="Cargo")[0])
    manufacturer = factory.SubFactory(AgencyFactory)
    operator = factory.SelfAttribute("manufacturer")


class PayloadFlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PayloadFlight

    id = factory.Sequence(lambda n: 1000 + n)
    payload = factory.SubFactory(PayloadFactory)
    launch = factory.SubFactory(LaunchFactory)
    landing = factory.SubFactory(LandingFactory)
