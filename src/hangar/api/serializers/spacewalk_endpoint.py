"""The spacewalks endpoint's shapes: ``SpacewalkEndpointNormal`` and ``SpacewalkEndpointDetailed``
(``SpacewalkList``, its list mode, is in ``spacewalk.py`` with the shape astronauts nest).

Apart from ``spacewalk.py`` because they nest spacecraft flights and stations, which nest astronauts.
"""

from rest_framework import serializers

from hangar.api.serializers.astronaut import AstronautFlightSerializer
from hangar.api.serializers.event import EventMiniSerializer, EventNormalSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.flight import SpacecraftFlightDetailedSerializer, SpacecraftFlightNormalSerializer
from hangar.api.serializers.program import (
    MissionPatchSerializer,
    ProgramMiniSerializer,
    ProgramNormalSerializer,
)
from hangar.api.serializers.spacewalk import SpacewalkListSerializer
from hangar.api.serializers.station import (
    ExpeditionMiniSerializer,
    SpaceStationMiniSerializer,
    SpaceStationNormalSerializer,
)
from hangar.catalog.models import Expedition, Spacewalk


class ExpeditionNormalSerializerForSpacewalk(serializers.ModelSerializer):
    url = ResourceURLField("expedition-detail")
    spacestation = SpaceStationNormalSerializer()
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Expedition
        fields = ("id", "url", "name", "start", "end", "spacestation", "mission_patches")


class SpacewalkEndpointNormalSerializer(SpacewalkListSerializer):
    response_mode = ConstantField("normal")
    crew = AstronautFlightSerializer(many=True)
    spacestation = SpaceStationMiniSerializer(allow_null=True)
    expedition = ExpeditionMiniSerializer(allow_null=True)
    spacecraft_flight = SpacecraftFlightNormalSerializer(allow_null=True)
    event = EventMiniSerializer(allow_null=True)
    program = ProgramMiniSerializer(many=True)

    class Meta:
        model = Spacewalk
        fields = (
            *SpacewalkListSerializer.Meta.fields,
            "crew",
            "spacestation",
            "expedition",
            "spacecraft_flight",
            "event",
            "program",
        )


class SpacewalkEndpointDetailedSerializer(SpacewalkEndpointNormalSerializer):
    response_mode = ConstantField("detailed")
    spacestation = SpaceStationNormalSerializer(allow_null=True)
    expedition = ExpeditionNormalSerializerForSpacewalk(allow_null=True)
    spacecraft_flight = SpacecraftFlightDetailedSerializer(allow_null=True)
    event = EventNormalSerializer(allow_null=True)
    program = ProgramNormalSerializer(many=True)

    class Meta:
        model = Spacewalk
        fields = SpacewalkEndpointNormalSerializer.Meta.fields
