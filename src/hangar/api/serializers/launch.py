"""Launch shapes: ``LaunchNormal`` and what it nests (status, precision, mission, orbit, links)."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyDetailedSerializer, AgencyMiniSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.launcher import LauncherConfigListSerializer
from hangar.api.serializers.location import CelestialBodyMiniSerializer, PadSerializer
from hangar.api.serializers.program import ProgramNormalSerializer
from hangar.catalog.models import (
    InfoURL,
    InfoURLType,
    Language,
    Launch,
    LaunchStatus,
    Mission,
    MissionType,
    NetPrecision,
    Orbit,
    Rocket,
    VidURL,
    VidURLType,
)


class LaunchStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = LaunchStatus
        fields = ("id", "name", "abbrev", "description")


class NetPrecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = NetPrecision
        fields = ("id", "name", "abbrev", "description")


class MissionTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = MissionType
        fields = ("id", "name")


class OrbitSerializer(serializers.ModelSerializer):
    celestial_body = CelestialBodyMiniSerializer()

    class Meta:
        model = Orbit
        fields = ("id", "name", "abbrev", "celestial_body")


class InfoURLTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = InfoURLType
        fields = ("id", "name")


class VidURLTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = VidURLType
        fields = ("id", "name")


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ("id", "name", "code")


class InfoURLSerializer(serializers.ModelSerializer):
    type = InfoURLTypeSerializer(allow_null=True)
    language = LanguageSerializer(allow_null=True)

    class Meta:
        model = InfoURL
        fields = ("priority", "source", "title", "description", "feature_image", "url", "type", "language")


class VidURLSerializer(serializers.ModelSerializer):
    type = VidURLTypeSerializer(allow_null=True)
    language = LanguageSerializer(allow_null=True)

    class Meta:
        model = VidURL
        fields = (
            "priority",
            "source",
            "publisher",
            "title",
            "description",
            "feature_image",
            "url",
            "type",
            "language",
            "start_time",
            "end_time",
            "live",
        )


class MissionSerializer(serializers.ModelSerializer):
    image = ImageSerializer(allow_null=True)
    orbit = OrbitSerializer()
    agencies = AgencyDetailedSerializer(many=True)
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)

    class Meta:
        model = Mission
        fields = ("id", "name", "type", "description", "image", "orbit", "agencies", "info_urls", "vid_urls")


class RocketNormalSerializer(serializers.ModelSerializer):
    configuration = LauncherConfigListSerializer()

    class Meta:
        model = Rocket
        fields = ("id", "configuration")


class LaunchMiniSerializer(serializers.ModelSerializer):
    url = ResourceURLField("launch-detail")

    class Meta:
        model = Launch
        fields = ("id", "url", "name")


class LaunchBasicSerializer(serializers.ModelSerializer):
    """``LaunchBasic``: the launches endpoint's ``list`` mode."""

    url = ResourceURLField("launch-detail")
    response_mode = ConstantField("list")
    status = LaunchStatusSerializer(allow_null=True)
    net_precision = NetPrecisionSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Launch
        fields = (
            "id",
            "url",
            "name",
            "response_mode",
            "slug",
            "launch_designator",
            "status",
            "last_updated",
            "net",
            "net_precision",
            "window_end",
            "window_start",
            "image",
            "infographic",
        )


class LaunchNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("launch-detail")
    response_mode = ConstantField("normal")
    status = LaunchStatusSerializer(allow_null=True)
    net_precision = NetPrecisionSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)
    launch_service_provider = AgencyMiniSerializer(allow_null=True)
    rocket = RocketNormalSerializer(allow_null=True)
    mission = MissionSerializer(allow_null=True)
    pad = PadSerializer(allow_null=True)
    program = ProgramNormalSerializer(many=True, allow_null=True)

    class Meta:
        model = Launch
        fields = (
            "id",
            "url",
            "name",
            "response_mode",
            "slug",
            "launch_designator",
            "status",
            "last_updated",
            "net",
            "net_precision",
            "window_end",
            "window_start",
            "image",
            "infographic",
            "probability",
            "weather_concerns",
            "failreason",
            "hashtag",
            "launch_service_provider",
            "rocket",
            "mission",
            "pad",
            "webcast_live",
            "program",
            "orbital_launch_attempt_count",
            "location_launch_attempt_count",
            "pad_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count_year",
            "location_launch_attempt_count_year",
            "pad_launch_attempt_count_year",
            "agency_launch_attempt_count_year",
        )
