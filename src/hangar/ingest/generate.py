"""A deterministic synthetic catalog at realistic proportions, for benchmarks and scale tests.

Real data stops at about a thousand spacecraft; the performance targets are about a million. This
writes a catalog of any size whose shape follows upstream's: a few reference rows (statuses, types,
licences, countries), then agencies, families, spacecraft with their flights (``generate_flights``:
launches, landings, docking events to synthetic stations) and configurations, in roughly upstream's
ratios. Derived values (flight counts, time in space, configuration statistics) are computed by
``catalog.stats`` from the flights written, so they equal what ``hangar recompute`` would store.
Configurations are written after their spacecraft so that their statistics are known when inserted
(foreign keys are checked at commit on both databases).

Everything is marked synthetic: names start with ``[SYNTHETIC]`` and descriptions say so. The same
``--seed`` and size give the same rows on every machine. Rows are written with plain multi-row inserts
(``ingest.bulk``) in chunks, all in one transaction that also bumps the data version. Each step is a
function yielding rows (``STEPS``).
"""

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from hangar.catalog import stats, versioning
from hangar.catalog.models import (
    Agency,
    AgencyType,
    Country,
    Image,
    ImageLicense,
    ImageVariant,
    ImageVariantType,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)
from hangar.ingest import bulk, generate_flights
from hangar.ingest.generate_dress import DRESSED, dress
from hangar.ingest.generate_events import EventSchedule
from hangar.ingest.generate_flights import FlightHistories
from hangar.ingest.generate_launches import LaunchSchedule

MARK = "[SYNTHETIC]"
CHUNK = 5000
MAX_SPACECRAFT = 10_000_000

# Stems for names, so search finds realistic clusters; some are non-ASCII like upstream's.
STEMS = (
    "Soyuz", "Progress", "Dragon", "Orion", "Shenzhou", "Tianzhou", "Cygnus", "Starliner", "Kounotori",
    "Gemini", "Apollo", "Vostok", "Voskhod", "Mercury", "Hermes", "Gaganyaan", "Прогресс", "Союз",
    "神舟", "Ariane", "Dream Chaser", "Haven", "Kliper", "Zarya",
)  # fmt: skip
STATUSES = ((1, "Active"), (2, "Retired"), (3, "Destroyed"), (4, "Single Use"), (5, "Unknown"))
CONFIG_TYPES = ((1, "Unknown"), (2, "Capsule"), (3, "Cargo Resupply"), (4, "Spaceplane"), (5, "Station"))
AGENCY_TYPES = ((1, "Government"), (2, "Multinational"), (3, "Commercial"), (4, "Educational"))
LICENSES = ((1, "Unknown", 9, None), (2, "CC BY 4.0", 2, "https://creativecommons.org/licenses/by/4.0/"))
VARIANT_TYPES = ((1, "Thumbnail"), (2, "Banner"), (3, "Social"))
COUNTRIES = 60
IMAGE_HOST = "https://images.synthetic.invalid"


# progress(step label, rows written so far, rows the step will write when known)
Progress = Callable[[str, int, int | None], None]


