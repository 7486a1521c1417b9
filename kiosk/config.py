"""Settings: ``KIOSK_*`` environment variables, over an optional TOML file, over defaults.

A wrong setting stops start-up with one line naming the setting and what it accepts
(:class:`SettingsError`), never a traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import platformdirs
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from kiosk.slip.printer import PrinterSpec, PrinterSpecError, parse_printer_spec

APP_NAME = "antrean-kiosk"
ENV_PREFIX = "KIOSK_"

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


def config_file() -> Path:
    """The TOML file read at start-up: ``KIOSK_CONFIG_FILE``, else the user config folder."""
    explicit = os.environ.get(f"{ENV_PREFIX}CONFIG_FILE")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)),
        description="Database, slips and logs.",
    )
    database_url: str = Field(default="", description="SQLAlchemy URL; default SQLite in data_dir.")
    lang: Literal["id", "en"] = Field(default="id", description="Language of the kiosk screens.")
    printer: str = Field(
        default="png",
        description="png[:DIR], escpos-file:PATH, escpos-net:HOST[:PORT], escpos-usb:VID:PID, none",
    )
    paper_mm: Literal[58, 80] = Field(default=58, description="Slip paper width in millimetres.")
    idle_seconds: int = Field(default=60, ge=10, le=3600, description="Idle time before reset.")
    facility_code: str = Field(default="P3273010", description="The facility's BPJS code.")
    facility_name: str = Field(default="Puskesmas Sukamaju", min_length=1, max_length=80)
    timezone: str = Field(default="Asia/Jakarta", description="WIB, WITA, WIT or a zone name.")
    minutes_per_patient: int = Field(default=10, ge=1, le=120)
    staff_pin: str = Field(default="2468", description="PIN for the staff exit (Ctrl+X).")
    theme: Literal["default", "high-contrast"] = "default"
    # `kiosk purge`: complaints and cached participant details older than this are removed.
    retention_days: int = Field(default=90, ge=1, le=36500)
    # The clinic's web service for Mobile JKN (`kiosk serve`): the credentials the phone app is
    # given, and how long a token from GET /auth lives.
    ws_username: str = Field(default="mobilejkn", min_length=1, max_length=60)
    ws_password: str = Field(default="demo-mobilejkn-2468", min_length=8, max_length=200)
    ws_token_seconds: int = Field(default=300, ge=10, le=86400)
    # Failed GET /auth attempts allowed per client address and minute (password guessing).
    ws_auth_per_minute: int = Field(default=10, ge=1, le=1000)
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

    @field_validator("central_antrean_url", "central_pcare_url")
    @classmethod
    def _central_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("use an http:// or https:// base URL, or leave it empty (offline)")
        return value

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
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


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
