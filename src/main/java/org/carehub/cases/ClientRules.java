package org.carehub.cases;

import java.util.Map;
import org.carehub.failures.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/** The council's rules for a client before finance may hold them. Each failure names its field. */
@Component
public class ClientRules {

    /** Checks a client as LAS sent it: NHS number checksum and what finance needs to bill them. */
    public void check(Client client) {
        if (client.nhsNumber() != null && !client.nhsNumber().isBlank() && !NhsNumber.isValid(client.nhsNumber())) {
            throw new BusinessRuleViolation("INVALID_NHS_NUMBER", "client.nhsNumber", client.nhsNumber());
        }
        requirePresent(client.surname(), "client.surname");
        requirePresent(client.forename(), "client.forename");
        if (client.dateOfBirth() == null) {
            throw incomplete("client.dateOfBirth");
        }
        if (client.address() == null) {
            throw incomplete("client.address");
        }
        requirePresent(client.address().line1(), "client.address.line1");
        requirePresent(client.address().postcode(), "client.address.postcode");
    }

    /** Refuses a version that is not newer than the one already applied (LAS resent an older change). */
    public static void requireNewer(String subject, int version, int latestApplied) {
        if (version <= latestApplied) {
            throw new BusinessRuleViolation("OUT_OF_ORDER_VERSION", "version", version,
                    Map.of("subject", subject, "version", version, "latestVersion", latestApplied));
        }
    }

    private static void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            throw incomplete(field);
        }
    }

    private static BusinessRuleViolation incomplete(String field) {
        return new BusinessRuleViolation("CLIENT_INCOMPLETE_FOR_FINANCE", field, "");
    }
}
