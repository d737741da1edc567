package org.carehub.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads providers.csv and provider-contracts.csv. An invoice sender address may belong to one provider
 * only, or the hub could not tell whose invoice it received.
 */
final class ProviderDirectory {

    static final String PROVIDERS_FILE = "providers.csv";
    static final String CONTRACTS_FILE = "provider-contracts.csv";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final List<ProviderContract> contracts = new ArrayList<>();

    static ProviderDirectory read(CsvMappingReader csv, ServiceCatalogue catalogue) {
        ProviderDirectory directory = new ProviderDirectory();
        directory.readProviders(csv);
        directory.readContracts(csv, catalogue, csv.wasRead(PROVIDERS_FILE));
        return directory;
    }

    private void readProviders(CsvMappingReader csv) {
        UniqueKeys refs = new UniqueKeys("provider_ref");
        Map<String, String> senderOwners = new HashMap<>();
        for (MappingRow row : csv.read(PROVIDERS_FILE, List.of("provider_ref", "name", "invoice_senders"))) {
            String ref = row.required("provider_ref");
            String name = row.required("name");
            List<String> senders = row.list("invoice_senders");
            for (String sender : senders) {
                String earlier = senderOwners.putIfAbsent(sender.toLowerCase(Locale.ROOT), ref);
                if (!EMAIL.matcher(sender).matches()) {
                    row.problem("invoice_senders", "'" + sender + "' is not an email address");
                } else if (earlier != null) {
                    row.problem("invoice_senders", "'" + sender + "' is already an invoice sender of " + earlier);
                }
            }
            // Listed even with a bad cell, so its contracts are not reported as well.
            if (ref != null && refs.add(ref, row, "provider_ref")) {
                providers.put(ref, new Provider(ref, name, senders));
            }
        }
    }

    private void readContracts(CsvMappingReader csv, ServiceCatalogue catalogue, boolean providersRead) {
        UniqueKeys keys = new UniqueKeys("contract_ref and service_code");
        OverlapCheck overlaps = new OverlapCheck();
        for (MappingRow row : csv.read(CONTRACTS_FILE,
                List.of("provider_ref", "contract_ref", "service_code", "valid_from", "valid_to"))) {
            String provider = row.required("provider_ref");
            if (provider != null && providersRead && !providers.containsKey(provider)) {
                row.problem("provider_ref", "unknown provider '" + provider + "'; it is not in " + PROVIDERS_FILE);
            }
            String contract = row.required("contract_ref");
            String service = catalogue.knownService(row);
            ValidityPeriod period = row.period("valid_from", "valid_to");
            if (row.isValid() && keys.add(contract + " " + service, row, "contract_ref")) {
                overlaps.add(provider + " " + service, period, row, "valid_from");
                contracts.add(new ProviderContract(provider, contract, service, period.from(), period.to()));
            }
        }
    }

    /** Whether providers.csv lists the provider. */
    boolean knows(String providerRef) {
        return providers.containsKey(providerRef);
    }

    List<Provider> providers() {
        return List.copyOf(providers.values());
    }

    List<ProviderContract> contracts() {
        return List.copyOf(contracts);
    }
}
