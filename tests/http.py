"""Reading the API in tests: a JSON body with its status checked, a page's ids."""


def get(client, url, status=200):
    """The JSON body of ``GET url``, which must answer ``status`` (the body is the failure message)."""
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def ids(client, url) -> list:
    """The ids of a list page's results, in order."""
    return [row["id"] for row in get(client, url)["results"]]
