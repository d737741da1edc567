package org.carehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The integration hub between LAS, ContrOCC, accounts payable, NHS bodies and providers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CarehubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarehubApplication.class, args);
    }
}
