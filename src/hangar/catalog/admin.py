"""Admin pages for browsing and correcting the catalog by hand."""

from django.contrib import admin

from hangar.catalog import models


@admin.register(models.Spacecraft)
class SpacecraftAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "serial_number", "status", "spacecraft_config", "flights_count", "in_space")
    list_filter = ("in_space", "is_placeholder", "status")
    search_fields = ("name", "serial_number")
    raw_id_fields = ("image", "spacecraft_config")


@admin.register(models.SpacecraftConfig)
class SpacecraftConfigAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "type", "agency", "in_use")
    search_fields = ("name",)
    raw_id_fields = ("image", "agency")


@admin.register(models.Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "abbrev", "type")
    search_fields = ("name", "abbrev")
    raw_id_fields = ("image", "logo", "social_logo", "parent")


class DockingEventInline(admin.TabularInline):
    model = models.DockingEvent
    fk_name = "flight_vehicle_chaser"
    raw_id_fields = (
        "docking_location",
        "space_station_target",
        "flight_vehicle_target",
        "payload_flight_target",
    )
    extra = 0


@admin.register(models.SpacecraftFlight)
class SpacecraftFlightAdmin(admin.ModelAdmin):
    """Saving here refreshes the spacecraft's derived statistics (catalog.signals)."""

    list_display = ("id", "spacecraft", "launch", "mission_end", "duration", "turn_around_time")
    raw_id_fields = ("spacecraft", "launch", "landing", "launch_crew", "onboard_crew", "landing_crew")
    readonly_fields = ("duration", "turn_around_time")
    inlines = (DockingEventInline,)


@admin.register(models.Launch)
class LaunchAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "net", "status")
    search_fields = ("name",)
    raw_id_fields = ("image", "launch_service_provider", "rocket", "mission", "pad", "program")


@admin.register(models.Astronaut)
class AstronautAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "status", "agency")
    search_fields = ("name",)
    raw_id_fields = ("agency", "image", "social_media_links")


for model in (
    models.Landing,
    models.LandingLocation,
    models.LandingType,
    models.Location,
    models.Pad,
    models.CelestialBody,
    models.Mission,
    models.Orbit,
    models.SpaceStation,
    models.DockingLocation,
    models.Payload,
    models.PayloadFlight,
    models.AstronautFlight,
    models.SpacecraftConfigFamily,
    models.SpacecraftConfigType,
    models.SpacecraftStatus,
    models.AgencyType,
    models.Country,
    models.Image,
    models.ImageLicense,
    models.ImageVariantType,
    models.Update,
    models.TimelineEventType,
    models.Launcher,
    models.LauncherStatus,
    models.FirstStage,
    models.MissionPatch,
):
    admin.site.register(model)
