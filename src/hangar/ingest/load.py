"""Write parsed records to the catalog: upserts keyed on upstream ids, in one transaction per input.

A field absent from the input keeps its stored value; lists that an object owns (an image's variants)
and many-to-many lists (a configuration's families) are replaced by the list given, when given.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

from hangar.catalog import stats, versioning
from hangar.ingest.parse import Batch
from hangar.ingest.spec import SPECS

# What the launch statistics of configurations, families, pads, locations and launchers are made of, or hold
# imported copies of (catalog.stats.vehicles): a file with any of them rebuilds those statistics.
VEHICLE_INPUTS = (
    "Launch",
    "Landing",
    "LauncherConfig",
    "LauncherConfigFamily",
    "Pad",
    "Location",
    "FirstStage",
    "Launcher",
)

CHUNK = 500


@dataclass
class Summary:
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: {"created": 0, "updated": 0, "unchanged": 0})
    )
    warnings: list[str] = field(default_factory=list)

    def merge(self, other: "Summary") -> None:
        for name, counts in other.counts.items():
            for key, value in counts.items():
                self.counts[name][key] += value
        self.warnings += other.warnings

    def lines(self) -> list[str]:
        return [
            f"{name}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for name, c in sorted(self.counts.items())
        ]


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _model(spec_name: str):
    return apps.get_model(SPECS[spec_name].model)


class LoadError(ValueError):
    """Input that parses but cannot be stored (a new object lacking what only its fuller shapes carry)."""


def _check_creatable(spec_name: str, obj_id, record: dict, batch: Batch) -> None:
    for f in SPECS[spec_name].fields:
        if f.on_create and f.name not in record:
            path = batch.paths.get((spec_name, obj_id), "$")
            raise LoadError(
                f"{path}: {spec_name} {obj_id} is not stored yet and has no {f.key!r} to create it with"
            )


def _upsert(spec_name: str, records: dict[int, dict], summary: Summary, batch: Batch, before: dict) -> bool:
    """Create and update ``records``; True when something was created. ``before`` gets, for each updated
    row, {attname: its old value}: derived statistics may put those back (``_still_changed``)."""
    model = _model(spec_name)
    attnames = {name: model._meta.get_field(name).attname for rec in records.values() for name in rec}
    ids = list(records)
    existing = {}
    for chunk in _chunks(ids):
        existing.update(model.objects.in_bulk(chunk))
    creates, updates = [], defaultdict(list)
    counts = summary.counts[spec_name]
    for obj_id, record in records.items():
        values = {attnames[name]: value for name, value in record.items()}
        obj = existing.get(obj_id)
        if obj is None:
            _check_creatable(spec_name, obj_id, record, batch)
            creates.append(model(pk=obj_id, **values))
            counts["created"] += 1
            continue
        changed = tuple(sorted(a for a, v in values.items() if getattr(obj, a) != v))
        if not changed:
            counts["unchanged"] += 1
            continue
        before[(spec_name, obj_id)] = {attname: getattr(obj, attname) for attname in changed}
        for attname in changed:
            setattr(obj, attname, values[attname])
        updates[changed].append(obj)
        counts["updated"] += 1
    model.objects.bulk_create(creates, batch_size=CHUNK)
    field_names = {f.attname: f.name for f in model._meta.concrete_fields}
    for changed, objs in updates.items():
        model.objects.bulk_update(objs, [field_names[a] for a in changed], batch_size=CHUNK)
    return bool(creates)


def _still_changed(before: dict) -> bool:
    """Whether any updated row differs from what it held before the import (derived statistics
    recomputed in the same transaction can restore what an import overwrote)."""
    by_spec = defaultdict(dict)
    for (spec_name, obj_id), old in before.items():
        by_spec[spec_name][obj_id] = old
    for spec_name, rows in by_spec.items():
        model = _model(spec_name)
        attnames = sorted({a for old in rows.values() for a in old})
        for chunk in _chunks(list(rows)):
            for row in model.objects.filter(pk__in=chunk).values("pk", *attnames):
                old = rows[row["pk"]]
                if any(row[a] != value for a, value in old.items()):
                    return True
    return False


def _set_m2m(spec_name: str, attr: str, lists: dict[int, list[int]]) -> bool:
    relation = _model(spec_name)._meta.get_field(attr)
    through = relation.remote_field.through
    source = relation.m2m_field_name() + "_id"
    target = relation.m2m_reverse_field_name() + "_id"
    current = defaultdict(set)
    for chunk in _chunks(list(lists)):
        for src, dst in through.objects.filter(**{f"{source}__in": chunk}).values_list(source, target):
            current[src].add(dst)
    stale, missing = [], []
    for obj_id, wanted in lists.items():
        wanted_set = set(wanted)
        stale += [(obj_id, dst) for dst in current[obj_id] - wanted_set]
        missing += [
            through(**{source: obj_id, target: dst})
            for dst in dict.fromkeys(wanted)
            if dst not in current[obj_id]
        ]
    for obj_id, dst in stale:
        through.objects.filter(**{source: obj_id, target: dst}).delete()
    through.objects.bulk_create(missing, batch_size=CHUNK)
    return bool(stale or missing)


def _prune_children(spec_name: str, parent_attr: str, lists: dict[int, list[int]]) -> bool:
    target = next(f.target for f in SPECS[spec_name].fields if f.kind == "children" and f.attr == parent_attr)
    child_model = _model(target)
    column = f"{parent_attr}_id"
    # One read of the stored children per chunk of parents, and a delete only when some are stale (a
    # query per parent made a page of 100 launches cost 200 more queries for nothing).
    stale = []
    for chunk in _chunks(list(lists)):
        rows = child_model.objects.filter(**{f"{column}__in": chunk}).values_list("pk", column)
        keep = {parent_id: set(lists[parent_id]) for parent_id in chunk}
        stale += [pk for pk, parent_id in rows if pk not in keep[parent_id]]
    deleted = 0
    for chunk in _chunks(stale):
        deleted += child_model.objects.filter(pk__in=chunk).delete()[0]
    return bool(deleted)


def _resolve_names(
    batch: Batch, spec_name: str, attr: str, names: dict[int, str | None], summary: Summary
) -> bool:
    model = _model(spec_name)
    wanted = {n for n in names.values() if n is not None}
    by_name = defaultdict(set)
    for obj_id, record in batch.records[spec_name].items():
        if record.get("name") in wanted:
            by_name[record["name"]].add(obj_id)
    for pk, name in model.objects.filter(name__in=wanted).values_list("pk", "name"):
        by_name[name].add(pk)
    changed = 0
    for obj_id, name in names.items():
        if name is None:
            changed += model.objects.filter(pk=obj_id, **{f"{attr}__isnull": False}).update(**{attr: None})
        elif len(by_name[name]) == 1:
            target = next(iter(by_name[name]))
            rows = model.objects.filter(pk=obj_id).exclude(**{f"{attr}_id": target})
            changed += rows.update(**{f"{attr}_id": target})
        else:
            how = "no" if not by_name[name] else "more than one"
            summary.warnings.append(
                f"{spec_name} {obj_id}: {attr} {name!r} matches {how} {spec_name}; left as is"
            )
    return bool(changed)


def _replace_owned(spec_name: str, key: str, lists: dict[int, list[dict]]) -> bool:
    field = next(f for f in SPECS[spec_name].fields if f.key == key)
    model = _model(field.target)
    parent_attr = model._meta.get_field(field.attr).attname
    if _owned_unchanged(model, parent_attr, lists):
        return False
    for chunk in _chunks(list(lists)):
        model.objects.filter(**{f"{parent_attr}__in": chunk}).delete()
    rows = []
    for parent_id, records in lists.items():
        for position, record in enumerate(records):
            values = {model._meta.get_field(name).attname: value for name, value in record.items()}
            rows.append(model(**values, **{parent_attr: parent_id, "position": position}))
    model.objects.bulk_create(rows, batch_size=CHUNK)
    return True


def _owned_unchanged(model, parent_attr: str, lists: dict[int, list[dict]]) -> bool:
    """Whether the stored lists already hold exactly these records, in this order."""
    names = sorted({name for records in lists.values() for record in records for name in record})
    attnames = [model._meta.get_field(name).attname for name in names]
    stored = defaultdict(list)
    for chunk in _chunks(list(lists)):
        rows = model.objects.filter(**{f"{parent_attr}__in": chunk}).order_by(parent_attr, "position")
        for row in rows.values_list(parent_attr, *attnames):
            stored[row[0]].append(tuple(row[1:]))
    return all(
        stored[parent_id] == [tuple(record.get(name) for name in names) for record in records]
        for parent_id, records in lists.items()
    )


def _affected_spacecraft(batch: Batch) -> set[int]:
    """Spacecraft whose derived statistics read something this batch wrote."""
    Spacecraft = apps.get_model("catalog", "Spacecraft")
    Flight = apps.get_model("catalog", "SpacecraftFlight")
    ids = set(batch.records.get("Spacecraft", {}))
    configs = list(batch.records.get("SpacecraftConfig", {}))
    for chunk in _chunks(configs):
        ids.update(Spacecraft.objects.filter(spacecraft_config_id__in=chunk).values_list("id", flat=True))
    for spec_name, lookup in (
        ("SpacecraftFlight", "id__in"),
        ("Launch", "launch_id__in"),
        ("Landing", "landing_id__in"),
        ("DockingEvent", "docking_events__id__in"),
        ("LaunchStatus", "launch__status_id__in"),
    ):
        for chunk in _chunks(list(batch.records.get(spec_name, {}))):
            ids.update(Flight.objects.filter(**{lookup: chunk}).values_list("spacecraft_id", flat=True))
    return ids


def _affected_stations(batch: Batch) -> set[int]:
    """Stations whose derived values read something this batch wrote (expeditions, docking events)."""
    ids = set(batch.records.get("SpaceStation", {}))
    ids.update(r.get("spacestation") for r in batch.records.get("Expedition", {}).values())
    ids.update(r.get("space_station_target") for r in batch.records.get("DockingEvent", {}).values())
    Expedition = apps.get_model("catalog", "Expedition")
    for chunk in _chunks(list(batch.records.get("Expedition", {}))):
        ids.update(Expedition.objects.filter(id__in=chunk).values_list("spacestation_id", flat=True))
    return ids - {None}


def _drop_derived(batch: Batch) -> None:
    """Imported statistics of spacecraft (and configurations) whose flights we store, and of launcher
    configurations, families, pads and locations whose launches (or landings) we store, are not
    written: the values derived from those win (catalog.stats explains why)."""
    crafts = batch.records.get("Spacecraft", {})
    configs = batch.records.get("SpacecraftConfig", {})
    flown = {r["spacecraft"] for r in batch.records.get("SpacecraftFlight", {}).values() if "spacecraft" in r}
    derived_crafts, derived_configs = stats.derived_owners(crafts, configs, flown)
    for craft_id in derived_crafts:
        for name in stats.SPACECRAFT_FIELDS:
            crafts[craft_id].pop(name, None)
    for config_id in derived_configs:
        for name in stats.CONFIG_FIELDS:
            configs[config_id].pop(name, None)
    for spec_name in ("LauncherConfig", "LauncherConfigFamily", "Pad", "Location", "Launcher"):
        records = batch.records.get(spec_name, {})
        for owner_id, names in stats.derived_vehicle_fields(spec_name, records).items():
            for name in names:
                records[owner_id].pop(name, None)


def _stages_on_their_launch(batch: Batch) -> None:
    """``RocketDetailed``'s spacecraft and payload stages omit their launch: it is the launch whose
    rocket lists them (catalog.stats.launches keeps a flight's rocket equal to its launch's)."""
    launch_of = {
        record["rocket"]: launch_id
        for launch_id, record in batch.records.get("Launch", {}).items()
        if record.get("rocket") is not None
    }
    for spec_name in ("SpacecraftFlight", "PayloadFlight"):
        for record in batch.records.get(spec_name, {}).values():
            if "launch" not in record and record.get("rocket") in launch_of:
                record["launch"] = launch_of[record["rocket"]]


def _skip_stages_without_rocket(batch: Batch, summary: Summary) -> None:
    """A first stage nested in a landing (``LandingEndpoint*.firststage``) omits its rocket, which only
    its launch's ``RocketDetailed.launcher_stage`` gives: one not stored yet is skipped with a warning
    (its launch, imported later, stores it with this landing) rather than failing the file."""
    records = batch.records.get("FirstStage", {})
    rootless = [pk for pk, record in records.items() if "rocket" not in record]
    stored = set()
    for chunk in _chunks(rootless):
        stored.update(_model("FirstStage").objects.filter(pk__in=chunk).values_list("pk", flat=True))
    skipped = [pk for pk in rootless if pk not in stored]
    for pk in skipped:
        del records[pk]
        for (spec_name, _), mentioned in batch.mentions.items():
            if spec_name == "FirstStage":
                mentioned.pop(pk, None)
    if skipped:
        summary.warnings.append(
            f"{len(skipped)} first stage(s) not stored: a landing does not name their rocket, their"
            f" launch does (import it), e.g. FirstStage {skipped[0]}"
        )


def _defer_mentions(batch: Batch) -> None:
    """A mention of an object neither stored nor in this batch is written as null and waits as a
    ``PendingLink`` (the object is often on a later page); a mention that resolves drops its wait."""
    PendingLink = apps.get_model("ingest", "PendingLink")
    for (spec_name, attr), mentioned in batch.mentions.items():
        target = next(f.target for f in SPECS[spec_name].fields if f.name == attr)
        wanted = set(mentioned.values()) - set(batch.records.get(target, {}))
        stored = set()
        for chunk in _chunks(list(wanted)):
            stored.update(_model(target).objects.filter(pk__in=chunk).values_list("pk", flat=True))
        waiting = []
        for obj_id, target_id in mentioned.items():
            if target_id in wanted and target_id not in stored:
                batch.records[spec_name][obj_id][attr] = None
                waiting.append(
                    PendingLink(
                        spec=spec_name,
                        object_id=str(obj_id),
                        attr=attr,
                        target=target,
                        target_id=str(target_id),
                    )
                )
        for chunk in _chunks([str(obj_id) for obj_id in mentioned]):
            PendingLink.objects.filter(spec=spec_name, attr=attr, object_id__in=chunk).delete()
        PendingLink.objects.bulk_create(waiting, batch_size=CHUNK)


def _link_pending(batch: Batch) -> bool:
    """Set the waiting links to the objects this batch stored; True when one was set."""
    PendingLink = apps.get_model("ingest", "PendingLink")
    targets = set(PendingLink.objects.values_list("target", flat=True).distinct())
    linked = False
    for target in targets & {name for name, records in batch.records.items() if records}:
        for chunk in _chunks([str(pk) for pk in batch.records[target]]):
            links = list(PendingLink.objects.filter(target=target, target_id__in=chunk))
            for link in links:
                rows = _model(link.spec).objects.filter(pk=link.object_id)
                linked |= bool(rows.update(**{f"{link.attr}_id": link.target_id}))
            PendingLink.objects.filter(pk__in=[link.pk for link in links]).delete()
    return linked


def pending_links() -> list[str]:
    """One warning line when links wait for objects no import has stored yet."""
    waiting = apps.get_model("ingest", "PendingLink").objects
    first = waiting.first()
    if first is None:
        return []
    count = waiting.count()
    return [f"{count} link(s) wait for objects not imported yet (set when they are), e.g. {first}"]


# Specs whose records change launches or the flights' rockets.
LAUNCH_SPECS = ("Launch", "Rocket", "SpacecraftFlight", "PayloadFlight", "Pad", "Mission")


def load_batch(batch: Batch, derive: bool = True) -> Summary:
    """Upsert everything in ``batch`` in one transaction; return what was created and updated.

    With ``derive`` the derived statistics that read what the batch wrote are refreshed in the same
    transaction. Without it they are left for one ``derive_everything`` after a run of batches (a
    snapshot's hundreds of pages would otherwise each refresh most of the catalog)."""
    summary = Summary()
    with transaction.atomic():
        _drop_derived(batch)
        _stages_on_their_launch(batch)
        _skip_stages_without_rocket(batch, summary)
        _defer_mentions(batch)
        # Foreign keys are deferred to commit on SQLite and PostgreSQL, so the order here is free.
        changed, before = False, {}
        for spec_name in SPECS:
            if batch.records.get(spec_name):
                changed |= _upsert(spec_name, batch.records[spec_name], summary, batch, before)
        for (spec_name, attr), lists in batch.m2m.items():
            changed |= _set_m2m(spec_name, attr, lists)
        for (spec_name, attr), lists in batch.children.items():
            changed |= _prune_children(spec_name, attr, lists)
        for (spec_name, attr), names in batch.name_refs.items():
            changed |= _resolve_names(batch, spec_name, attr, names, summary)
        for (spec_name, key), lists in batch.owned.items():
            changed |= _replace_owned(spec_name, key, lists)
        changed |= _link_pending(batch)
        if not derive:
            if changed or before:
                versioning.bump()
            return summary
        # Derived statistics follow their inputs in the same transaction (imported values are kept for
        # spacecraft without stored flights; see catalog.stats).
        if changed or before:
            stats.refresh(_affected_spacecraft(batch))
            walkers = stats.refresh_spacewalks(batch.records.get("Spacewalk", {}))
            stats.refresh_astronauts(walkers | set(batch.records.get("Astronaut", {})))
            stats.refresh_stations(_affected_stations(batch))
            if any(batch.records.get(name) for name in LAUNCH_SPECS):
                stats.launches.recompute()  # every later launch's counters may move (stats.launches)
            if any(batch.records.get(name) for name in VEHICLE_INPUTS):
                stats.recompute_vehicles()
        # A no-op import changes nothing, so the data version (every cached page, Last-Modified) stays.
        if changed or _still_changed(before):
            versioning.bump()  # in this transaction, so no cached response outlives the data it shows
    return summary


def derive_everything() -> None:
    """Every derived statistic recomputed from what is stored (``hangar recompute``), and the data
    version bumped, in one transaction: what batches loaded with ``derive=False`` are owed."""
    with transaction.atomic():
        stats.recompute()
        versioning.bump()
