import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ApiKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(help_text="who or what the key is for", max_length=100)),
                (
                    "prefix",
                    models.CharField(help_text="the key's first characters, to recognise it", max_length=8),
                ),
                ("digest", models.CharField(max_length=64, unique=True)),
                (
                    "rate",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text='e.g. "1000/hour"; empty: HANGAR_THROTTLE_KEY',
                        max_length=32,
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={"ordering": ("id",)},
        ),
    ]
