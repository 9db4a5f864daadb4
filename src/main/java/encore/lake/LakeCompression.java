package encore.lake;

import java.util.Locale;

/** The Parquet codec of every file in the lake. */
public enum LakeCompression {
    /** The widest reader support (Spark, Athena, Hive, pandas, DuckDB). */
    SNAPPY,
    /** Smaller files; read by current Spark, Athena and DuckDB. */
    ZSTD;

    /** DuckDB's name of the codec. */
    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
