"""The payload flights endpoint's detailed shape, ``PayloadFlightDetailed`` (``PayloadFlightMini`` and
``PayloadFlightNormal`` are in ``flight.py``, which other shapes nest).

Apart from ``flight.py`` because it nests ``PayloadDetailed`` (``launch_detailed.py``), whose agencies
are detailed.
"""

from rest_framework import serializers

from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.flight import DockingEventForChaserNormalSerializer, LandingSerializer
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.launch_detailed import PayloadDetailedSerializer
from hangar.catalog.models import PayloadFlight


class PayloadFlightDetailedSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("detailed")
    url = ResourceURLField("payloadflight-detail")
    payload = PayloadDetailedSerializer()
    launch = LaunchNormalSerializer()
    # Null for a payload that was not recovered, as upstream answers (its file: not nullable).
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
