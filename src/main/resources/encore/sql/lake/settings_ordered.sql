-- For a write whose files must keep the query's row order (compact songs, sorted by artist_id).
SET preserve_insertion_order = true;
