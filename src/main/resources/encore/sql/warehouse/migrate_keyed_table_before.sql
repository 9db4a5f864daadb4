-- Moves a table with a key constraint aside ({table} to {old}); schema.sql then creates it anew,
-- without the constraint.
ALTER TABLE {table} RENAME TO {old};
