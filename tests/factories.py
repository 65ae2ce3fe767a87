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
