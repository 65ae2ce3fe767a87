"""Flight shapes: spacecraft flights (normal and detailed), their landings and docking events, payload
flights, and ``SpacecraftEndpointDetailed`` (a spacecraft with its flights, which needs the flight shapes).
"""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer, AgencyNormalSerializer
from hangar.api.serializers.astronaut import AstronautFlightSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.api.serializers.launch import LaunchMiniSerializer, LaunchNormalSerializer
from hangar.api.serializers.location import LandingLocationSerializer
from hangar.api.serializers.program import ProgramMiniSerializer
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftDetailedSerializer,
    SpacecraftNormalSerializer,
)
from hangar.api.serializers.station import SpaceStationMiniSerializer, SpaceStationNormalSerializer
from hangar.catalog.models import (
    DockingEvent,
    DockingLocation,
    FirstStageType,
    Landing,
    LandingType,
    Payload,
    PayloadFlight,
    PayloadType,
    Spacecraft,
    SpacecraftFlight,
)


class LandingTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = LandingType
        fields = ("id", "name", "abbrev", "description")


class LandingSerializer(serializers.ModelSerializer):
    url = ResourceURLField("landing-detail")
    landing_location = LandingLocationSerializer()
    type = LandingTypeSerializer()

    class Meta:
        model = Landing
        fields = (
            "id",
            "url",
            "attempt",
            "success",
            "description",
            "downrange_distance",
            "landing_location",
            "type",
        )


class SpacecraftFlightNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("spacecraftflight-detail")
    spacecraft = SpacecraftNormalSerializer()
    launch = LaunchNormalSerializer()
    landing = LandingSerializer()
    duration = DurationField(read_only=True)
    turn_around_time = DurationField(read_only=True)
    response_mode = ConstantField("normal")

    class Meta:
        model = SpacecraftFlight
        fields = (
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "launch",
            "landing",
            "duration",
            "turn_around_time",
            "response_mode",
        )


class FirstStageTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = FirstStageType
        fields = ("id", "name")


class SpacecraftFlightMiniSerializer(SpacecraftFlightNormalSerializer):
    launch = LaunchMiniSerializer()

    class Meta:
        model = SpacecraftFlight
        # SpacecraftFlightNormal's keys without response_mode.
        fields = tuple(f for f in SpacecraftFlightNormalSerializer.Meta.fields if f != "response_mode")


class PayloadTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PayloadType
        fields = ("id", "name")


class PayloadMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    type = PayloadTypeSerializer()
    manufacturer = AgencyMiniSerializer()
    operator = AgencyMiniSerializer()
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Payload
        fields = ("response_mode", "id", "name", "type", "manufacturer", "operator", "image")


class PayloadNormalSerializer(PayloadMiniSerializer):
    response_mode = ConstantField("normal")
    manufacturer = AgencyNormalSerializer()
    operator = AgencyNormalSerializer()
    program = ProgramMiniSerializer(many=True)

    class Meta:
        model = Payload
        fields = (
            *PayloadMiniSerializer.Meta.fields,
            "wiki_link",
            "info_link",
            "program",
            "cost",
            "mass",
            "description",
        )


class PayloadFlightNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("payloadflight-detail")
    payload = PayloadNormalSerializer()
    launch = LaunchNormalSerializer()
    # Null for a payload that was not recovered, as upstream answers (its file: not nullable).
    landing = LandingSerializer(allow_null=True)

    class Meta:
        model = PayloadFlight
        fields = ("response_mode", "id", "url", "destination", "amount", "payload", "launch", "landing")


class PayloadFlightMiniSerializer(PayloadFlightNormalSerializer):
    response_mode = ConstantField("list")
    payload = PayloadMiniSerializer()
    launch = LaunchMiniSerializer()

    class Meta:
        model = PayloadFlight
        fields = PayloadFlightNormalSerializer.Meta.fields


class DockingLocationSerializer(serializers.ModelSerializer):
    # Upstream's file declares these three non-nullable, yet a port belongs to exactly one of them.
    spacestation = SpaceStationMiniSerializer(allow_null=True)
    spacecraft = SpacecraftConfigNormalSerializer(allow_null=True)
    payload = PayloadMiniSerializer(allow_null=True)

    class Meta:
        model = DockingLocation
        fields = ("id", "name", "spacestation", "spacecraft", "payload")


class DockingEventForChaserNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("dockingevent-detail")
    docking_location = DockingLocationSerializer()
    # As above: one target is set, the other two are null (the file declares all three non-nullable).
    space_station_target = SpaceStationNormalSerializer(allow_null=True)
    flight_vehicle_target = SpacecraftFlightNormalSerializer(allow_null=True)
    payload_flight_target = PayloadFlightNormalSerializer(allow_null=True)

    class Meta:
        model = DockingEvent
        fields = (
            "id",
            "url",
            "docking",
            "departure",
            "docking_location",
            "space_station_target",
            "flight_vehicle_target",
            "payload_flight_target",
        )


class SpacecraftFlightDetailedSerializer(SpacecraftFlightNormalSerializer):
    spacecraft = SpacecraftDetailedSerializer()
    response_mode = ConstantField("detailed")
    launch_crew = AstronautFlightSerializer(many=True)
    onboard_crew = AstronautFlightSerializer(many=True)
    landing_crew = AstronautFlightSerializer(many=True)
    docking_events = DockingEventForChaserNormalSerializer(many=True)

    class Meta:
        model = SpacecraftFlight
        fields = (
            *SpacecraftFlightNormalSerializer.Meta.fields,
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "docking_events",
        )


class SpacecraftEndpointDetailedSerializer(SpacecraftNormalSerializer):
    response_mode = ConstantField("detailed")
    spacecraft_config = SpacecraftConfigDetailedSerializer()
    flights = SpacecraftFlightNormalSerializer(many=True)

    class Meta:
        model = Spacecraft
        fields = (*SpacecraftNormalSerializer.Meta.fields, "flights")
