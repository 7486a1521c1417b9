"""`kiosk central`: our reference server of the central's contract (protocol.md, part 2), with its
own database, for demos, tests and drills."""
