"""Settings: ``KIOSK_*`` environment variables, over an optional TOML file, over defaults.

A wrong setting stops start-up with one line naming the setting and what it accepts
(:class:`SettingsError`), never a traceback.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# The kiosk's first screen reads these before pydantic is loaded; other modules import them here.
from kiosk.first_look import APP_NAME as APP_NAME
from kiosk.first_look import (
    DEFAULT_FACILITY_NAME,
    DEFAULT_LANG,
    DEFAULT_THEME,
    FACILITY_NAME_MAX,
    default_data_dir,
)
from kiosk.first_look import ENV_PREFIX as ENV_PREFIX
from kiosk.first_look import config_file as config_file
from kiosk.first_look import keep_private as keep_folders_private
from kiosk.slip.printer import PrinterSpec, PrinterSpecError, parse_printer_spec

# Indonesia's three zones; a clinic's day and numbering follow its own, never UTC.
# Never printed or logged in full.
SECRET_SETTINGS = frozenset(
    {
        "staff_pin",
        "ws_password",
        "ws_secret",
        "central_secret",
        "central_user_key",
        "central_antrean_user_key",
        "central_pcare_user_key",
        "central_pcare_password",
    }
)

ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Database, slips and logs.",
    )
    database_url: str = Field(default="", description="SQLAlchemy URL; default SQLite in data_dir.")
    lang: Literal["id", "en"] = Field(
        default=DEFAULT_LANG, description="Language of the kiosk screens."
    )
    printer: str = Field(
        default="png",
        description="png[:DIR], escpos-file:PATH, escpos-net:HOST[:PORT], escpos-usb:VID:PID, none",
    )
    paper_mm: Literal[58, 80] = Field(default=58, description="Slip paper width in millimetres.")
    idle_seconds: int = Field(default=60, ge=10, le=3600, description="Idle time before reset.")
    facility_code: str = Field(default="P3273010", description="The facility's BPJS code.")
    facility_name: str = Field(
        default=DEFAULT_FACILITY_NAME, min_length=1, max_length=FACILITY_NAME_MAX
    )
    timezone: str = Field(default="Asia/Jakarta", description="WIB, WITA, WIT or a zone name.")
    minutes_per_patient: int = Field(default=10, ge=1, le=120)
    # The demo's, published: `kiosk` refuses it outside the demo clinic.
    staff_pin: str = Field(default="2468", description="PIN for the staff exit (Ctrl+X).")
    theme: Literal["default", "high-contrast"] = DEFAULT_THEME
    # `kiosk purge`: complaints and cached participant details older than this are removed.
    retention_days: int = Field(default=90, ge=1, le=36500)
    # The clinic's web service for Mobile JKN (`kiosk serve`): the credentials the phone app is
    # given, and how long a token from GET /auth lives.
    ws_username: str = Field(default="mobilejkn", min_length=1, max_length=60)
    ws_password: str = Field(default="demo-mobilejkn-2468", min_length=8, max_length=200)
    ws_token_seconds: int = Field(default=300, ge=10, le=86400)
    # Failed GET /auth attempts per client address (and per username) and minute before each
    # further attempt waits longer (password guessing).
    ws_auth_per_minute: int = Field(default=10, ge=1, le=1000)
    # Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto `kiosk serve` believes (addresses
    # or networks, comma-separated). Empty: none; the client address is the socket's.
    ws_trusted_proxies: str = Field(default="", max_length=500)
    # Signs the tokens (HS256). Empty: each `kiosk serve` process draws its own at start. Tokens
    # live minutes, so a restart only makes phones ask for a new one; set it when several server
    # processes must accept each other's tokens.
    ws_secret: str = Field(default="", max_length=200)
    # The central (BPJS Antrean FKTP and PCare participant lookup; `kiosk central` in the demo).
    # No URL: the clinic runs offline-only and its outbox waits. Production has one base URL per
    # service; both may point at the same `kiosk central`.
    central_antrean_url: str = Field(default="", max_length=300)
    central_pcare_url: str = Field(default="", max_length=300)
    central_cons_id: str = Field(default="", max_length=60)
    central_secret: str = Field(default="", max_length=200)
    central_user_key: str = Field(default="", max_length=200)
    # Each service has its own user_key; either falls back to central_user_key (older installs).
    central_antrean_user_key: str = Field(default="", max_length=200)
    central_pcare_user_key: str = Field(default="", max_length=200)
    # PCare authenticates the clinic's PCare user on every call (X-authorization).
    central_pcare_username: str = Field(default="", max_length=100)
    central_pcare_password: str = Field(default="", max_length=200)
    central_pcare_app_code: str = Field(default="095", pattern=r"^[0-9A-Za-z]{1,10}$")
    # A participant lookup waits this long before the kiosk falls back to its cache.
    central_lookup_timeout: float = Field(default=2.0, gt=0, le=30)
    # Every other call to the central (the pump runs in the background).
    central_timeout: float = Field(default=10.0, gt=0, le=120)
    # `kiosk central` (the reference server) keeps its own database, never the clinic's store.
    central_database_url: str = Field(
        default="", description="SQLAlchemy URL of `kiosk central`; default SQLite in data_dir."
    )
    # Nightly backups (`kiosk service install` runs them; `kiosk check` counts the disk space):
    # where the copies go (default: data_dir/backups) and how many are kept.
    backup_dir: Path | None = Field(default=None, description="Folder of the nightly backups.")
    backup_copies: int = Field(default=14, ge=1, le=365)
    # A participant the kiosk cannot give a JKN number (inactive, arrears, another FKTP) may go on
    # as a general (paying) patient at the kiosk; False sends them to the desk instead.
    refused_as_general: bool = Field(
        default=True, description="Refused JKN participants may take a general number."
    )

    # The address phones reach `kiosk serve` at on the clinic's network: the slip's QR then opens
    # the patient's page (/t/...). Empty: the QR holds the slip code alone, as before.
    public_url: str = Field(default="", description="e.g. http://192.168.1.10:8080")

    @field_validator("central_antrean_url", "central_pcare_url", "public_url")
    @classmethod
    def _central_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("use an http:// or https:// base URL, or leave it empty (offline)")
        return value

    @field_validator("backup_dir", mode="before")
    @classmethod
    def _backup_dir(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("facility_code")
    @classmethod
    def _facility_code(cls, value: str) -> str:
        value = value.strip().upper()
        if not re.fullmatch(r"[A-Z0-9]{1,20}", value):
            raise ValueError("use 1-20 letters or digits")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        name = ZONE_ALIASES.get(value.strip().upper(), value.strip())
        if name not in ZONE_ALIASES.values():
            raise ValueError("use WIB, WITA, WIT, Asia/Jakarta, Asia/Makassar or Asia/Jayapura")
        return name

    @field_validator("ws_secret")
    @classmethod
    def _ws_secret(cls, value: str) -> str:
        # Anyone who learns it can sign their own tokens: a short one is guessed offline from
        # a single token. Empty draws a random one per process.
        if value and len(value.encode("utf-8")) < 32:
            raise ValueError(
                "use at least 32 bytes (e.g. `openssl rand -hex 32`), or leave it empty"
            )
        return value

    @field_validator("ws_trusted_proxies")
    @classmethod
    def _trusted_proxies(cls, value: str) -> str:
        for item in (part.strip() for part in value.split(",")):
            if item:
                try:
                    ipaddress.ip_network(item, strict=False)
                except ValueError:
                    raise ValueError(
                        f"{item!r} is not an IP address or network; list the reverse proxy's "
                        "addresses, comma-separated (e.g. 127.0.0.1,10.0.0.2/32)"
                    ) from None
        return ",".join(part.strip() for part in value.split(",") if part.strip())

    @field_validator("staff_pin")
    @classmethod
    def _staff_pin(cls, value: str) -> str:
        if not re.fullmatch(r"\d{4,8}", value):
            raise ValueError("use 4 to 8 digits")
        return value

    @field_validator("printer")
    @classmethod
    def _printer(cls, value: str) -> str:
        parse_printer_spec(value, Path("."))  # raises with the allowed forms
        return value

    @model_validator(mode="after")
    def _pcare_user(self) -> Settings:
        # PCare refuses every call without its user: say so at start, not at the first patient.
        if self.central_pcare_url and not (
            self.central_pcare_username and self.central_pcare_password
        ):
            raise ValueError(
                "KIOSK_CENTRAL_PCARE_URL is set: set KIOSK_CENTRAL_PCARE_USERNAME and "
                "KIOSK_CENTRAL_PCARE_PASSWORD too (the clinic's PCare user)"
            )
        return self

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'kiosk.db'}")
        if not self.central_database_url:
            central_db = f"sqlite:///{self.data_dir / 'central.db'}"
            object.__setattr__(self, "central_database_url", central_db)
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, config_file()))

    @property
    def central_configured(self) -> bool:
        """Both services have a URL and there is a consumer to sign with."""
        return bool(self.central_antrean_url and self.central_pcare_url and self.central_cons_id)

    @property
    def antrean_user_key(self) -> str:
        return self.central_antrean_user_key or self.central_user_key

    @property
    def pcare_user_key(self) -> str:
        return self.central_pcare_user_key or self.central_user_key

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def printer_spec(self) -> PrinterSpec:
        return parse_printer_spec(self.printer, self.data_dir / "slips")

    @property
    def slip_width_px(self) -> int:
        return 384 if self.paper_mm == 58 else 576

    @property
    def trusted_proxies(self) -> list[str]:
        return [item for item in self.ws_trusted_proxies.split(",") if item]

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def backup_folder(self) -> Path:
        return self.backup_dir or self.data_dir / "backups"


# Values shipped for the demo: while one is in force, `kiosk settings` warns (anyone who read the
# README knows them).
DEMO_SETTINGS = ("staff_pin", "ws_password")


@dataclass(frozen=True)
class ShownSetting:
    """One line of `kiosk settings`: the variable, what it holds (masked when secret, marked
    when empty) and where it came from."""

    variable: str
    value: str
    source: str  # "default", "environment", "file"
    demo: bool = False


def _looks_secret(name: str) -> bool:
    # Fields another branch adds (credentials, user keys) are masked without a list to update.
    return name in SECRET_SETTINGS or any(
        word in name for word in ("secret", "password", "pin", "key", "credential")
    )


def describe_settings(settings: Settings) -> list[ShownSetting]:
    """Every setting of the model, in its order: value, source, and whether a demo value."""
    try:
        in_file = {k.lower() for k in tomllib.loads(config_file().read_text("utf-8"))}
    except OSError:
        in_file = set()
    except tomllib.TOMLDecodeError:  # load_settings has refused such a file already
        in_file = set()
    environment = {k.upper() for k in os.environ}
    shown = []
    for name, field in Settings.model_fields.items():
        variable = f"{ENV_PREFIX}{name.upper()}"
        source = (
            "environment" if variable in environment else ("file" if name in in_file else "default")
        )
        value = getattr(settings, name)
        text = str(value)
        if name.endswith("database_url") and text:  # a PostgreSQL URL may carry a password
            from sqlalchemy.engine import make_url

            text = make_url(text).render_as_string(hide_password=True)
        if text == "":
            text = "(empty)"
        elif _looks_secret(name):
            text = "****"
        demo = name in DEMO_SETTINGS and value == field.default
        shown.append(ShownSetting(variable, text, source, demo))
    return shown


class SettingsError(Exception):
    """One line for the operator: which setting is wrong and what it accepts."""


def load_settings(**overrides: Any) -> Settings:
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        if not first["loc"]:  # a rule across settings names them in its message
            message = str(first["msg"]).removeprefix("Value error, ")
            raise SettingsError(f"Settings incomplete: {message}") from None
        given = first.get("input")
        # A wrong secret is named, never echoed: the line ends up on screens and in logs.
        hidden = isinstance(given, dict) or field in SECRET_SETTINGS
        shown = "" if hidden else f" (got {given!r})"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(
            f"Setting {ENV_PREFIX}{field.upper()} is wrong{shown}: {message}"
        ) from None
    except PrinterSpecError as exc:  # pragma: no cover - validators wrap it, kept as a guard
        raise SettingsError(f"Setting {ENV_PREFIX}PRINTER is wrong: {exc}") from None
    except (OSError, ValueError) as exc:  # an unreadable or malformed TOML file
        raise SettingsError(f"Settings file {config_file()} cannot be read: {exc}") from None


def keep_private(settings: Settings) -> None:
    """Only the kiosk's own user reads the store, its WAL, the logs, the slips, the backups and
    the settings file: they hold full NIKs, card numbers, phone numbers and PIN hashes.

    Called by every command before it touches a file. The umask makes whatever is created from
    here on private (SQLite's -wal and -shm, rotated logs, slip PNGs, backups); folders and files
    left readable by an older version are closed too."""
    spec = settings.printer_spec
    slips = [spec.path] if spec.kind == "png" and spec.path is not None else []
    keep_folders_private(settings.data_dir, *slips)
