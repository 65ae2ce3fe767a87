"""How the fast path (``api.rendering``) renders each shape the spacecraft endpoint nests.

A ``RowRenderer`` for objects there are about as many of as spacecraft or flights (images,
configurations, launches, missions, landings), so that even a page no one asked for before renders
without DRF; the queryset DRF's serializer reads (a callable) for objects that few exist of and many
rows share (statuses, types, pads, agencies nested in full, programs): each is rendered once by DRF and
kept as a fragment. A ``many`` field takes a callable when its items are shared by many parents (a
mission's agencies) and a ``RowRenderer`` when each item has one parent (a mission's links).
"""

from hangar.api.rendering import RowRenderer
from hangar.api.serializers.agency import (
    AgencyDetailedSerializer,
    AgencyMiniSerializer,
    AgencyNormalSerializer,
    SocialMediaLinkSerializer,
)
from hangar.api.serializers.astronaut import AstronautDetailedSerializer, AstronautFlightSerializer
from hangar.api.serializers.common import ImageSerializer, ImageVariantSerializer
from hangar.api.serializers.flight import (
    DockingEventForChaserNormalSerializer,
    DockingLocationSerializer,
    LandingSerializer,
    PayloadMiniSerializer,
    SpacecraftEndpointDetailedSerializer,
    SpacecraftFlightDetailedSerializer,
    SpacecraftFlightNormalSerializer,
)
from hangar.api.serializers.launch import (
    InfoURLSerializer,
    LaunchNormalSerializer,
    MissionSerializer,
    RocketNormalSerializer,
    VidURLSerializer,
)
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigFamilyDetailedSerializer,
    SpacecraftConfigFamilyMiniSerializer,
    SpacecraftConfigFamilyNormalSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftDetailedSerializer,
    SpacecraftNormalSerializer,
)
from hangar.api.serializers.spacecraft_family import SpacecraftConfigFamilyEndpointDetailedSerializer
from hangar.api.serializers.station import SpaceStationMiniSerializer, SpaceStationNormalSerializer
from hangar.catalog.models import (
    AgencyType,
    AstronautRole,
    AstronautStatus,
    AstronautType,
    Country,
    ImageLicense,
    ImageVariantType,
    InfoURLType,
    LandingLocation,
    LandingType,
    Language,
    LauncherConfig,
    LaunchStatus,
    NetPrecision,
    Orbit,
    Pad,
    PayloadFlight,
    PayloadType,
    SocialMedia,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
    SpaceStationStatus,
    SpaceStationType,
    VidURLType,
)
from hangar.catalog.querysets import FLIGHTS_IN_LAUNCH_ORDER
from hangar.catalog.querysets.related import image_related, program_queryset

image = RowRenderer(
    ImageSerializer,
    nested={
        "license": ImageLicense.objects.all,
        "variants": RowRenderer(ImageVariantSerializer, nested={"type": ImageVariantType.objects.all}),
    },
)
agency_mini = RowRenderer(AgencyMiniSerializer, nested={"type": AgencyType.objects.all})
_agency_normal_nested = {
    "type": AgencyType.objects.all,
    "country": Country.objects.all,
    "image": image,
    "logo": image,
    "social_logo": image,
}
agency_normal = RowRenderer(AgencyNormalSerializer, nested=_agency_normal_nested)


def _social_media():
    joins, prefetches = image_related("logo")
    return SocialMedia.objects.select_related(*joins).prefetch_related(*prefetches)


social_media_link = RowRenderer(SocialMediaLinkSerializer, nested={"social_media": _social_media})
agency_detailed = RowRenderer(
    AgencyDetailedSerializer, nested={**_agency_normal_nested, "social_media_links": social_media_link}
)

family_mini = RowRenderer(SpacecraftConfigFamilyMiniSerializer)
family_normal = RowRenderer(
    SpacecraftConfigFamilyNormalSerializer,
    nested={"manufacturer": agency_mini, "parent": SpacecraftConfigFamily.objects.all},
)
config_normal = RowRenderer(
    SpacecraftConfigNormalSerializer,
    nested={
        "type": SpacecraftConfigType.objects.all,
        "agency": agency_mini,
        "family": family_normal,
        "image": image,
    },
)
config_detailed = RowRenderer(
    SpacecraftConfigDetailedSerializer,
    nested={
        "type": SpacecraftConfigType.objects.all,
        "agency": agency_normal,
        "family": RowRenderer(
            SpacecraftConfigFamilyDetailedSerializer,
            nested={"manufacturer": agency_normal, "parent": family_normal},
        ),
        "image": image,
    },
)

