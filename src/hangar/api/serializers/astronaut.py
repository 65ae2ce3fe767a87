"""Astronaut shapes: ``AstronautNormal`` (what events nest), ``AstronautDetailed`` and the
``AstronautFlight`` seat that nests it."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer, SocialMediaLinkSerializer
from hangar.api.serializers.common import CountrySerializer, ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.catalog.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType


class AstronautStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautStatus
        fields = ("id", "name")


class AstronautTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautType
        fields = ("id", "name")


class AstronautRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautRole
        fields = ("id", "role", "priority")


class AstronautNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("astronaut-detail")
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Astronaut
        fields = ("id", "url", "name", "status", "agency", "image")


class AstronautDetailedSerializer(serializers.ModelSerializer):
    # Upstream's file gives AstronautDetailed the response_mode "list" (it is the astronauts list shape).
    response_mode = ConstantField("list")
    url = ResourceURLField("astronaut-detail")
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)
    type = AstronautTypeSerializer()
    time_in_space = DurationField(read_only=True, allow_null=True)
    eva_time = DurationField(read_only=True)
    nationality = CountrySerializer(many=True)
    social_media_links = SocialMediaLinkSerializer(many=True)

    class Meta:
        model = Astronaut
        fields = (
            "id",
            "url",
            "name",
            "status",
            "agency",
            "image",
            "response_mode",
            "type",
            "in_space",
            "time_in_space",
            "eva_time",
            "age",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "bio",
            "wiki",
            "last_flight",
            "first_flight",
            "social_media_links",
        )


class AstronautFlightSerializer(serializers.ModelSerializer):
    role = AstronautRoleSerializer()
    astronaut = AstronautDetailedSerializer()

    class Meta:
        model = AstronautFlight
        fields = ("id", "role", "astronaut")
