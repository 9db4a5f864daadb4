-- Settings of the export connection for bulk writes: rows may be written in any order (less
-- memory, all threads), and the classic songs layout keeps one file open per partition of a chunk.
SET preserve_insertion_order = false;
SET partitioned_write_max_open_files = 600;
