"""Views, one module per resource family; ``base`` holds what they share."""
