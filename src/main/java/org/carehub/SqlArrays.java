package org.carehub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Binds a list as one SQL array parameter, for {@code column = ANY(?)}: one statement for a list of any length, looked
 * up through the column's index on H2 and PostgreSQL alike (H2 reads {@code column IN (?, ?, ...)} by scanning).
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The parameters in order; a collection is bound as an array (BIGINT for numbers, else VARCHAR). */
    public static PreparedStatementSetter parameters(Object... values) {
        return statement -> {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Collection<?> list) {
                    statement.setArray(i + 1, array(statement, list));
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
        };
    }

    private static java.sql.Array array(PreparedStatement statement, Collection<?> list) throws SQLException {
        Connection connection = statement.getConnection();
        boolean numbers = !list.isEmpty() && list.iterator().next() instanceof Number;
        return connection.createArrayOf(numbers ? "BIGINT" : "VARCHAR", list.toArray());
    }
}
