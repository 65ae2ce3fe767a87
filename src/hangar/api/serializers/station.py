"""Space station shapes other resources nest: ``SpaceStationMini``, ``SpaceStationNormal``,
``SpaceStationDetailed``; and ``ExpeditionMini`` (the endpoint shapes are in ``station_endpoint.py``)."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyNormalSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ResourceURLField
from hangar.catalog.models import Expedition, SpaceStation, SpaceStationStatus, SpaceStationType


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


class SpaceStationDetailedSerializer(SpaceStationNormalSerializer):
    owners = AgencyNormalSerializer(many=True)

    class Meta:
        model = SpaceStation
        fields = (*SpaceStationNormalSerializer.Meta.fields, "owners")


class ExpeditionMiniSerializer(serializers.ModelSerializer):
    url = ResourceURLField("expedition-detail")

    class Meta:
        model = Expedition
        fields = ("id", "url", "name", "start", "end")
