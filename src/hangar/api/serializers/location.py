"""Place shapes: celestial bodies, locations, pads and landing locations."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer, AgencyNormalSerializer
from hangar.api.serializers.common import CountrySerializer, ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.catalog.models import CelestialBody, CelestialBodyType, LandingLocation, Location, Pad


class CelestialBodyTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CelestialBodyType
        fields = ("id", "name")


class CelestialBodyMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")

    class Meta:
        model = CelestialBody
        fields = ("response_mode", "id", "name")


class CelestialBodyNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    type = CelestialBodyTypeSerializer()
    image = ImageSerializer()

    class Meta:
        model = CelestialBody
        fields = (
            "response_mode",
            "id",
            "name",
            "type",
            "diameter",
            "mass",
            "gravity",
            "length_of_day",
            "atmosphere",
            "image",
            "description",
            "wiki_url",
        )


class CelestialBodyDetailedSerializer(CelestialBodyNormalSerializer):
    # Upstream's file gives CelestialBodyDetailed the response_mode default "normal".
    class Meta:
        model = CelestialBody
        fields = (
            *CelestialBodyNormalSerializer.Meta.fields,
            "total_attempted_launches",
            "successful_launches",
            "failed_launches",
            "total_attempted_landings",
            "successful_landings",
            "failed_landings",
        )


LOCATION_FIELDS = (
    "active",
    "country",
    "description",
    "image",
    "map_image",
    "longitude",
    "latitude",
    "timezone_name",
    "total_launch_count",
    "total_landing_count",
)


class LocationSerializerNoCelestialBody(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("location-detail")
    country = CountrySerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Location
        fields = ("response_mode", "id", "url", "name", *LOCATION_FIELDS)


class LocationSerializer(LocationSerializerNoCelestialBody):
    """Upstream's ``Location``: the body sits between ``name`` and ``active``."""

    celestial_body = CelestialBodyDetailedSerializer()

    class Meta:
        model = Location
        fields = ("response_mode", "id", "url", "name", "celestial_body", *LOCATION_FIELDS)


PAD_FIELDS = (
    "id",
    "url",
    "active",
    "agencies",
    "name",
    "image",
    "description",
    "info_url",
    "wiki_url",
    "map_url",
    "latitude",
    "longitude",
    "country",
    "map_image",
    "total_launch_count",
    "orbital_launch_attempt_count",
    "fastest_turnaround",
)


class PadSerializerNoLocation(serializers.ModelSerializer):
    """A pad inside its location (``LocationSerializerWithPads.pads``): its agencies are ``AgencyMini``."""

    url = ResourceURLField("pad-detail")
    agencies = AgencyMiniSerializer(many=True)
    image = ImageSerializer(allow_null=True)
    country = CountrySerializer(allow_null=True)
    fastest_turnaround = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = Pad
        fields = PAD_FIELDS


class PadSerializer(PadSerializerNoLocation):
    agencies = AgencyNormalSerializer(many=True)
    location = LocationSerializer(allow_null=True)

    class Meta:
        model = Pad
        fields = (*PAD_FIELDS, "location")


class LocationSerializerWithPads(LocationSerializer):
    """``LocationSerializerWithPads`` (``/locations/?mode=detailed``): the location and its pads."""

    response_mode = ConstantField("detailed")
    pads = PadSerializerNoLocation(many=True)

    class Meta:
        model = Location
        fields = (*LocationSerializer.Meta.fields, "pads")


class CelestialBodyEndpointDetailedSerializer(CelestialBodyDetailedSerializer):
    """``/celestial_bodies/?mode=detailed``: the body with its statistics and its locations."""

    response_mode = ConstantField("detailed")
    locations = LocationSerializerNoCelestialBody(many=True)

    class Meta:
        model = CelestialBody
        fields = (*CelestialBodyDetailedSerializer.Meta.fields, "locations")


class LandingLocationSerializer(serializers.ModelSerializer):
    location = LocationSerializerNoCelestialBody()
    image = ImageSerializer(allow_null=True)
    celestial_body = CelestialBodyNormalSerializer()

    class Meta:
        model = LandingLocation
        fields = (
            "id",
            "name",
            "active",
            "abbrev",
            "description",
            "location",
            "longitude",
            "latitude",
            "image",
            "successful_landings",
            "attempted_landings",
            "failed_landings",
            "celestial_body",
        )
