package org.carehub.simulators.contrOCC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carehub.simulators.contrOCC.ContrOCCForms.client;
import static org.carehub.simulators.contrOCC.ContrOCCForms.unique;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.contrOCC.ContrOCCImport;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The simulator as a process of its own: own port, own H2 file, none of the hub's parts. */
class ContrOCCSimulatorApplicationTest {

    @TempDir
    Path dataDir;

    @Test
    void runsOnItsOwnPortAndDatabaseWithoutTheHubAndAnswersFindClient() {
        String person = unique("P");
        try (ConfigurableApplicationContext simulator = start()) {
            ContrOCCImport contrOCC = soapClient(simulator);
            assertThat(contrOCC.findClient(person)).isNull();
            ImportResult created = contrOCC.importClient(unique("ref"), client(person));

            assertThat(contrOCC.findClient(person).getFinanceId()).isEqualTo(created.getFinanceId());
            assertThat(dataDir.resolve("db/contrOCC-simulator.mv.db")).exists();
            assertThat(simulator.getBeanNamesForType(CamelContext.class)).as("no Camel routes").isEmpty();
            assertThat(simulator.getBeanNamesForType(ConnectionFactory.class)).as("no broker").isEmpty();
            assertThat(simulator.getBeanNamesForType(ContrOCCAdapter.class)).as("no hub beans").isEmpty();
            assertThat(simulator.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'JOURNEY'", Integer.class))
                    .as("the hub's migrations did not run").isZero();
        }
    }

    @Test
    void remembersImportsAcrossARestart() {
        String person = unique("P");
        String reference = unique("ref");
        try (ConfigurableApplicationContext simulator = start()) {
            soapClient(simulator).importClient(reference, client(person));
        }
        try (ConfigurableApplicationContext restarted = start()) {
            ImportResult again = soapClient(restarted).importClient(reference, client(person));

            assertThat(again.isDuplicate()).isTrue();
            assertThat(again.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        }
    }

    @Test
    void switchedOffByPropertyPublishesNoSimulator() {
        try (ConfigurableApplicationContext app = ContrOCCSimulatorApplication.builder()
                .run("--server.port=0", "--carehub.data-dir=" + dataDir, "--carehub.simulators.contrOCC.enabled=false")) {
            assertThat(app.getBeanNamesForType(ContrOCCSimulator.class)).isEmpty();
            assertThat(app.getBeanNamesForType(ContrOCCSimulatorController.class)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start() {
        return ContrOCCSimulatorApplication.builder().run("--server.port=0", "--carehub.data-dir=" + dataDir);
    }

    private static ContrOCCImport soapClient(ConfigurableApplicationContext simulator) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(ContrOCCImport.class);
        factory.setAddress("http://127.0.0.1:" + simulator.getEnvironment().getProperty("local.server.port")
                + "/services/contrOCC-sim");
        return (ContrOCCImport) factory.create();
    }
}
