package encore.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables of a warehouse with their columns, types and row counts. */
public final class SchemaBrowser {

    public record Column(String name, String type) {
    }

    public record Table(String name, String group, long rows, List<Column> columns) {
    }

    private SchemaBrowser() {
    }

    public static List<Table> tables(Warehouse w) {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = w.connection().prepareStatement(Sql.statement("warehouse/list_tables"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot list tables: " + Warehouse.firstLine(e.getMessage()), e);
        }
        try (PreparedStatement ps = w.connection().prepareStatement(Sql.statement("warehouse/list_columns"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot list columns: " + Warehouse.firstLine(e.getMessage()), e);
        }
        List<Table> out = new ArrayList<>();
        List<String> groups = List.of("Star schema", "Staging", "Rejected", "Other");
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            String name = e.getKey();
            String group = Warehouse.STAR_TABLES.contains(name) ? "Star schema"
                : name.startsWith("staging_") ? "Staging" : name.equals("rejected_records") ? "Rejected" : "Other";
            out.add(new Table(name, group, exactCount(w, name, e.getValue()), columns.getOrDefault(name, List.of())));
        }
        out.sort(java.util.Comparator.comparing((Table t) -> groups.indexOf(t.group())).thenComparing(Table::name));
        return out;
    }

    /** duckdb_tables() estimates; the star and staging tables are counted exactly. */
    private static long exactCount(Warehouse w, String table, long estimate) {
        if (Warehouse.STAR_TABLES.contains(table) || Warehouse.STAGING_TABLES.contains(table) || table.equals("etl_runs")) {
            return w.count(Sql.template("warehouse/count_rows", Map.of("table", Warehouse.quoted(table))));
        }
        return estimate;
    }
}
