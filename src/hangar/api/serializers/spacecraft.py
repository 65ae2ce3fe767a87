"""Spacecraft shapes: configurations, their families, types and statuses, and spacecraft themselves.

Each class produces the upstream schema component it is named after; ``response_mode`` values follow
the official OpenAPI file's defaults for each component.
"""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer, AgencyNormalSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.catalog.models import (
    CONFIG_STATS,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)


class SpacecraftStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftStatus
        fields = ("id", "name")


class SpacecraftConfigTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftConfigType
        fields = ("id", "name")


class SpacecraftConfigFamilyMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")

    class Meta:
        model = SpacecraftConfigFamily
        fields = ("response_mode", "id", "name")


class SpacecraftConfigFamilyNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    manufacturer = AgencyMiniSerializer(allow_null=True)
    parent = SpacecraftConfigFamilyMiniSerializer(allow_null=True)

    class Meta:
        model = SpacecraftConfigFamily
        fields = ("response_mode", "id", "name", "description", "manufacturer", "parent", "maiden_flight")


class SpacecraftConfigFamilyDetailedSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    manufacturer = AgencyNormalSerializer(allow_null=True)
    parent = SpacecraftConfigFamilyNormalSerializer(allow_null=True)

    class Meta:
        model = SpacecraftConfigFamily
        fields = (
            "response_mode",
            "id",
            "name",
            "description",
            "manufacturer",
            "parent",
            "maiden_flight",
            *CONFIG_STATS,
        )


class SpacecraftConfigNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("spacecraftconfig-detail")
    type = SpacecraftConfigTypeSerializer()
    agency = AgencyMiniSerializer()
    family = SpacecraftConfigFamilyNormalSerializer(many=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = SpacecraftConfig
        fields = ("response_mode", "id", "url", "name", "type", "agency", "family", "in_use", "image")


class SpacecraftConfigDetailedSerializer(SpacecraftConfigNormalSerializer):
    response_mode = ConstantField("detailed")
    agency = AgencyNormalSerializer()
    family = SpacecraftConfigFamilyDetailedSerializer(many=True)
    fastest_turnaround = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = SpacecraftConfig
        fields = (
            *SpacecraftConfigNormalSerializer.Meta.fields,
            "capability",
            "history",
            "details",
            "maiden_flight",
            "height",
            "diameter",
            "human_rated",
            "crew_capacity",
            "payload_capacity",
            "payload_return_capacity",
            "flight_life",
            "wiki_link",
            "info_link",
            *CONFIG_STATS,
            "fastest_turnaround",
        )


class SpacecraftNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("spacecraft-detail")
    image = ImageSerializer(allow_null=True)
    time_in_space = DurationField(read_only=True, allow_null=True)
    time_docked = DurationField(read_only=True, allow_null=True)
    status = SpacecraftStatusSerializer()
    spacecraft_config = SpacecraftConfigNormalSerializer()
    fastest_turnaround = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = Spacecraft
        fields = (
            "response_mode",
            "id",
            "url",
            "name",
            "serial_number",
            "is_placeholder",
            "image",
            "in_space",
            "time_in_space",
            "time_docked",
            "flights_count",
            "mission_ends_count",
            "status",
            "description",
            "spacecraft_config",
            "fastest_turnaround",
        )


class SpacecraftDetailedSerializer(SpacecraftNormalSerializer):
    # The official file gives SpacecraftDetailed the response_mode default "normal".
    spacecraft_config = SpacecraftConfigDetailedSerializer()

    class Meta:
        model = Spacecraft
        fields = SpacecraftNormalSerializer.Meta.fields
