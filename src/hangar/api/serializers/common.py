"""Shapes shared by every resource: images and their licences, countries."""

from rest_framework import serializers

from hangar.catalog.models import Country, Image, ImageLicense, ImageVariant, ImageVariantType


class ImageLicenseSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImageLicense
        fields = ("id", "name", "priority", "link")


class ImageVariantTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImageVariantType
        fields = ("id", "name")


class ImageVariantSerializer(serializers.ModelSerializer):
    type = ImageVariantTypeSerializer()

    class Meta:
        model = ImageVariant
        fields = ("id", "type", "image_url")


class ImageSerializer(serializers.ModelSerializer):
    license = ImageLicenseSerializer()
    variants = ImageVariantSerializer(many=True)

    class Meta:
        model = Image
        fields = ("id", "name", "image_url", "thumbnail_url", "credit", "license", "single_use", "variants")


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = (
            "id",
            "name",
            "alpha_2_code",
            "alpha_3_code",
            "nationality_name",
            "nationality_name_composed",
        )
