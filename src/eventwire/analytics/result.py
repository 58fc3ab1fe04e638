"""Query results as Arrow tables, flat records or pandas/polars frames."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa


class Result:
    """A query's rows: ``.arrow()`` (pyarrow.Table), ``.records()`` (list of dicts), ``.df()``.

    Polars users: ``polars.from_arrow(result.arrow())``.
    """

    def __init__(self, table: pa.Table):
        self._table = table

    @classmethod
    def from_query(
        cls, con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | dict[str, Any]
    ) -> Result:
        return cls(con.sql(sql, params=params).to_arrow_table())

    def arrow(self) -> pa.Table:
        return self._table

    def records(self) -> list[dict[str, Any]]:
        return self._table.to_pylist()

    def df(self):
        """A pandas DataFrame (needs pandas installed)."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError("Result.df() needs pandas: pip install pandas") from None
        return self._table.to_pandas()

    @property
    def columns(self) -> list[str]:
        return list(self._table.column_names)

    def __len__(self) -> int:
        return self._table.num_rows

    def __iter__(self):
        return iter(self.records())

    def __repr__(self) -> str:
        return f"Result({self._table.num_rows} rows: {', '.join(self.columns)})"
