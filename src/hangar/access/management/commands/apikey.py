"""``hangar apikey create|list|revoke``: the API keys clients send as ``Authorization: Token <key>``."""

from django.core.management.base import CommandError
from django.utils import timezone

from hangar.access.models import ApiKey, create_key
from hangar.api.throttling import parse_rate
from hangar.management.base import HangarCommand


def rate(value: str) -> str:
    try:
        parse_rate(value)
    except (ValueError, KeyError, IndexError):
        raise ValueError(value) from None
    return value


class Command(HangarCommand):
    help = (
        "Create, list and revoke API keys. A key is printed once, when it is created, and stored only as "
        "its SHA-256; its rate (requests per second, minute, hour or day) replaces HANGAR_THROTTLE_KEY "
        "for it. Rate limits apply only while HANGAR_THROTTLE_ANON or HANGAR_THROTTLE_KEY is set."
    )
    examples = """
        hangar apikey create "launch widget" --rate 1000/hour   # prints the key, once
        hangar apikey list                                       # prefix, name, rate, created, revoked
        hangar apikey revoke 3f9a1c2e                            # by id or by the key's first characters
    """

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="create|list|revoke")
        create = actions.add_parser("create", help="create a key and print it")
        create.add_argument("name", help="who or what the key is for")
        create.add_argument(
            "--rate", type=rate, default="", help="e.g. 1000/hour (default: HANGAR_THROTTLE_KEY)"
        )
        actions.add_parser("list", help="list the keys (never the keys themselves)")
        revoke = actions.add_parser("revoke", help="revoke a key: it stops working within 10 s")
        revoke.add_argument("key", help="the key's id or its first characters (as `list` shows)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, name, rate, **options):
        row, key = create_key(name, rate)
        self.stderr.write(f"created key {row.id} ({row.prefix}…) for {name!r}; it is shown only now:")
        self.stdout.write(key)

    def _list(self, **options):
        rows = ApiKey.objects.all()
        if not rows:
            self.stderr.write("no API keys (hangar apikey create NAME)")
            return
        self.stdout.write(f"{'id':>4}  {'prefix':8}  {'rate':12}  {'created':20}  {'revoked':20}  name")
        for row in rows:
            revoked = row.revoked_at.strftime("%Y-%m-%dT%H:%M:%SZ") if row.revoked_at else "-"
            self.stdout.write(
                f"{row.id:>4}  {row.prefix:8}  {row.rate or 'default':12}  "
                f"{row.created_at.strftime('%Y-%m-%dT%H:%M:%SZ'):20}  {revoked:20}  {row.name}"
            )

    def _revoke(self, key, **options):
        rows = ApiKey.objects.filter(revoked_at__isnull=True)
        matches = list(rows.filter(pk=int(key))) if key.isdigit() and len(key) < 8 else []
        if not matches and len(key) >= 4:  # a prefix: at least four characters
            matches = list(rows.filter(prefix__startswith=key))
        if not matches:
            raise CommandError(f"no active API key has the id or prefix {key!r} (hangar apikey list)")
        if len(matches) > 1:
            raise CommandError(
                f"{len(matches)} active keys start with {key!r}: give more characters or the id"
            )
        (row,) = matches
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
        self.stderr.write(f"revoked key {row.id} ({row.prefix}…) of {row.name!r}")
