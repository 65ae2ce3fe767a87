"""The ``/config/`` lookups beyond the spacecraft domain's: one read-only list and detail per value list.

Every one of them is the same endpoint over a different model and component (upstream's help text
differs only in the path), so they are declared as one table, ``CONFIG_LOOKUPS``, and built by
``lookup_viewset``; ``api.urls`` registers each under ``config/<path>``.
"""

from hangar.api.serializers.agency import AgencyTypeSerializer
from hangar.api.serializers.astronaut import (
    AstronautRoleSerializer,
    AstronautStatusSerializer,
    AstronautTypeSerializer,
)
from hangar.api.serializers.common import (
    CountrySerializer,
    ImageLicenseSerializer,
    ImageVariantTypeSerializer,
)
from hangar.api.serializers.dashboard import NoticeTypeSerializer, RoadClosureStatusSerializer
from hangar.api.serializers.event import EventTypeSerializer
from hangar.api.serializers.flight import (
    DockingLocationSerializer,
    FirstStageTypeSerializer,
    LandingTypeSerializer,
    PayloadTypeSerializer,
)
from hangar.api.serializers.launch import (
    InfoURLTypeSerializer,
    LanguageSerializer,
    LaunchStatusSerializer,
    MissionTypeSerializer,
    NetPrecisionSerializer,
    OrbitSerializer,
    VidURLTypeSerializer,
)
from hangar.api.serializers.launch_detailed import LauncherStatusSerializer, TimelineEventTypeSerializer
from hangar.api.serializers.location import CelestialBodyTypeSerializer, LandingLocationSerializer
from hangar.api.serializers.program import ProgramTypeSerializer
from hangar.api.serializers.station import SpaceStationStatusSerializer
from hangar.api.views.base import LookupViewSet


def lookup_viewset(path: str, serializer_class, **attrs) -> type[LookupViewSet]:
    """A ``/config/<path>/`` viewset listing ``serializer_class``'s model."""
    model = serializer_class.Meta.model
    name = f"{model.__name__}ViewSet"
    body = {"__module__": __name__, "queryset": model.objects.all()}
    return type(name, (LookupViewSet,), {**body, "serializer_class": serializer_class, **attrs})


# path under /config/ → serializer (the component upstream's file names for the path).
CONFIG_LOOKUPS = {
    "agency_types": AgencyTypeSerializer,
    "astronaut_statuses": AstronautStatusSerializer,
    "astronaut_types": AstronautTypeSerializer,
    "celestial_body_types": CelestialBodyTypeSerializer,
    "countries": CountrySerializer,
    "docking_locations": DockingLocationSerializer,
    "first_stage_types": FirstStageTypeSerializer,
    "event_types": EventTypeSerializer,
    "image_licenses": ImageLicenseSerializer,
    "image_variant_types": ImageVariantTypeSerializer,
    "infourl_types": InfoURLTypeSerializer,
    "landing_locations": LandingLocationSerializer,
    "landing_types": LandingTypeSerializer,
    "languages": LanguageSerializer,
    "launch_statuses": LaunchStatusSerializer,
    "launcher_statuses": LauncherStatusSerializer,
    "mission_types": MissionTypeSerializer,
    "net_precisions": NetPrecisionSerializer,
    "notice_types": NoticeTypeSerializer,
    "orbits": OrbitSerializer,
    "payload_types": PayloadTypeSerializer,
    "program_types": ProgramTypeSerializer,
    "road_closure_statuses": RoadClosureStatusSerializer,
    "space_station_statuses": SpaceStationStatusSerializer,
    "vidurl_types": VidURLTypeSerializer,
}

VIEWSETS = {path: lookup_viewset(path, serializer) for path, serializer in CONFIG_LOOKUPS.items()}
# Roles have no name: DRF's default orders by any serialized column, here id, role and priority.
VIEWSETS["astronaut_roles"] = lookup_viewset(
    "astronaut_roles", AstronautRoleSerializer, ordering_fields=("id", "role", "priority")
)
# Timeline event types have no name either: id, abbrev and description.
VIEWSETS["timeline_event_types"] = lookup_viewset(
    "timeline_event_types", TimelineEventTypeSerializer, ordering_fields=("id", "abbrev", "description")
)
