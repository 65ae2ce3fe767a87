"""``AgencyEndpointDetailed``: an agency with the launchers and spacecraft designs it makes.

Apart from ``agency.py`` because it nests launcher and spacecraft configurations, which nest agencies.
"""

from hangar.api.serializers.agency import AgencyDetailedSerializer
from hangar.api.serializers.fields import ConstantField
from hangar.api.serializers.launcher import LauncherConfigDetailedSerializerNoManufacturer
from hangar.api.serializers.spacecraft import SpacecraftConfigDetailedSerializer
from hangar.catalog.models import Agency


class AgencyEndpointDetailedSerializer(AgencyDetailedSerializer):
    response_mode = ConstantField("detailed")
    launcher_list = LauncherConfigDetailedSerializerNoManufacturer(many=True, source="launcher_configs")
    spacecraft_list = SpacecraftConfigDetailedSerializer(many=True, source="spacecraft_configs")

    class Meta:
        model = Agency
        fields = (*AgencyDetailedSerializer.Meta.fields, "launcher_list", "spacecraft_list")
