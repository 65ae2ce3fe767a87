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


for model in (
    models.SpacecraftConfigFamily,
    models.SpacecraftConfigType,
    models.SpacecraftStatus,
    models.AgencyType,
    models.Country,
    models.Image,
    models.ImageLicense,
    models.ImageVariantType,
):
    admin.site.register(model)
