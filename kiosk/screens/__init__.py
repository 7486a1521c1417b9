"""The kiosk's screens, one file each: thin, composing widgets and handing work to services."""
