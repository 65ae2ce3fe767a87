"""Launcher shapes: configurations (``LauncherConfigList``, ``LauncherConfigNormal``,
``…DetailedSerializerNoManufacturer``, ``LauncherConfigDetailed``) and their families
(``LauncherConfigFamilyMini``/``Normal``/``Detailed``)."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyDetailedSerializer, AgencyNormalSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.api.serializers.program import ProgramNormalSerializer
from hangar.catalog.models import LAUNCH_STATS, LauncherConfig, LauncherConfigFamily


class LauncherConfigFamilyMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")

    class Meta:
        model = LauncherConfigFamily
        fields = ("response_mode", "id", "name")


class LauncherConfigFamilyNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    manufacturer = AgencyNormalSerializer(many=True)
    parent = LauncherConfigFamilyMiniSerializer(allow_null=True)

    class Meta:
        model = LauncherConfigFamily
        fields = ("response_mode", "id", "name", "manufacturer", "parent")


class LauncherConfigFamilyDetailedSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("detailed")
    manufacturer = AgencyDetailedSerializer(many=True)
    parent = LauncherConfigFamilyNormalSerializer(allow_null=True)

    class Meta:
        model = LauncherConfigFamily
        fields = (
            "response_mode",
            "id",
            "name",
            "manufacturer",
            "parent",
            "description",
            "active",
            "maiden_flight",
            *LAUNCH_STATS,
        )


class LauncherConfigListSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    url = ResourceURLField("launcherconfig-detail")
    families = LauncherConfigFamilyMiniSerializer(many=True)

    class Meta:
        model = LauncherConfig
        fields = ("response_mode", "id", "url", "name", "families", "full_name", "variant")


class LauncherConfigNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("launcherconfig-detail")
    families = LauncherConfigFamilyNormalSerializer(many=True)
    manufacturer = AgencyNormalSerializer(allow_null=True)
    program = ProgramNormalSerializer(many=True)
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = LauncherConfig
        fields = (
            *LauncherConfigListSerializer.Meta.fields,
            "active",
            "is_placeholder",
            "manufacturer",
            "program",
            "reusable",
            "image",
            "info_url",
            "wiki_url",
        )


DETAIL_FIELDS = (
    "reusable",
    "image",
    "info_url",
    "wiki_url",
    "description",
    "alias",
    "min_stage",
    "max_stage",
    "length",
    "diameter",
    "maiden_flight",
    "launch_cost",
    "launch_mass",
    "leo_capacity",
    "gto_capacity",
    "geo_capacity",
    "sso_capacity",
    "to_thrust",
    "apogee",
    *LAUNCH_STATS,
    "fastest_turnaround",
)


class LauncherConfigDetailedSerializerNoManufacturer(serializers.ModelSerializer):
    """A launcher configuration inside its manufacturer's ``launcher_list``."""

    response_mode = ConstantField("detailed")
    url = ResourceURLField("launcherconfig-detail")
    families = LauncherConfigFamilyDetailedSerializer(many=True)
    program = ProgramNormalSerializer(many=True)
    image = ImageSerializer(allow_null=True)
    fastest_turnaround = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = LauncherConfig
        fields = (
            *LauncherConfigListSerializer.Meta.fields,
            "active",
            "is_placeholder",
            "program",
            *DETAIL_FIELDS,
        )


class LauncherConfigDetailedSerializer(LauncherConfigDetailedSerializerNoManufacturer):
    manufacturer = AgencyDetailedSerializer(allow_null=True)

    class Meta:
        model = LauncherConfig
        fields = (
            *LauncherConfigListSerializer.Meta.fields,
            "active",
            "is_placeholder",
            "manufacturer",
            "program",
            *DETAIL_FIELDS,
        )
