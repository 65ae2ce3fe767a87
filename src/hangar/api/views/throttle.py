"""``/2.3.0/api-throttle/``: the caller's own rate limit and use, never counted against it."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from hangar.api import throttling
from hangar.api.serializers.throttle import APIThrottleSerializer


class APIThrottleView(APIView):
    """API endpoint that allows API Throttle information to be viewed.

    GET:
    Returns a range of information about your API access: your limit per period (`your_request_limit`
    requests per `limit_frequency_secs` seconds), how many requests of the current period you made
    (`current_use`), the seconds until your next request is allowed (`next_use_secs`, 0 when it is now)
    and who you are to the server (`ident`: your IP address, or your API key's first characters).
    Asking does not count. `0` in the limit and its period: this server sets no limit for you.

    Upstream's file declares an array of `APIThrottle`; upstream answers one object, and so does Hangar.
    """

    @extend_schema(responses=APIThrottleSerializer, operation_id="api_throttle_list")
    def get(self, request):
        environ = request.META
        if not throttling.enabled():
            standing = throttling.Usage(
                ident=throttling.client_ip(environ), limit=0, period=0, used=0, wait=0
            )
        else:
            try:
                standing = throttling.usage(environ, count=False)
            except throttling.InvalidKey:
                return Response(
                    {"detail": "Invalid token."}, status=401, headers={"WWW-Authenticate": "Token"}
                )
        return Response(APIThrottleSerializer(standing.as_json()).data)
