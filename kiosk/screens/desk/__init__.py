"""The front desk's screens: sign in, pick a poli, run its queue."""
