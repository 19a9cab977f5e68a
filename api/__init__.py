"""The web: the FastAPI JSON API and the facilitators' pages."""
