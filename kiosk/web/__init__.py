"""The clinic's web service for Mobile JKN (``kiosk serve``): FastAPI on the clinic's store."""

from kiosk.web.app import create_app

__all__ = ["create_app"]
