-- Drops a table moved aside by an upgrade, once its rows are copied.
DROP TABLE {old};
