"""The central's own database: the participant registry, polis, doctors and schedules it answers
references from, and its mirror of each clinic's queue.

This is a reference server, so the schema is made with ``Base.metadata.create_all`` at start (no
migrations): a newer schema means a fresh ``central.db``. It never touches the clinic's store.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from kiosk.assets import assets_dir


class SchemaOutdated(ValueError):
    """The database was made by an older `kiosk central` (no migrations here: start afresh)."""


class Base(DeclarativeBase):
    pass


class CentralParticipant(Base):
    """A JKN participant as PCare knows them (the fields of ``GET /peserta``)."""

    __tablename__ = "peserta"

    card: Mapped[str] = mapped_column(String(13), primary_key=True)
    nik: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    sex: Mapped[str] = mapped_column(String(1))
    born: Mapped[date]
    active: Mapped[bool]
    status_text: Mapped[str] = mapped_column(String(40))
    arrears: Mapped[int] = mapped_column(BigInteger, default=0)
    provider_code: Mapped[str] = mapped_column(String(20))
    provider_name: Mapped[str] = mapped_column(String(100))
    class_code: Mapped[str] = mapped_column(String(10))
    class_name: Mapped[str] = mapped_column(String(40))
    kind_code: Mapped[str] = mapped_column(String(10))
    kind_name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str | None] = mapped_column(String(40))  # hubunganKeluarga
    valid_until: Mapped[date | None]  # tglAkhirBerlaku
    dental_code: Mapped[str | None] = mapped_column(String(20))  # kdProviderGigi
    dental_name: Mapped[str | None] = mapped_column(String(100))
    prolanis: Mapped[str | None] = mapped_column(String(20))  # pstProl
    prb: Mapped[str | None] = mapped_column(String(20))  # pstPrb
    # The yearly health-history screening (skrining riwayat kesehatan) filled in: since 2025
    # antrean/add refuses a participant aged 15+ without it.
    srk_done: Mapped[bool] = mapped_column(default=True)


class CentralPoli(Base):
    __tablename__ = "poli"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))


class CentralDoctor(Base):
    __tablename__ = "dokter"

    code: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class CentralSchedule(Base):
    """A doctor's shift at a poli; the demo's shifts hold every day of the week."""

    __tablename__ = "jadwal"

    id: Mapped[int] = mapped_column(primary_key=True)
    poli_code: Mapped[str] = mapped_column(ForeignKey("poli.code"))
    doctor_code: Mapped[int] = mapped_column(ForeignKey("dokter.code"))
    start: Mapped[str] = mapped_column(String(5))
    end: Mapped[str] = mapped_column(String(5))
    quota: Mapped[int]


class QueueEntry(Base):
    """One clinic's queue number as the central learned of it (add, then panggil or batal).

    The natural key is the protocol's: card, poli and date, per consumer (clinic).
    """

    __tablename__ = "antrean"
    __table_args__ = (
        UniqueConstraint("cons_id", "nomorkartu", "kodepoli", "tanggalperiksa"),
        # A shift's count, read by every add's kapasitas check: from the index alone.
        Index(
            "ix_antrean_shift",
            "cons_id",
            "tanggalperiksa",
            "kodepoli",
            "kodedokter",
            "jampraktek",
            "status",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cons_id: Mapped[str] = mapped_column(String(60))
    tanggalperiksa: Mapped[str] = mapped_column(String(10), index=True)
    kodepoli: Mapped[str] = mapped_column(String(3))
    nomorkartu: Mapped[str] = mapped_column(String(13))
    nik: Mapped[str] = mapped_column(String(16))
    nohp: Mapped[str] = mapped_column(String(15))
    norm: Mapped[str] = mapped_column(String(20))
    namapoli: Mapped[str] = mapped_column(String(60))
    kodedokter: Mapped[int]
    namadokter: Mapped[str] = mapped_column(String(100))
    jampraktek: Mapped[str] = mapped_column(String(11))
    nomorantrean: Mapped[str] = mapped_column(String(10))
    angkaantrean: Mapped[int]
    keterangan: Mapped[str] = mapped_column(String(200))
    # booked -> called (present) or absent; cancelled at any point before being called present.
    status: Mapped[str] = mapped_column(String(10))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The clinic's own time of the last call (epoch ms, as sent), and when it reached us.
    waktu: Mapped[int | None] = mapped_column(BigInteger)
    called_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    alasan: Mapped[str | None] = mapped_column(String(200))


class PcarePoli(Base):
    """PCare's own poli list (kdPoli), with the Antrean kodepoli it stands for when there is one
    (the mirror puts a registration beside its queue number by it)."""

    __tablename__ = "pcare_poli"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    antrean_code: Mapped[str | None] = mapped_column(String(3))


class Registration(Base):
    """A visit registered in PCare (``POST /pendaftaran``), per consumer (clinic). A DELETE marks
    it deleted: its noUrut is never given again that day."""

    __tablename__ = "pendaftaran"
    __table_args__ = (UniqueConstraint("cons_id", "visit_date", "no_urut"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cons_id: Mapped[str] = mapped_column(String(60))
    visit_date: Mapped[date] = mapped_column(index=True)
    no_urut: Mapped[str] = mapped_column(String(10))
    card: Mapped[str] = mapped_column(String(13))
    kd_poli: Mapped[str] = mapped_column(String(3))
    provider: Mapped[str] = mapped_column(String(20))
    keluhan: Mapped[str] = mapped_column(String(200))
    kunj_sakit: Mapped[bool]
    sistole: Mapped[int]
    diastole: Mapped[int]
    berat_badan: Mapped[float]
    tinggi_badan: Mapped[float]
    resp_rate: Mapped[int]
    lingkar_perut: Mapped[float]
    heart_rate: Mapped[int]
    rujuk_balik: Mapped[int]
    kd_tkp: Mapped[str] = mapped_column(String(2))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: an error in the log must never carry a NIK or card number.
    engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # WAL: `kiosk central mirror` reads while the server writes. NORMAL, as the clinic's
        # store: a commit survives the process being killed; only a power cut may lose the last
        # ones, and an fsync per antrean/add cost more than the rest of the call.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


class CentralDatabase:
    """Sessions over the central's database; writes take turns (one server process)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.Lock()

    def create(self, facility_code: str, facility_name: str) -> None:
        """Create the tables, and seed the demo clinic's references on first start."""
        Base.metadata.create_all(self.engine)
        self._check_schema()
        with self.write() as session:
            if session.scalars(select(CentralPoli.code)).first() is None:
                seed_demo(session, facility_code, facility_name)
            if session.scalars(select(PcarePoli.code)).first() is None:
                seed_pcare_polis(session)

    def _check_schema(self) -> None:
        """A database made by an older `kiosk central` lacks columns: say so in one line."""
        for table in Base.metadata.sorted_tables:
            have = {column["name"] for column in inspect(self.engine).get_columns(table.name)}
            missing = [column.name for column in table.columns if column.name not in have]
            if missing:
                shown = make_url(self.url).render_as_string(hide_password=True)
                raise SchemaOutdated(
                    f"the central's database {shown} is from an older version (table "
                    f"{table.name} lacks {', '.join(missing)}): delete it to start afresh"
                )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write_lock, self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A write transaction for Core statements (no ORM session), taking the same turns."""
        with self._write_lock, self.engine.begin() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


# -- the demo clinic's data (assets/demo/clinic.toml, the same file the clinic's demo reads) -----

# The demo file names classes "Kelas I/II/III"; PCare codes them 1/2/3.
_CLASS_CODES = {"Kelas I": "1", "Kelas II": "2", "Kelas III": "3"}
# The demo file does not say how a participant is insured; PCare always answers a kind.
DEMO_KIND = ("PBI", "PBI (APBN)")
# Nor until when a card is valid (tglAkhirBerlaku).
DEMO_VALID_UNTIL = date(2030, 12, 31)


def demo_data() -> dict[str, Any]:
    with (assets_dir() / "demo" / "clinic.toml").open("rb") as handle:
        return tomllib.load(handle)


def seed_demo(session: Session, facility_code: str, facility_name: str) -> None:
    data = demo_data()
    for poli in data["poli"]:
        session.add(CentralPoli(code=poli["code"], name=poli["name"]))
    for doctor in data["doctor"]:
        session.add(CentralDoctor(code=doctor["code"], name=doctor["name"]))
    session.flush()
    for entry in data["schedule"]:
        session.add(
            CentralSchedule(
                poli_code=entry["poli"],
                doctor_code=entry["doctor"],
                start=entry["start"],
                end=entry["end"],
                quota=entry["quota"],
            )
        )
    for person in [*data["participant"], *data.get("registry_participant", [])]:
        here = person["fktp"] == "here"
        dental_here = person.get("dental_fktp") == "here"
        class_name = person.get("class", "Kelas III")
        session.add(
            CentralParticipant(
                card=person["card"],
                nik=person["nik"],
                name=person["name"],
                sex=person["sex"],
                born=date.fromisoformat(person["born"]),
                active=person["active"],
                status_text="AKTIF" if person["active"] else "TIDAK AKTIF",
                arrears=person["arrears"],
                provider_code=facility_code if here else person["fktp"],
                provider_name=facility_name if here else person["fktp_name"],
                class_code=_CLASS_CODES.get(class_name, ""),
                class_name=class_name.upper(),
                kind_code=DEMO_KIND[0],
                kind_name=DEMO_KIND[1],
                relation=person.get("relation"),
                valid_until=DEMO_VALID_UNTIL,
                dental_code=facility_code if dental_here else person.get("dental_fktp"),
                dental_name=facility_name if dental_here else person.get("dental_fktp_name"),
                prolanis=person.get("prolanis"),
                prb=person.get("prb"),
                srk_done=person.get("srk", True),
            )
        )


def seed_pcare_polis(session: Session) -> None:
    """PCare's poli list as the demo clinic names it (each poli's ``pcare_code``)."""
    for poli in demo_data()["poli"]:
        if poli.get("pcare_code"):
            session.add(
                PcarePoli(
                    code=poli["pcare_code"], name=poli["name"].upper(), antrean_code=poli["code"]
                )
            )


def utcnow() -> datetime:
    return datetime.now(UTC)
