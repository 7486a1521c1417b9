"""Reusable pieces of the kiosk's screens."""