family_endpoint_detailed = RowRenderer(
    SpacecraftConfigFamilyEndpointDetailedSerializer,
    nested={"manufacturer": agency_normal, "parent": family_normal, "spacecraft": config_normal},
)

spacecraft_normal = RowRenderer(
    SpacecraftNormalSerializer,
    nested={"image": image, "status": SpacecraftStatus.objects.all, "spacecraft_config": config_normal},
)

mission = RowRenderer(
    MissionSerializer,
    nested={
        "image": image,
        "orbit": lambda: Orbit.objects.select_related("celestial_body"),
        "agencies": agency_detailed,
        "info_urls": RowRenderer(
            InfoURLSerializer, nested={"type": InfoURLType.objects.all, "language": Language.objects.all}
        ),
        "vid_urls": RowRenderer(
            VidURLSerializer, nested={"type": VidURLType.objects.all, "language": Language.objects.all}
        ),
    },
)
rocket = RowRenderer(RocketNormalSerializer, nested={"configuration": LauncherConfig.objects.for_list})
launch_normal = RowRenderer(
    LaunchNormalSerializer,
    nested={
        "status": LaunchStatus.objects.all,
        "net_precision": NetPrecision.objects.all,
        "image": image,
        "launch_service_provider": agency_mini,
        "rocket": rocket,
        "mission": mission,
        "pad": Pad.objects.for_pad,
        "program": program_queryset,
    },
)
landing = RowRenderer(
    LandingSerializer,
    nested={
        "landing_location": LandingLocation.objects.for_landing_location,
        "type": LandingType.objects.all,
    },
)

flight_normal = RowRenderer(
    SpacecraftFlightNormalSerializer,
    nested={"spacecraft": spacecraft_normal, "launch": launch_normal, "landing": landing},
    order_by=FLIGHTS_IN_LAUNCH_ORDER,  # as a spacecraft lists them
)
_spacecraft_detailed_nested = {
    "image": image,
    "status": SpacecraftStatus.objects.all,
    "spacecraft_config": config_detailed,
}
spacecraft_detailed = RowRenderer(SpacecraftDetailedSerializer, nested=_spacecraft_detailed_nested)
spacecraft_endpoint_detailed = RowRenderer(
    SpacecraftEndpointDetailedSerializer, nested={**_spacecraft_detailed_nested, "flights": flight_normal}
)

# Detailed flights: the spacecraft with its configuration detailed, crews and docking events.
astronaut_flight = RowRenderer(
    AstronautFlightSerializer,
    nested={
        "role": AstronautRole.objects.all,
        "astronaut": RowRenderer(
            AstronautDetailedSerializer,
            nested={
                "status": AstronautStatus.objects.all,
                "agency": agency_mini,
                "image": image,
                "type": AstronautType.objects.all,
                "nationality": Country.objects.all,
                "social_media_links": social_media_link,
            },
        ),
    },
)
station_mini = RowRenderer(SpaceStationMiniSerializer, nested={"image": image})
docking_event = RowRenderer(
    DockingEventForChaserNormalSerializer,
    nested={
        "docking_location": RowRenderer(
            DockingLocationSerializer,
            nested={
                "spacestation": station_mini,
                "spacecraft": config_normal,
                "payload": RowRenderer(
                    PayloadMiniSerializer,
                    nested={
                        "type": PayloadType.objects.all,
                        "manufacturer": agency_mini,
                        "operator": agency_mini,
                        "image": image,
                    },
                ),
            },
        ),
        "space_station_target": RowRenderer(
            SpaceStationNormalSerializer,
            nested={
                "image": image,
                "status": SpaceStationStatus.objects.all,
                "type": SpaceStationType.objects.all,
            },
        ),
        "flight_vehicle_target": flight_normal,
        "payload_flight_target": PayloadFlight.objects.for_normal,
    },
)
flight_detailed = RowRenderer(
    SpacecraftFlightDetailedSerializer,
    nested={
        "spacecraft": spacecraft_detailed,
        "launch": launch_normal,
        "landing": landing,
        "launch_crew": astronaut_flight,
        "onboard_crew": astronaut_flight,
        "landing_crew": astronaut_flight,
        "docking_events": docking_event,
    },
)
