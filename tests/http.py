"""Reading the API in tests: a JSON body with its status checked, a page's ids, every page of a list."""


def get(client, url, status=200):
    """The JSON body of ``GET url``, which must answer ``status`` (the body is the failure message)."""
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def ids(client, url) -> list:
    """The ids of a list page's results, in order."""
    return [row["id"] for row in get(client, url)["results"]]


def every_result(client, path, **params) -> list[dict]:
    """Every result of a list (``mode=list`` unless ``params`` say otherwise), page after page."""
    query = {"format": "json", "mode": "list", "limit": 100, **params}
    url = f"{path}?" + "&".join(f"{k}={v}" for k, v in query.items())
    results = []
    while url:
        body = get(client, url)
        results += body["results"]
        url = body["next"]
    return results
