"""Launcher configuration, launcher family and program detail endpoints.

Hangar stores these only as far as spacecraft and agency responses embed them, so they are served as
detail views (every ``url`` those responses emit resolves); their list endpoints are not offered yet.
"""

from hangar.api.serializers.launcher import (
    LauncherConfigDetailedSerializer,
    LauncherConfigFamilyDetailedSerializer,
)
from hangar.api.serializers.program import ProgramNormalSerializer
from hangar.api.views.base import ModeDetailViewSet
from hangar.catalog.models import LauncherConfig, LauncherConfigFamily, Program


class LauncherConfigViewSet(ModeDetailViewSet):
    """A launch vehicle configuration (`LauncherConfigDetailed`)."""

    queryset = LauncherConfig.objects.all()
    modes = {"detailed": LauncherConfigDetailedSerializer}


class LauncherConfigFamilyViewSet(ModeDetailViewSet):
    """A launch vehicle family (`LauncherConfigFamilyDetailed`)."""

    queryset = LauncherConfigFamily.objects.all()
    modes = {"detailed": LauncherConfigFamilyDetailedSerializer}


class ProgramViewSet(ModeDetailViewSet):
    """A program (`ProgramNormal`, as upstream serves it)."""

    queryset = Program.objects.all()
    modes = {"normal": ProgramNormalSerializer}
    detail_mode = "normal"
