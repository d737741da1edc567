package org.carehub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases the hub supports, each freshly migrated by the hub's own Flyway scripts: an H2
 * file (the default run) and the machine's PostgreSQL (production; in CI {@code .ci/run} starts it).
 * Outside CI a missing PostgreSQL skips its half with a message saying so; in CI it is a failure.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getProperty("carehub.test.postgres-url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private TestDatabases() {
    }

    /** A database under test, named for the test report. */
    public record Database(String name, DataSource dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Both databases, each new: {@code @MethodSource("org.carehub.TestDatabases#both")} in a parameterised test. */
    public static Stream<Database> both() {
        return Stream.of(h2(), postgres());
    }

    /** A new H2 file database under target/. */
    public static Database h2() {
        Path file = Path.of("target", "test-databases", "h2-" + UUID.randomUUID()).toAbsolutePath();
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        migrate(ds, null);
        return new Database("H2", ds);
    }

    /** A fresh schema in the machine's PostgreSQL, so runs never see each other's rows. */
    public static Database postgres() {
        String schema = "carehub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (ci) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is required in CI: " + unreachable.getMessage(),
                        unreachable);
            }
            Assumptions.abort("PostgreSQL at " + POSTGRES_URL + " is not reachable (" + unreachable.getMessage()
                    + "); start it with .ci/run's command to run the PostgreSQL half of this test");
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
        migrate(ds, schema);
        return new Database("PostgreSQL", ds);
    }

    private static void migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema);
        }
        config.load().migrate();
    }
}
