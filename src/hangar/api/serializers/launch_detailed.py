"""``LaunchDetailed`` and what only it nests: updates, timeline, the rocket with its stages and payloads.

Apart from ``launch.py`` because the rocket's stages are flight shapes (``flight.py``), which nest
``LaunchNormal`` themselves.
"""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyDetailedSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.api.serializers.flight import (
    DockingEventForChaserNormalSerializer,
    LandingSerializer,
    PayloadNormalSerializer,
    SpacecraftFlightDetailedSerializer,
)
from hangar.api.serializers.launch import (
    InfoURLSerializer,
    LaunchMiniSerializer,
    LaunchNormalSerializer,
    VidURLSerializer,
)
from hangar.api.serializers.launcher import LauncherConfigDetailedSerializer, LauncherConfigListSerializer
from hangar.api.serializers.program import MissionPatchSerializer, ProgramNormalSerializer
from hangar.catalog.models import (
    FirstStage,
    Launch,
    Launcher,
    LauncherStatus,
    Payload,
    PayloadFlight,
    Rocket,
    SpacecraftFlight,
    TimelineEvent,
    TimelineEventType,
    Update,
)


class UpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Update
        fields = ("id", "profile_image", "comment", "info_url", "created_by", "created_on")


class TimelineEventTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimelineEventType
        fields = ("id", "abbrev", "description")


class TimelineEventSerializer(serializers.ModelSerializer):
    type = TimelineEventTypeSerializer(allow_null=True)
    relative_time = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = TimelineEvent
        fields = ("type", "relative_time")


class LauncherStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = LauncherStatus
        fields = ("id", "name")


class LauncherMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    url = ResourceURLField("launcher-detail")
    status = LauncherStatusSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Launcher
        fields = (
            "response_mode",
            "id",
            "url",
            "flight_proven",
            "serial_number",
            "is_placeholder",
            "status",
            "image",
        )


class LauncherNormalSerializer(LauncherMiniSerializer):
    response_mode = ConstantField("normal")
    fastest_turnaround = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = Launcher
        fields = (
            *LauncherMiniSerializer.Meta.fields,
            "details",
            "successful_landings",
            "attempted_landings",
            "flights",
            "last_launch_date",
            "first_launch_date",
            "fastest_turnaround",
        )


class LauncherDetailedSerializer(LauncherNormalSerializer):
    """``LauncherDetailed``: a launcher with its configuration (launchers, the Starship dashboard)."""

    response_mode = ConstantField("detailed")
    launcher_config = LauncherConfigListSerializer(allow_null=True)

    class Meta:
        model = Launcher
        fields = (*LauncherNormalSerializer.Meta.fields, "launcher_config")


class FirstStageNormalSerializer(serializers.ModelSerializer):
    launcher = LauncherNormalSerializer()
    turn_around_time = DurationField(read_only=True)
    # Null for a stage that was not recovered and for a launcher's first flight, as upstream answers
    # (its file declares both non-nullable): errata in tests/openapi.py and the README.
    landing = LandingSerializer(allow_null=True)
    previous_flight = LaunchMiniSerializer(allow_null=True)

    class Meta:
        model = FirstStage
        fields = (
            "id",
            "type",
            "reused",
            "launcher_flight_number",
            "launcher",
            "previous_flight_date",
            "turn_around_time",
            "landing",
            "previous_flight",
        )


class SpacecraftFlightDetailedSerializerNoLaunch(SpacecraftFlightDetailedSerializer):
    launch = None  # the launch is the object that nests it

    class Meta:
        model = SpacecraftFlight
        fields = tuple(f for f in SpacecraftFlightDetailedSerializer.Meta.fields if f != "launch")


class PayloadDetailedSerializer(PayloadNormalSerializer):
    response_mode = ConstantField("detailed")
    manufacturer = AgencyDetailedSerializer()
    operator = AgencyDetailedSerializer()
    program = ProgramNormalSerializer(many=True)

    class Meta:
        model = Payload
        fields = PayloadNormalSerializer.Meta.fields


class PayloadFlightDetailedSerializer(serializers.ModelSerializer):
    """``PayloadFlightDetailed``: the payload flights endpoint's detailed mode (``PayloadFlightMini`` and
    ``PayloadFlightNormal`` are in ``flight.py``, which other shapes nest)."""

    response_mode = ConstantField("detailed")
    url = ResourceURLField("payloadflight-detail")
    payload = PayloadDetailedSerializer()
    launch = LaunchNormalSerializer()
    # Upstream answers null for a payload not recovered (Sputnik 1); its file says Landing, not nullable.
    landing = LandingSerializer(allow_null=True)
    docking_events = DockingEventForChaserNormalSerializer(many=True)

    class Meta:
        model = PayloadFlight
        fields = (
            "response_mode",
            "id",
            "url",
            "destination",
            "amount",
            "payload",
            "launch",
            "landing",
            "docking_events",
        )


class PayloadFlightSerializerNoLaunch(PayloadFlightDetailedSerializer):
    launch = None  # the launch is the object whose rocket lists it

    class Meta:
        model = PayloadFlight
        fields = tuple(f for f in PayloadFlightDetailedSerializer.Meta.fields if f != "launch")


class RocketDetailedSerializer(serializers.ModelSerializer):
    configuration = LauncherConfigDetailedSerializer()
    launcher_stage = FirstStageNormalSerializer(many=True)
    spacecraft_stage = SpacecraftFlightDetailedSerializerNoLaunch(many=True)
    payloads = PayloadFlightSerializerNoLaunch(many=True)

    class Meta:
        model = Rocket
        fields = ("id", "configuration", "launcher_stage", "spacecraft_stage", "payloads")


class LaunchDetailedSerializer(LaunchNormalSerializer):
    """``LaunchDetailed``: the launch endpoints' ``detailed`` mode (the detail default)."""

    response_mode = ConstantField("detailed")
    launch_service_provider = AgencyDetailedSerializer(allow_null=True)
    rocket = RocketDetailedSerializer(allow_null=True)
    updates = UpdateSerializer(many=True)
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)
    timeline = TimelineEventSerializer(many=True)
    pad_turnaround = DurationField(read_only=True)
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Launch
        fields = (
            *LaunchNormalSerializer.Meta.fields,
            "flightclub_url",
            "updates",
            "info_urls",
            "vid_urls",
            "timeline",
            "pad_turnaround",
            "mission_patches",
        )
