package encore.cli;

import encore.config.BuildInfo;
import picocli.CommandLine;

/** {@code encore --version}: Encore's version and the versions of the parts it is built on. */
public final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Encore " + BuildInfo.encore(), "DuckDB JDBC " + BuildInfo.of("duckdb.version"),
            "JavaFX " + BuildInfo.of("javafx.version"), "Java " + System.getProperty("java.version")};
    }
}
