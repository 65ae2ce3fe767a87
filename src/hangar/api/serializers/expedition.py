"""Expedition shapes: ``ExpeditionNormal`` and ``ExpeditionDetailed`` (``ExpeditionMini`` is in
``station.py``, which stations nest)."""

from rest_framework import serializers

from hangar.api.serializers.astronaut import AstronautFlightSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.program import MissionPatchSerializer
from hangar.api.serializers.spacewalk import SpacewalkListSerializer
from hangar.api.serializers.station import SpaceStationDetailedSerializer, SpaceStationNormalSerializer
from hangar.catalog.models import Expedition


class ExpeditionNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("expedition-detail")
    response_mode = ConstantField("normal")
    spacestation = SpaceStationNormalSerializer()
    mission_patches = MissionPatchSerializer(many=True)
    spacewalks = SpacewalkListSerializer(many=True)

    class Meta:
        model = Expedition
        fields = (
            "id",
            "url",
            "name",
            "start",
            "end",
            "response_mode",
            "spacestation",
            "mission_patches",
            "spacewalks",
        )


class ExpeditionDetailedSerializer(ExpeditionNormalSerializer):
    response_mode = ConstantField("detailed")
    spacestation = SpaceStationDetailedSerializer()
    crew = AstronautFlightSerializer(many=True)

    class Meta:
        model = Expedition
        fields = (*ExpeditionNormalSerializer.Meta.fields, "crew")
