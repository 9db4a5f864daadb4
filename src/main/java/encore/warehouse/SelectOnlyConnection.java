package encore.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A connection that runs only SELECT statements (SHOW and DESCRIBE included). Before any SQL text
 * reaches DuckDB it is parsed by DuckDB's own parser ({@code json_serialize_sql}), which serializes
 * only SELECT statements: COPY, EXPORT, ATTACH, SET, CREATE, PRAGMA and the like are refused, also
 * when they hide behind a semicolon. Used for lakes, whose folder DuckDB must be allowed to read:
 * its allowed-directories setting would also let a COPY write there.
 */
final class SelectOnlyConnection {

    private static final Set<String> SQL_METHODS = Set.of("prepareStatement", "prepareCall", "execute",
        "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private SelectOnlyConnection() {
    }

    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(SelectOnlyConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, new Guard(raw, raw));
    }

    /** Throws unless every statement in {@code sql} is a SELECT. */
    static void check(Connection raw, String sql) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement(Sql.statement("warehouse/parse_sql"))) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    String message = rs.getString(2);
                    throw new SQLException(message != null && message.startsWith("Only SELECT")
                        ? "Permission Error: a lake is read-only: only SELECT statements run on it"
                        : message);
                }
            }
        }
    }

    private record Guard(Connection raw, Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (SQL_METHODS.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                check(raw, sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (!"createStatement".equals(method.getName())) {
                return result;
            }
            // a plain Statement takes its SQL later: guard it too
            return Proxy.newProxyInstance(SelectOnlyConnection.class.getClassLoader(), new Class<?>[] {Statement.class},
                new Guard(raw, result));
        }
    }
}
