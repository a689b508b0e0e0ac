"""The incident filters shared by the list page, the map page and `GET /api/incidents`, validated once."""
from __future__ import annotations

from typing import Literal, get_args
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sitrep.store import IncidentQuery

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
Grade = Literal["single_source", "corroborated", "contested"]
GRADES = get_args(Grade)
MAX_PAGE = 500
DATE = r"^\d{4}-\d{2}-\d{2}$"


class IncidentFilters(BaseModel):
    """Query parameters; empty strings (what an HTML form sends for a blank field) mean "not set"."""
    model_config = ConfigDict(extra="ignore")

    date_from: str | None = Field(None, pattern=DATE, description="YYYY-MM-DD, inclusive (earliest possible date)")
    date_to: str | None = Field(None, pattern=DATE, description="YYYY-MM-DD, inclusive")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. SY")
    admin1: str | None = Field(None, max_length=200, description="First-level region, e.g. Idlib")
    event_type: str | None = Field(None, max_length=100, description="ACLED event type, e.g. Battles")
    q: str | None = Field(None, max_length=500, description="Full-text search over article text (FTS5 syntax)")
    min_fatalities: int | None = Field(None, ge=0, description="Best fatality estimate at least this")
    has_disagreement: bool | None = Field(None, description="Only incidents where sources disagree (true/false)")
    grade: Grade | None = Field(
        None, description="How well sourced: single_source, corroborated or contested")
    cursor: str | None = Field(None, max_length=1000, description="`next` from the previous page, unchanged")
    limit: int = Field(50, ge=1, le=MAX_PAGE, description=f"Incidents per page, at most {MAX_PAGE}")

    @field_validator("*", mode="before")
    @classmethod
    def blank_is_unset(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value.strip() if isinstance(value, str) else value

    @field_validator("limit", mode="before")
    @classmethod
    def default_limit(cls, value: object) -> object:
        return 50 if value is None else value

    def to_query(self) -> IncidentQuery:
        return IncidentQuery(date_from=self.date_from, date_to=self.date_to,
                             country=self.country.upper() if self.country else None, admin1=self.admin1,
                             event_type=self.event_type, text=self.q, min_fatalities=self.min_fatalities,
                             has_disagreement=self.has_disagreement, grade=self.grade, cursor=self.cursor,
                             limit=self.limit)

    def query_string(self, **changes: object) -> str:
        """These filters as a URL query (for links to the next page, the JSON twin, the map)."""
        values = self.model_dump() | changes
        if values.get("limit") == 50:
            values.pop("limit")
        return urlencode({k: _param(v) for k, v in values.items() if v is not None})

    def is_filtered(self) -> bool:
        return any(v is not None for k, v in self.model_dump().items() if k not in ("cursor", "limit"))


def _param(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)
