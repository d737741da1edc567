package org.carehub.reference;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the NHS co-funding mappings: nhs-bodies.csv (the ICBs claims go to) and funding-schemes.yaml (who pays
 * what share of which services). Shares are percentages above 0 and at most 100; services must be in services.csv.
 */
final class CoFunding {

    static final String BODIES_FILE = "nhs-bodies.csv";
    static final String SCHEMES_FILE = "funding-schemes.yaml";
    /** The share value meaning "as recorded on each care line". */
    static final String SHARE_ON_CARE_LINE = "care line";
    /** The services value meaning "every service". */
    static final String ALL_SERVICES = "all";

    private static final List<String> SCHEME_KEYS = List.of("code", "name", "share", "services");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CoFunding() {
    }

    static List<NhsBody> bodies(CsvMappingReader csv) {
        Map<String, NhsBody> bodies = new LinkedHashMap<>();
        UniqueKeys codes = new UniqueKeys("NHS body code");
        for (MappingRow row : csv.read(BODIES_FILE, List.of("code", "name", "address", "claims_mailbox"))) {
            NhsBody body = new NhsBody(row.required("code"), row.required("name"), row.required("address"),
                    row.required("claims_mailbox"));
            if (body.claimsMailbox() != null && !body.claimsMailbox().matches("[^@\\s]+@[^@\\s]+")) {
                row.problem("claims_mailbox", "'" + body.claimsMailbox() + "' is not a mail address");
            }
            if (row.isValid() && codes.add(body.code(), row, "code")) {
                bodies.put(body.code(), body);
            }
        }
        return List.copyOf(bodies.values());
    }

    static List<FundingScheme> schemes(YamlMappingFile yaml, ServiceCatalogue catalogue, MappingProblems problems) {
        Map<String, FundingScheme> schemes = new LinkedHashMap<>();
        for (Node node : yaml.entries("funding schemes").orElse(List.of())) {
            int before = problems.count();
            Map<String, ScalarNode> values = yaml.values(node, SCHEME_KEYS, "scheme");
            if (values == null) {
                continue;
            }
            String code = yaml.text(values, "code");
            if (code != null && schemes.containsKey(code)) {
                yaml.problem(values.get("code"), "code", "duplicate scheme code '" + code + "'");
            }
            String name = yaml.text(values, "name");
            BigDecimal share = share(yaml, values);
            Set<String> services = services(yaml, values, catalogue);
            if (problems.count() == before) {
                schemes.put(code, new FundingScheme(code, name, share, services));
            }
        }
        return List.copyOf(schemes.values());
    }

    /** A percentage above 0 and at most 100, or null for "care line" (also null when reported). */
    private static BigDecimal share(YamlMappingFile yaml, Map<String, ScalarNode> values) {
        String share = yaml.text(values, "share");
        if (share == null || share.equals(SHARE_ON_CARE_LINE)) {
            return null;
        }
        if (!share.matches("\\d{1,3}(\\.\\d{1,4})?")
                || new BigDecimal(share).signum() <= 0 || new BigDecimal(share).compareTo(HUNDRED) > 0) {
            yaml.problem(values.get("share"), "share", "'" + share + "' must be a percentage above 0 and at most 100"
                    + " (like 50 or 37.5), or '" + SHARE_ON_CARE_LINE + "' when each care line records its share");
            return null;
        }
        return new BigDecimal(share);
    }

    /** Service codes separated by ';', each in services.csv, or "all" (empty set). */
    private static Set<String> services(YamlMappingFile yaml, Map<String, ScalarNode> values, ServiceCatalogue catalogue) {
        String services = yaml.text(values, "services");
        Set<String> codes = new LinkedHashSet<>();
        if (services == null || services.equals(ALL_SERVICES)) {
            return codes;
        }
        for (String code : Arrays.stream(services.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!catalogue.knows(code)) {
                yaml.problem(values.get("services"), "services", "unknown service '" + code + "'; it is not in "
                        + ServiceCatalogue.SERVICES_FILE + " (write '" + ALL_SERVICES + "' for every service)");
            }
            codes.add(code);
        }
        return Set.copyOf(codes);
    }
}
