package org.carehub.failures;

import io.hawt.springboot.HawtioPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the Failure desk page into the Hawtio console. The page is a Hawtio plugin built from
 * console/failure-desk and shipped ready-built in static/failure-desk/ (so the hub builds without Node);
 * Hawtio reads this bean at /actuator/hawtio/plugin and loads /failure-desk/remoteEntry.js.
 */
@Configuration(proxyBeanMethods = false)
public class FailureDeskConsole {

    /** Where Spring Boot serves the built plugin from (classpath static/failure-desk/). */
    public static final String BUNDLE_URL = "/failure-desk";
    /** The webpack ModuleFederationPlugin name and its exposed module (console/failure-desk/webpack.config.cjs). */
    public static final String SCOPE = "failureDesk";
    public static final String MODULE = "./plugin";

    @Bean
    HawtioPlugin failureDeskPlugin() {
        return new HawtioPlugin(SCOPE, MODULE, BUNDLE_URL);
    }
}
