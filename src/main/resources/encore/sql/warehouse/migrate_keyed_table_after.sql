-- Copies every row of the table moved aside into the new unconstrained one.
INSERT INTO {table} SELECT * FROM {old};
