"""BPJS's wire formats, once, for every side that speaks them.

- :mod:`fields`: the field patterns and what each must look like (for the message naming it);
- :mod:`envelope`: ``{"metadata"|"metaData": {code, message}, "response": ...}``;
- :mod:`faskes`: the clinic's web service for Mobile JKN (``kiosk serve``), versions 1 and 2;
- :mod:`antrean`: the central's Antrean FKTP calls, and the clinic's outbox bodies built from them;
- :mod:`pcare`: PCare's participant record, as the central answers it and as the clinic reads it;
- :mod:`errors`: contract errors as envelope answers, for both FastAPI apps;
- :mod:`logmask`: card numbers and NIKs out of every log line.

``kiosk serve`` (kiosk/web), ``kiosk central`` (kiosk/central) and the clinic's client
(kiosk/sync) import from here; nothing here imports them, the store, or any UI.
"""
