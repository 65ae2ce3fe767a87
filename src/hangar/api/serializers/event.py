"""Event shapes: ``EventType``, ``EventMini`` and ``EventNormal`` (what spacewalks and the Starship
dashboard nest), ``EventEndpointList``, ``EventEndpointNormal`` and ``EventEndpointDetailed``.

Apart from ``launch.py`` because the detailed shape nests launches, expeditions and stations.
"""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer
from hangar.api.serializers.astronaut import AstronautNormalSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.expedition import ExpeditionNormalSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.api.serializers.launch import (
    InfoURLSerializer,
    LaunchBasicSerializer,
    NetPrecisionSerializer,
    VidURLSerializer,
)
from hangar.api.serializers.launch_detailed import UpdateSerializer
from hangar.api.serializers.program import ProgramNormalSerializer
from hangar.api.serializers.station import SpaceStationNormalSerializer
from hangar.catalog.models import Event, EventType


class EventTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventType
        fields = ("id", "name")


class EventMiniSerializer(serializers.ModelSerializer):
    """``EventMini``: what a spacewalk nests in normal mode."""

    url = ResourceURLField("event-detail")
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Event
        fields = ("id", "url", "name", "info_urls", "vid_urls", "image", "date")


class EventNormalSerializer(EventMiniSerializer):
    """``EventNormal``: what the Starship dashboard and a detailed spacewalk nest (no ``response_mode``,
    no ``duration``)."""

    type = EventTypeSerializer()
    date_precision = NetPrecisionSerializer(allow_null=True)

    class Meta:
        model = Event
        fields = (
            *EventMiniSerializer.Meta.fields,
            "slug",
            "type",
            "description",
            "webcast_live",
            "location",
            "date_precision",
        )


class EventEndpointListSerializer(EventNormalSerializer):
    response_mode = ConstantField("list")
    duration = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = (*EventNormalSerializer.Meta.fields, "response_mode", "duration")


class EventEndpointNormalSerializer(EventEndpointListSerializer):
    response_mode = ConstantField("normal")
    updates = UpdateSerializer(many=True)

    class Meta:
        model = Event
        fields = (*EventEndpointListSerializer.Meta.fields, "updates", "last_updated")


class EventEndpointDetailedSerializer(EventEndpointNormalSerializer):
    response_mode = ConstantField("detailed")
    agencies = AgencyMiniSerializer(many=True)
    launches = LaunchBasicSerializer(many=True)
    expeditions = ExpeditionNormalSerializer(many=True)
    spacestations = SpaceStationNormalSerializer(many=True)
    program = ProgramNormalSerializer(many=True)
    astronauts = AstronautNormalSerializer(many=True)

    class Meta:
        model = Event
        fields = (
            *EventEndpointNormalSerializer.Meta.fields,
            "agencies",
            "launches",
            "expeditions",
            "spacestations",
            "program",
            "astronauts",
        )
