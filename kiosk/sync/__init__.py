"""Talking to the central (BPJS): the signed client, the outbox pump, connectivity."""
