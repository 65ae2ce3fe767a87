"""Space station shapes: ``SpaceStationMini`` and ``SpaceStationNormal``."""

from rest_framework import serializers

from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ResourceURLField
from hangar.catalog.models import SpaceStation, SpaceStationStatus, SpaceStationType


class SpaceStationStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ("id", "name")


class SpaceStationTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationType
        fields = ("id", "name")


class SpaceStationMiniSerializer(serializers.ModelSerializer):
    url = ResourceURLField("spacestation-detail")
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = SpaceStation
        fields = ("id", "url", "name", "image")


class SpaceStationNormalSerializer(SpaceStationMiniSerializer):
    status = SpaceStationStatusSerializer()
    type = SpaceStationTypeSerializer()

    class Meta:
        model = SpaceStation
        fields = (
            *SpaceStationMiniSerializer.Meta.fields,
            "status",
            "founded",
            "deorbited",
            "description",
            "orbit",
            "type",
        )
