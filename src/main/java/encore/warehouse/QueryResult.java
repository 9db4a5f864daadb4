package encore.warehouse;

import java.util.List;

/** The rows of a query, with column names and DuckDB type names. {@code truncated}: more rows existed. */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {
}
