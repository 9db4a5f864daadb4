package encore.warehouse;

import encore.task.EncoreException;

/** A failure inside DuckDB while loading or querying a warehouse. */
public final class WarehouseException extends EncoreException {

    public WarehouseException(String message, Throwable cause) {
        super(message, "see the log for details", cause);
    }
}
