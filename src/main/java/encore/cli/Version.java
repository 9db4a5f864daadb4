package encore.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Encore " + current(), "DuckDB JDBC " + duckdb(), "Java " + System.getProperty("java.version")};
    }

    private static String duckdb() {
        String v = org.duckdb.DuckDBDriver.class.getPackage().getImplementationVersion();
        return v == null ? "?" : v;
    }
}
