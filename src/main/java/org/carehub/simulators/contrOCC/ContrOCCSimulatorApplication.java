package org.carehub.simulators.contrOCC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ContrOCC simulator as a process of its own (see docs/contrOCC-simulator.md): its own port and
 * its own H2 file under {@code carehub.data-dir}, without the hub's routes, broker or migrations.
 * Scans only this package; inside the hub, whose scan also finds this class, it stays inert.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@ConditionalOnProperty(name = ContrOCCSimulatorApplication.STANDALONE, havingValue = "true")
public class ContrOCCSimulatorApplication {

    static final String STANDALONE = ContrOCCSimulatorProperties.PREFIX + ".standalone";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The standalone simulator's settings; command-line arguments override any of them. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ContrOCCSimulatorApplication.class).properties(
                STANDALONE + "=true",
                // Not the hub's config/application.yaml: that names the hub's database, broker and routes.
                "spring.config.name=contrOCC-simulator",
                "spring.application.name=contrOCC-simulator",
                "server.port=8091",
                "carehub.data-dir=./data",
                "spring.datasource.url=jdbc:h2:file:${carehub.data-dir}/db/contrOCC-simulator;DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username=sa",
                // Only the simulator's own Flyway (ContrOCCSimulatorSchema) runs, never the hub's migrations.
                "spring.flyway.enabled=false",
                "spring.autoconfigure.exclude=org.apache.camel.spring.boot.CamelAutoConfiguration,"
                        // camel-mdc's starter needs the CamelContext excluded above.
                        + "org.apache.camel.mdc.starter.MDCAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration,"
                        // Stands in for ContrOCC's own service, which the hub's sign-in does not cover.
                        + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
                        + "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration");
    }
}
