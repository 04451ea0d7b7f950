"""File-share connector: crawl a folder tree and extract text per format."""
