package org.carehub.simulators.contrOCC;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The simulator's beans exist only when {@code carehub.simulators.contrOCC.enabled} is true (the
 * default): the hub's component scan covers this package, and a production hub talks to the real ContrOCC.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@ConditionalOnProperty(prefix = ContrOCCSimulatorProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnContrOCCSimulator {
}
