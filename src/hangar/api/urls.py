"""Routes of the LL2 2.3.0 API, mounted at /2.3.0/; route names are what ``ResourceURLField`` reverses."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from hangar.api.views import linked
from hangar.api.views.agency import AgencyViewSet
from hangar.api.views.base import ID_PATTERN
from hangar.api.views.config import SpacecraftConfigTypeViewSet, SpacecraftStatusViewSet
from hangar.api.views.flight import SpacecraftFlightViewSet
from hangar.api.views.launcher import LauncherConfigFamilyViewSet, LauncherConfigViewSet, ProgramViewSet
from hangar.api.views.spacecraft import SpacecraftConfigViewSet, SpacecraftViewSet
from hangar.api.views.spacecraft_family import SpacecraftConfigFamilyViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("launcher_configurations", LauncherConfigViewSet, basename="launcherconfig")
router.register(
    "launcher_configuration_families", LauncherConfigFamilyViewSet, basename="launcherconfigfamily"
)
router.register("programs", ProgramViewSet, basename="program")
router.register("spacecraft", SpacecraftViewSet, basename="spacecraft")
router.register("spacecraft_configurations", SpacecraftConfigViewSet, basename="spacecraftconfig")
router.register("spacecraft_flights", SpacecraftFlightViewSet, basename="spacecraftflight")
router.register(
    "spacecraft_configuration_families", SpacecraftConfigFamilyViewSet, basename="spacecraftconfigfamily"
)
router.register("config/spacecraft_statuses", SpacecraftStatusViewSet, basename="spacecraftstatus")
router.register(
    "config/spacecraft_configuration_types", SpacecraftConfigTypeViewSet, basename="spacecraftconfigtype"
)

# Detail-only routes for what flight responses link to (see api/views/linked.py); launch ids are UUIDs.
LINKED = [
    ("launches", linked.LaunchViewSet, "launch", "[0-9a-fA-F-]{1,36}"),
    ("landings", linked.LandingViewSet, "landing", ID_PATTERN),
    ("pads", linked.PadViewSet, "pad", ID_PATTERN),
    ("locations", linked.LocationViewSet, "location", ID_PATTERN),
    ("astronauts", linked.AstronautViewSet, "astronaut", ID_PATTERN),
    ("space_stations", linked.SpaceStationViewSet, "spacestation", ID_PATTERN),
    ("docking_events", linked.DockingEventViewSet, "dockingevent", ID_PATTERN),
    ("payload_flights", linked.PayloadFlightViewSet, "payloadflight", ID_PATTERN),
]

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
    *(
        re_path(rf"^{prefix}/(?P<pk>{pattern})/$", view.as_view({"get": "retrieve"}), name=f"{name}-detail")
        for prefix, view, name, pattern in LINKED
    ),
]
