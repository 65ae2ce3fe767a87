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


def _upsert(spec_name: str, records: dict[int, dict], summary: Summary, batch: Batch) -> None:
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
        for attname in changed:
            setattr(obj, attname, values[attname])
        updates[changed].append(obj)
        counts["updated"] += 1
    model.objects.bulk_create(creates, batch_size=CHUNK)
    field_names = {f.attname: f.name for f in model._meta.concrete_fields}
    for changed, objs in updates.items():
        model.objects.bulk_update(objs, [field_names[a] for a in changed], batch_size=CHUNK)


def _set_m2m(spec_name: str, attr: str, lists: dict[int, list[int]]) -> None:
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


def _prune_children(spec_name: str, parent_attr: str, lists: dict[int, list[int]]) -> None:
    target = next(f.target for f in SPECS[spec_name].fields if f.kind == "children" and f.attr == parent_attr)
    child_model = _model(target)
    for parent_id, keep in lists.items():
        child_model.objects.filter(**{f"{parent_attr}_id": parent_id}).exclude(pk__in=keep).delete()


def _resolve_names(batch: Batch, spec_name: str, attr: str, names: dict[int, str | None], summary: Summary):
    model = _model(spec_name)
    wanted = {n for n in names.values() if n is not None}
    by_name = defaultdict(set)
    for obj_id, record in batch.records[spec_name].items():
        if record.get("name") in wanted:
            by_name[record["name"]].add(obj_id)
    for pk, name in model.objects.filter(name__in=wanted).values_list("pk", "name"):
        by_name[name].add(pk)
    for obj_id, name in names.items():
        if name is None:
            model.objects.filter(pk=obj_id).update(**{attr: None})
        elif len(by_name[name]) == 1:
            model.objects.filter(pk=obj_id).update(**{f"{attr}_id": next(iter(by_name[name]))})
        else:
            how = "no" if not by_name[name] else "more than one"
            summary.warnings.append(
                f"{spec_name} {obj_id}: {attr} {name!r} matches {how} {spec_name}; left as is"
            )


def _replace_owned(spec_name: str, key: str, lists: dict[int, list[dict]]) -> None:
    field = next(f for f in SPECS[spec_name].fields if f.key == key)
    model = _model(field.target)
    parent_attr = model._meta.get_field(field.attr).attname
    for chunk in _chunks(list(lists)):
        model.objects.filter(**{f"{parent_attr}__in": chunk}).delete()
    rows = []
    for parent_id, records in lists.items():
        for position, record in enumerate(records):
            values = {model._meta.get_field(name).attname: value for name, value in record.items()}
            rows.append(model(**values, **{parent_attr: parent_id, "position": position}))
    model.objects.bulk_create(rows, batch_size=CHUNK)


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


def _drop_derived(batch: Batch) -> None:
    """Imported statistics of spacecraft (and configurations) whose flights we store are not written:
    the values derived from those flights win (catalog.stats explains why)."""
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


def load_batch(batch: Batch) -> Summary:
    """Upsert everything in ``batch`` in one transaction; return what was created and updated."""
    summary = Summary()
    with transaction.atomic():
        _drop_derived(batch)
        # Foreign keys are deferred to commit on SQLite and PostgreSQL, so the order here is free.
        for spec_name in SPECS:
            if batch.records.get(spec_name):
                _upsert(spec_name, batch.records[spec_name], summary, batch)
        for (spec_name, attr), lists in batch.m2m.items():
            _set_m2m(spec_name, attr, lists)
        for (spec_name, attr), lists in batch.children.items():
            _prune_children(spec_name, attr, lists)
        for (spec_name, attr), names in batch.name_refs.items():
            _resolve_names(batch, spec_name, attr, names, summary)
        for (spec_name, key), lists in batch.owned.items():
            _replace_owned(spec_name, key, lists)
        # Derived statistics follow their inputs in the same transaction (imported values are kept for
        # spacecraft without stored flights; see catalog.stats).
        stats.refresh(_affected_spacecraft(batch))
        walkers = stats.refresh_spacewalks(batch.records.get("Spacewalk", {}))
        stats.refresh_astronauts(walkers | set(batch.records.get("Astronaut", {})))
        versioning.bump()  # in this transaction, so no cached response outlives the data it shows
    return summary
