-- How many chunks the classic songs export writes (0 for an empty catalog).
SELECT coalesce(max(chunk) + 1, 0) FROM lake_songs;
