package org.carehub.simulators.contrOCC;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Creates the simulator's {@code sim_contrOCC_*} tables with a Flyway instance of its own (own
 * locations, own history table), so the hub's migrations and history are untouched.
 */
@Component
@ConditionalOnContrOCCSimulator
public class ContrOCCSimulatorSchema {

    static final String LOCATION = "classpath:db/simulators/contrOCC";
    static final String HISTORY_TABLE = "sim_contrOCC_flyway_history";

    /**
     * @param hubMigrations asked for only so the hub's own Flyway runs first: on an empty database it
     *                      refuses a schema that already holds tables it did not create
     */
    public ContrOCCSimulatorSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> hubMigrations) {
        hubMigrations.ifAvailable(initializer -> { });
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The schema already holds the hub's tables: start our own history from version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
