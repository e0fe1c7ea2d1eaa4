"""Engines schedule the same stage functions over many articles: locally or on Spark."""
