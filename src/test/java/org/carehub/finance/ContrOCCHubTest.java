package org.carehub.finance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carehub.CarehubApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole hub on a random port with the ContrOCC simulator inside it, a fresh in-memory database
 * and the shipped mappings. One shared set of properties, so every ContrOCC test class reuses
 * the same cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CarehubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carehub.data-dir=target/contrOCC-tests",
        "spring.datasource.url=jdbc:h2:mem:contrOCC-tests;DB_CLOSE_DELAY=-1",
        // The adapter and simulator are tested on their own: the flows' routes are not loaded.
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml",
        "carehub.simulators.las.enabled=false",
        // No digests or SFTP here; the embedded servers' fixed ports would clash with other hubs in the test JVM.
        "carehub.mail.embedded.enabled=false",
        "carehub.sftp.enabled=false",
        // Its own broker and MBean names, beside the other test hubs in the JVM.
        "carehub.hub-name=contrOCC-tests"})
public @interface ContrOCCHubTest {
}
