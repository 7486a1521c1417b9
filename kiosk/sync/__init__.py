"""Talking to the central (BPJS): the signed httpx client, the outbox pump, connectivity."""
