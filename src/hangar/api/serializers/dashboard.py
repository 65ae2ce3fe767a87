"""The Starship dashboard's shapes: ``StarshipDashboardList``/``Normal``/``Detailed``, the
``LaunchAndEvents*`` windows they nest, ``RoadClosure``, ``Notice`` and ``VidURLs`` (a live stream).

The dashboard is one object, not a model: its serializers read a ``api.views.dashboard.Dashboard``,
whose lists the view loads with each item serializer's own loading plan.
"""

from rest_framework import serializers

from hangar.api.serializers.event import EventEndpointListSerializer, EventNormalSerializer
from hangar.api.serializers.fields import ConstantField
from hangar.api.serializers.launch import LaunchBasicSerializer, LaunchNormalSerializer
from hangar.api.serializers.launch_detailed import (
    LaunchDetailedSerializer,
    LauncherDetailedSerializer,
    UpdateSerializer,
)
from hangar.api.serializers.spacecraft import SpacecraftNormalSerializer
from hangar.catalog.models import Notice, NoticeType, RoadClosure, RoadClosureStatus, VidURL


class RoadClosureStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoadClosureStatus
        fields = ("id", "name")


class RoadClosureSerializer(serializers.ModelSerializer):
    status = RoadClosureStatusSerializer()

    class Meta:
        model = RoadClosure
        fields = ("id", "title", "status", "window_start", "window_end")


class NoticeTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = NoticeType
        fields = ("id", "name")


class NoticeSerializer(serializers.ModelSerializer):
    type = NoticeTypeSerializer()

    class Meta:
        model = Notice
        fields = ("id", "type", "date", "url")


class VidURLsSerializer(serializers.ModelSerializer):
    """``VidURLs``: a live stream, from a video link of an upcoming launch or event."""

    image = serializers.CharField(source="feature_image", allow_null=True, read_only=True)

    class Meta:
        model = VidURL
        fields = ("title", "description", "image", "url")


def _window(launches, events, mode: str) -> type[serializers.Serializer]:
    return type(
        f"LaunchAndEvents{mode}Serializer",
        (serializers.Serializer,),
        {"launches": launches(many=True), "events": events(many=True), "__module__": __name__},
    )


LaunchAndEventsListSerializer = _window(LaunchBasicSerializer, EventEndpointListSerializer, "List")
LaunchAndEventsNormalSerializer = _window(LaunchNormalSerializer, EventNormalSerializer, "Normal")
LaunchAndEventsDetailedSerializer = _window(LaunchDetailedSerializer, EventNormalSerializer, "Detailed")


def _dashboard(mode: str, window) -> type[serializers.Serializer]:
    fields = {
        "response_mode": ConstantField(mode.lower()),
        "updates": UpdateSerializer(many=True),
        "live_streams": VidURLsSerializer(many=True),
        "road_closures": RoadClosureSerializer(many=True),
        "notices": NoticeSerializer(many=True),
        "vehicles": LauncherDetailedSerializer(many=True),
        "orbiters": SpacecraftNormalSerializer(many=True),
        "upcoming": window(),
        "previous": window(),
    }
    return type(
        f"StarshipDashboard{mode}Serializer", (serializers.Serializer,), {**fields, "__module__": __name__}
    )


# One declaration per component, in the official key order; the modes differ only in the windows' shapes.
StarshipDashboardListSerializer = _dashboard("List", LaunchAndEventsListSerializer)
StarshipDashboardNormalSerializer = _dashboard("Normal", LaunchAndEventsNormalSerializer)
StarshipDashboardDetailedSerializer = _dashboard("Detailed", LaunchAndEventsDetailedSerializer)