class GenerateError(ValueError):
    """A user-caused failure (bad size, non-empty catalog); the message is one line."""


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind a catalog of ``spacecraft`` spacecraft gets (upstream's ratios)."""

    spacecraft: int

    @property
    def agencies(self) -> int:
        return max(3, self.spacecraft // 8)

    @property
    def families(self) -> int:
        return max(2, self.spacecraft // 25)

    @property
    def configs(self) -> int:
        return max(2, self.spacecraft // 9)


class Generator:
    """One deterministic pass; ``rng`` is consumed in a fixed order so ``seed`` fixes every row."""

    def __init__(self, plan: Plan, seed: int, now: dt.datetime, schedule_from: dt.datetime):
        self.plan = plan
        self.seed = seed
        self.rng = random.Random(seed)
        self.flights = FlightHistories(seed, plan.agencies, now, self.image, self.description)
        self.launches = LaunchSchedule(
            seed,
            plan.spacecraft,
            plan.agencies,
            schedule_from,
            self.image,
            self.description,
            pads=generate_flights.LOCATIONS * generate_flights.PADS_PER_LOCATION,
            landing_locations=generate_flights.LANDING_LOCATIONS,
            launcher_configs=generate_flights.LAUNCHERS,
            landing_types=generate_flights.LANDING_TYPES,
            orbits=generate_flights.ORBITS,
        )
        self.events = EventSchedule(
            seed, plan.spacecraft, plan.agencies, schedule_from, self.image, self.description
        )
        self.next_image_id = 1
        self.next_variant_id = 1
        self.images: list[Image] = []
        self.variants: list[ImageVariant] = []
        self.config_families: list[tuple[int, int]] = []
        self.agency_countries: list[tuple[int, int]] = []

    def flush_queued(self) -> None:
        bulk.insert(self.images)
        bulk.insert(self.variants)
        bulk.insert(self.flights.take())
        self.images, self.variants = [], []

    def description(self, what: str) -> str:
        return f"Synthetic {what} generated by `hangar generate --seed {self.seed}`; not real data."

    def image(self, what: str, full: bool = False, rng: random.Random | None = None) -> int:
        """Queue an image (with variants for some, or with every part when ``full``) and return its id.

        ``rng`` is the random stream of a later addition (events) that must not shift the main one."""
        rng, image_id = rng or self.rng, self.next_image_id
        self.next_image_id += 1
        self.images.append(
            Image(
                id=image_id,
                name=f"{MARK} {what} - image",
                image_url=f"{IMAGE_HOST}/{image_id}.jpg",
                thumbnail_url=f"{IMAGE_HOST}/{image_id}_thumb.jpg",
                credit=None if rng.random() < 0.6 and not full else "Synthetic Credit",
                license_id=1 if rng.random() < 0.8 and not full else 2,
                single_use=rng.random() < 0.7,
            )
        )
        if rng.random() < 0.2 or full:
            for type_id, _ in VARIANT_TYPES[
                : len(VARIANT_TYPES) if full else rng.randint(1, len(VARIANT_TYPES))
            ]:
                self.variants.append(
                    ImageVariant(
                        id=self.next_variant_id,
                        image_id=image_id,
                        type_id=type_id,
                        image_url=f"{IMAGE_HOST}/{image_id}_v{type_id}.jpg",
                    )
                )
                self.next_variant_id += 1
        return image_id

    def reference(self) -> Iterator:
        yield from (SpacecraftStatus(id=i, name=n) for i, n in STATUSES)
        yield from (SpacecraftConfigType(id=i, name=n) for i, n in CONFIG_TYPES)
        yield from (AgencyType(id=i, name=n) for i, n in AGENCY_TYPES)
        yield from (ImageLicense(id=i, name=n, priority=p, link=link) for i, n, p, link in LICENSES)
        yield from (ImageVariantType(id=i, name=n) for i, n in VARIANT_TYPES)
        for i in range(1, COUNTRIES + 1):
            code = f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}"
            yield Country(
                id=i,
                name=f"{MARK} Country {i}",
                alpha_2_code=code,
                alpha_3_code=f"{code}X",
                nationality_name=f"Synthetic {i}",
                nationality_name_composed=f"Synthetic {i}",
            )

    def agencies(self) -> Iterator[Agency]:
        rng = self.rng
        for agency_id in range(1, self.plan.agencies + 1):
            name = f"{MARK} {rng.choice(STEMS)} Agency {agency_id}"
            dressed = agency_id <= DRESSED  # every optional part (ingest.generate_dress)
            for country in rng.sample(range(1, COUNTRIES + 1), 2 if dressed else rng.choice((1, 1, 1, 2))):
                self.agency_countries.append((agency_id, country))
            parent = rng.randint(1, agency_id - 1) if agency_id > 1 and rng.random() < 0.1 else None
            yield Agency(
                id=agency_id,
                name=name,
                abbrev=f"SYN{agency_id}",
                type_id=rng.choice(AGENCY_TYPES)[0],
                featured=rng.random() < 0.05,
                description=self.description("agency"),
                founding_year=rng.randint(1950, 2024),
                parent_id=(1 if agency_id > 1 else None) if dressed else parent,
                image_id=self.image(name, full=dressed) if rng.random() < 0.5 or dressed else None,
                logo_id=self.image(f"{name} logo", full=True) if dressed else None,
                social_logo_id=self.image(f"{name} social logo", full=True) if dressed else None,
                info_url=f"https://agency-{agency_id}.synthetic.invalid/" if dressed else None,
            )

    def families(self) -> Iterator[SpacecraftConfigFamily]:
        rng = self.rng
        for family_id in range(1, self.plan.families + 1):
            yield SpacecraftConfigFamily(
                id=family_id,
                name=f"{MARK} {rng.choice(STEMS)} family {family_id}",
                description=self.description("spacecraft family"),
                # Always one: SpacecraftConfigFamilyDetailed (in a detailed configuration) requires it.
                manufacturer_id=family_id if family_id <= DRESSED else rng.randint(1, self.plan.agencies),
                parent_id=(
                    1
                    if 1 < family_id <= DRESSED
                    else rng.randint(1, family_id - 1)
                    if family_id > DRESSED and rng.random() < 0.2
                    else None
                ),
                maiden_flight=dt.date(1961, 1, 1) + dt.timedelta(days=rng.randint(0, 23000)),
            )

    def configs(self) -> Iterator[SpacecraftConfig]:
        rng = self.rng
        for config_id in range(1, self.plan.configs + 1):
            name = f"{MARK} {rng.choice(STEMS)}-{config_id}"
            dressed = config_id <= DRESSED
            families = rng.sample(range(1, self.plan.families + 1), rng.choice((1, 1, 1, 2)))
            if dressed:
                families = [min(config_id, self.plan.families), *(f for f in families if f > DRESSED)]
            for family in families:
                self.config_families.append((config_id, family))
            yield SpacecraftConfig(
                id=config_id,
                name=name,
                type_id=rng.choice(CONFIG_TYPES)[0],
                agency_id=config_id if dressed else rng.randint(1, self.plan.agencies),
                in_use=rng.random() < 0.3,
                image_id=self.image(name, full=dressed) if rng.random() < 0.9 or dressed else None,
                details=self.description("spacecraft configuration"),
                human_rated=rng.random() < 0.3,
                crew_capacity=rng.choice((None, 0, 1, 2, 3, 7)),
                height=round(rng.uniform(2, 40), 2),
                diameter=round(rng.uniform(1, 6), 2),
                **self.config_stats(config_id),
            )

    def config_stats(self, config_id: int) -> dict:
        """Its statistics over its spacecraft's flights; none (as if imported) when none of them flew."""
        merged = self.flights.config_stats.pop(config_id, None)
        return merged.__dict__ if merged else {}

    def spacecraft(self) -> Iterator[Spacecraft]:
        rng = self.rng
        for craft_id in range(1, self.plan.spacecraft + 1):
            dressed = craft_id <= DRESSED
            config_id = min(craft_id, self.plan.configs) if dressed else rng.randint(1, self.plan.configs)
            name = f"{MARK} {rng.choice(STEMS)} {config_id}-{craft_id}"
            # Spacecraft 4-6 fly the dressed payload launches' crews (ingest.generate_launches).
            placeholder = rng.random() < 0.02 and craft_id > 2 * DRESSED
            yield Spacecraft(
                id=craft_id,
                name=name,
                serial_number=None if rng.random() < 0.3 else f"SYN-{craft_id:07d}",
                is_placeholder=placeholder,
                image_id=self.image(name, full=dressed) if rng.random() < 0.85 or dressed else None,
                status_id=rng.choice(STATUSES)[0],
                description=self.spacecraft_description(craft_id),
                spacecraft_config_id=config_id,
                # Placeholders never fly and carry no statistics.
                **({} if placeholder else self.flights.fly(craft_id, config_id, name, dressed)),
            )

    def spacecraft_description(self, craft_id: int) -> str:
        text = self.description("spacecraft")
        if craft_id % 97 == 0:
            # Characters JSON encoders disagree on, so render parity is tested on them.
            text += (
                ' Quotes " and \\ backslash,\r\nline\u2028separators\u2029, tab\t, NUL-free, ünïcödé 神舟.'
            )
        return text

    def links(self) -> Iterator:
        family_link = SpacecraftConfig.family.through
        country_link = Agency.country.through
        yield from (
            family_link(spacecraftconfig_id=c, spacecraftconfigfamily_id=f) for c, f in self.config_families
        )
        yield from (country_link(agency_id=a, country_id=c) for a, c in self.agency_countries)


# The order rows are generated in; images and links queued by a step are written as it goes.
STEPS: tuple[tuple[str, Callable[[Generator], Iterator], Callable[[Plan], int | None]], ...] = (
    ("reference", Generator.reference, lambda plan: None),
    ("agencies", Generator.agencies, lambda plan: plan.agencies),
    ("families", Generator.families, lambda plan: plan.families),
    ("flight pool", lambda generator: generator.flights.pool(), lambda plan: None),
    ("spacecraft", Generator.spacecraft, lambda plan: plan.spacecraft),
    ("launch pool", lambda generator: generator.launches.pool(), lambda plan: None),
    ("payload launches", lambda generator: generator.launches.launches(), lambda plan: None),
    ("configurations", Generator.configs, lambda plan: plan.configs),
    ("links", Generator.links, lambda plan: None),
    # Last, with a random stream of their own: the rows of every earlier step are as they were before.
    ("events", lambda generator: generator.events.events(), lambda plan: None),
)


def catalog_is_empty() -> bool:
    return not any(
        model.objects.exists()
        for model in apps.get_app_config("catalog").get_models()
        if model._meta.model_name != "dataversion"
    )


def clear_catalog() -> None:
    """Delete every catalog row with plain SQL: the ORM's cascade would load a million rows first.

    ``DELETE``, not PostgreSQL's ``TRUNCATE``: that takes an ACCESS EXCLUSIVE lock on every table until
    the caller's transaction commits, so every uncached read would wait for a whole ``generate
    --replace``. A delete leaves readers the rows as they were (MVCC; SQLite's WAL) until the new ones
    commit. Foreign keys are checked at commit, so the order does not matter."""
    models = [m for m in apps.get_app_config("catalog").get_models() if m._meta.model_name != "dataversion"]
    tables = [m._meta.db_table for m in models]
    tables += [f.remote_field.through._meta.db_table for m in models for f in m._meta.local_many_to_many]
    tables.append(apps.get_model("ingest", "PendingLink")._meta.db_table)  # links into what is deleted
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def _write(generator: Generator, rows: Iterator, progress: Progress, label: str, total: int | None) -> int:
    written, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            bulk.insert(batch)
            written += len(batch)
            batch = []
            generator.flush_queued()  # keeps memory flat: images and flights never pile up for a step
            progress(label, written, total)
    bulk.insert(batch)
    generator.flush_queued()
    if batch or not written:
        written += len(batch)
        progress(label, written, total)
    return written


def generate(
    spacecraft: int,
    seed: int = 0,
    replace: bool = False,
    progress: Progress = lambda label, done, total: None,
    now: dt.datetime | None = None,
    schedule_from: dt.datetime | None = None,
) -> dict[str, int]:
    """Write a synthetic catalog with ``spacecraft`` spacecraft; return rows written per step.

    ``now`` is the clock derived values are computed at (as ``hangar recompute --now``); only flights
    still in space depend on it. ``schedule_from`` (the real clock by default) anchors the payload
    launches: upcoming ones after it, a few in the 24 hours before it (``generate_launches``)."""
    if not 1 <= spacecraft <= MAX_SPACECRAFT:
        raise GenerateError(f"--spacecraft must be from 1 to {MAX_SPACECRAFT}, not {spacecraft}")
    generator = Generator(Plan(spacecraft), seed, now or timezone.now(), schedule_from or timezone.now())
    counts = {}
    with transaction.atomic():
        if not catalog_is_empty():
            if not replace:
                raise GenerateError("the catalog is not empty; pass --replace to delete it and generate anew")
            clear_catalog()
        for label, step, total in STEPS:
            counts[label] = _write(generator, step(generator), progress, label, total(generator.plan))
        rows, touched = dress(generator)
        generator.flush_queued()  # the images the dressing made, before the rows that point at them
        bulk.insert(rows)
        stats.refresh(touched | generator.launches.touched, now=generator.flights.now)
        stats.recompute_people(now=generator.flights.now)  # the dressing's crews and spacewalks
        stats.recompute_stations(now=generator.flights.now)  # and expeditions, and the flights' dockings
        stats.launches.recompute()
        stats.recompute_vehicles()  # launch statistics of configurations, families, pads, locations
        counts["dressed"] = len(rows)
        counts["images"] = generator.next_image_id - 1
        counts["image variants"] = generator.next_variant_id - 1
        counts.update(generator.flights.counts)
        counts.update(generator.launches.counts)
        counts.update(generator.events.counts)
        versioning.bump()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Sets the visibility map, so counts and deep pages are index-only scans from the start
        # rather than after autovacuum gets round to it; and gives the planner statistics (without
        # them 'dragon 1' took 1.9 s instead of 40 ms at a million spacecraft).
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(Spacecraft._meta.db_table)}")
            cursor.execute("ANALYZE")
    else:
        bulk.analyze()
    return counts
