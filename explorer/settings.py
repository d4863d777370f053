"""Settings: where the store, the data and the caches are, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Host names always accepted: the machine itself (development, health checks, tests).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
#: The shortest secret key accepted.
SECRET_MIN_LENGTH = 16


class MissingSecretKey(RuntimeError):
    """``EXPLORER_SECRET_KEY`` is unset or too short; says how to make one."""

#: The default basemap: OpenStreetMap's standard tiles (https://operations.osmfoundation.org/policies/tiles/).
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


@dataclass(frozen=True)
class Settings:
    """Everything that differs between a laptop, CI and production.

    Attributes:
        database_url: SQLAlchemy URL; empty means the embedded SQLite file in ``data_dir``.
        data_dir: The project's ``data/`` folder (sample register, reference tables).
        cache_dir: Where derived reference files are cached (``data/cache``).
        tile_url: Basemap tile URL template; empty means no basemap. ``from_env`` defaults to
            OpenStreetMap's standard tiles; built directly (as tests do) it is empty.
        tile_attribution: Attribution shown for the basemap.
        check_interval: Seconds between checks for a newly published version.
        seed_sample: Publish the bundled sample register into an empty store.
        debug: Dash debug mode (never in production).
        max_ingest_mb: The largest file ``explorer ingest`` and ``explorer sync`` accept (MB).
        exit_url: Where "Exit this page" goes (a neutral site; http or https only).
        secret_key: The deployment's secret (``EXPLORER_SECRET_KEY``), keying the hash of
            senders' addresses; the app refuses to start without one (``make run`` makes one).
        public_url: The site's public address (``EXPLORER_PUBLIC_URL``, ``https://...``); every
            absolute URL the explorer writes (feeds, API links, the embed code) starts with it.
        trusted_hosts: Host names accepted when ``public_url`` is not set (``localhost`` and
            loopback, plus ``EXPLORER_TRUSTED_HOSTS``); any other ``Host`` header gets a 400.
    """

    database_url: str = ""
    data_dir: Path = ROOT / "data"
    cache_dir: Path = ROOT / "data" / "cache"
    tile_url: str = ""
    tile_attribution: str = ""
    check_interval: float = 5.0
    seed_sample: bool = True
    debug: bool = False
    embed_origins: tuple[str, ...] = field(default_factory=tuple)
    max_ingest_mb: float = 50.0
    exit_url: str = "https://www.bbc.co.uk/weather"
    secret_key: str = field(default_factory=lambda: os.environ.get("EXPLORER_SECRET_KEY", ""), repr=False)
    public_url: str = field(default_factory=lambda: os.environ.get("EXPLORER_PUBLIC_URL", ""))
    trusted_hosts: tuple[str, ...] = LOOPBACK_HOSTS

    @property
    def store_url(self) -> str:
        """The database URL actually used."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'explorer.db').resolve()}"

    @property
    def sample_dir(self) -> Path:
        """The bundled sample register."""
        return self.data_dir / "sample"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Reads ``EXPLORER_*`` variables; anything unset keeps its default."""
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("EXPLORER_DATA_DIR", str(ROOT / "data")))
        # OpenStreetMap by default; EXPLORER_TILE_URL changes it, and set empty turns the basemap off.
        tile_url = env.get("EXPLORER_TILE_URL", OSM_TILE_URL).strip()
        return cls(
            database_url=env.get("EXPLORER_DATABASE_URL", ""),
            data_dir=data_dir,
            cache_dir=Path(env.get("EXPLORER_CACHE_DIR", str(data_dir / "cache"))),
            tile_url=tile_url,
            tile_attribution=env.get(
                "EXPLORER_TILE_ATTRIBUTION", OSM_ATTRIBUTION if tile_url == OSM_TILE_URL else ""
            ),
            check_interval=float(env.get("EXPLORER_CHECK_INTERVAL", "5")),
            seed_sample=env.get("EXPLORER_SEED_SAMPLE", "1") not in {"0", "false", "no"},
            debug=env.get("EXPLORER_DEBUG", "0") in {"1", "true", "yes"},
            embed_origins=tuple(
                o.strip() for o in env.get("EXPLORER_EMBED_ORIGINS", "").split(",") if o.strip()
            ),
            max_ingest_mb=float(env.get("EXPLORER_MAX_INGEST_MB", "50")),
            exit_url=_exit_url(env.get("EXPLORER_EXIT_URL", "https://www.bbc.co.uk/weather")),
            secret_key=env.get("EXPLORER_SECRET_KEY", ""),
            public_url=env.get("EXPLORER_PUBLIC_URL", "").strip().rstrip("/"),
            trusted_hosts=LOOPBACK_HOSTS + tuple(
                h.strip() for h in env.get("EXPLORER_TRUSTED_HOSTS", "").split(",") if h.strip()
            ),
        )

    def require_secret(self) -> str:
        """The secret key.

        Raises:
            MissingSecretKey: It is unset or shorter than :data:`SECRET_MIN_LENGTH`.
        """
        if len(self.secret_key) < SECRET_MIN_LENGTH:
            raise MissingSecretKey(
                f"EXPLORER_SECRET_KEY must be set to a random secret of at least {SECRET_MIN_LENGTH} "
                "characters (make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(48))'); "
                "`make run` creates one in .secret-key on first start"
            )
        return self.secret_key


def _exit_url(value: str) -> str:
    """The exit address, checked: it must be an http(s) URL (it becomes a link on every page)."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"EXPLORER_EXIT_URL: {value!r} is not an http(s) address like https://www.bbc.co.uk/weather")
    return value.strip()
