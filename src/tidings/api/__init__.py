"""The HTTP API behind ``tidings serve``: read endpoints over the store, ingestion with a token, the dashboard."""
