"""Routes of the LL2 2.3.0 API, mounted at /2.3.0/; route names are what ``ResourceURLField`` reverses.

Beside them, as upstream serves them: the OpenAPI schema, Swagger UI (``swagger/``) and Redoc.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from hangar.api.views import config
from hangar.api.views.agency import AgencyViewSet
from hangar.api.views.astronaut import AstronautViewSet
from hangar.api.views.dashboard import StarshipDashboardView
from hangar.api.views.docking import DockingEventViewSet
from hangar.api.views.docs import RedocView
from hangar.api.views.event import EventPreviousViewSet, EventUpcomingViewSet, EventViewSet
from hangar.api.views.flight import SpacecraftFlightViewSet
from hangar.api.views.landing import LandingViewSet
from hangar.api.views.launch import (
    LaunchPreviousViewSet,
    LaunchUpcomingViewSet,
    LaunchViewSet,
    MissionPatchViewSet,
    UpdateViewSet,
)
from hangar.api.views.launcher import (
    LauncherConfigFamilyViewSet,
    LauncherConfigViewSet,
    LauncherViewSet,
    ProgramViewSet,
)
from hangar.api.views.lookups import SpacecraftConfigTypeViewSet, SpacecraftStatusViewSet
from hangar.api.views.payload import PayloadFlightViewSet, PayloadViewSet
from hangar.api.views.places import CelestialBodyViewSet, LocationViewSet, PadViewSet
from hangar.api.views.spacecraft import SpacecraftConfigViewSet, SpacecraftViewSet
from hangar.api.views.spacecraft_family import SpacecraftConfigFamilyViewSet
from hangar.api.views.spacewalk import SpacewalkViewSet
from hangar.api.views.station import ExpeditionViewSet, SpaceStationViewSet
from hangar.api.views.throttle import APIThrottleView

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("launcher_configurations", LauncherConfigViewSet, basename="launcherconfig")
router.register(
    "launcher_configuration_families", LauncherConfigFamilyViewSet, basename="launcherconfigfamily"
)
router.register("programs", ProgramViewSet, basename="program")
router.register("launchers", LauncherViewSet, basename="launcher")
# upcoming/ and previous/ before launches/: their words are not UUIDs, but the order says which wins.
router.register("launches/upcoming", LaunchUpcomingViewSet, basename="launchupcoming")
router.register("launches/previous", LaunchPreviousViewSet, basename="launchprevious")
router.register("launches", LaunchViewSet, basename="launch")
router.register("updates", UpdateViewSet, basename="update")
router.register("mission_patches", MissionPatchViewSet, basename="missionpatch")
router.register("pads", PadViewSet, basename="pad")
router.register("locations", LocationViewSet, basename="location")
router.register("celestial_bodies", CelestialBodyViewSet, basename="celestialbody")
router.register("spacecraft", SpacecraftViewSet, basename="spacecraft")
router.register("spacecraft_configurations", SpacecraftConfigViewSet, basename="spacecraftconfig")
router.register("spacecraft_flights", SpacecraftFlightViewSet, basename="spacecraftflight")
router.register(
    "spacecraft_configuration_families", SpacecraftConfigFamilyViewSet, basename="spacecraftconfigfamily"
)
router.register("astronauts", AstronautViewSet, basename="astronaut")
router.register("space_stations", SpaceStationViewSet, basename="spacestation")
router.register("expeditions", ExpeditionViewSet, basename="expedition")
router.register("docking_events", DockingEventViewSet, basename="dockingevent")
router.register("spacewalks", SpacewalkViewSet, basename="spacewalk")
router.register("payloads", PayloadViewSet, basename="payload")
router.register("payload_flights", PayloadFlightViewSet, basename="payloadflight")
router.register("landings", LandingViewSet, basename="landing")
# After what events nest, so a mirror or export writes those first (an astronaut is created only from
# its full shapes); upcoming/ and previous/ before events/, as for launches.
router.register("events/upcoming", EventUpcomingViewSet, basename="eventupcoming")
router.register("events/previous", EventPreviousViewSet, basename="eventprevious")
router.register("events", EventViewSet, basename="event")
router.register("config/spacecraft_statuses", SpacecraftStatusViewSet, basename="spacecraftstatus")
router.register(
    "config/spacecraft_configuration_types", SpacecraftConfigTypeViewSet, basename="spacecraftconfigtype"
)
for lookup, viewset in config.VIEWSETS.items():
    router.register(f"config/{lookup}", viewset, basename=viewset.queryset.model._meta.model_name)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("swagger/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", RedocView.as_view(url_name="schema"), name="redoc"),
    path("api-throttle/", APIThrottleView.as_view(), name="api-throttle"),
    path("dashboard/starship/", StarshipDashboardView.as_view(), name="dashboard-starship"),
    *router.urls,
]
