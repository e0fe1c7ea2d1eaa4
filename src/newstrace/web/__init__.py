"""Web: ``newstrace serve``, the HTTP API and the web app over a store."""
