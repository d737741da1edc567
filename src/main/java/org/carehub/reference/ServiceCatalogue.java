package org.carehub.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads services.csv and service-elements.csv: the services LAS commissions and the priced elements
 * of each. Every element must belong to a listed service, and every required element must be listed.
 */
final class ServiceCatalogue {

    static final String SERVICES_FILE = "services.csv";
    static final String ELEMENTS_FILE = "service-elements.csv";

    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    private final Map<String, ServiceElement> elements = new LinkedHashMap<>();
    private boolean servicesRead;
    private boolean elementsRead;

    static ServiceCatalogue read(CsvMappingReader csv) {
        ServiceCatalogue catalogue = new ServiceCatalogue();
        Map<String, MappingRow> serviceRows = catalogue.readServices(csv);
        catalogue.servicesRead = csv.wasRead(SERVICES_FILE);
        catalogue.readElements(csv);
        catalogue.elementsRead = csv.wasRead(ELEMENTS_FILE);
        serviceRows.forEach((code, row) -> {
            for (String required : catalogue.services.get(code).requiredElements()) {
                if (catalogue.elementsRead && catalogue.element(code, required) == null) {
                    row.problem("required_elements", "'" + required + "' is not an element of " + code + " in " + ELEMENTS_FILE);
                }
            }
        });
        return catalogue;
    }

    private Map<String, MappingRow> readServices(CsvMappingReader csv) {
        Map<String, MappingRow> rows = new LinkedHashMap<>();
        UniqueKeys keys = new UniqueKeys("service_code");
        for (MappingRow row : csv.read(SERVICES_FILE, List.of("service_code", "name", "chargeable", "required_elements"))) {
            String code = row.required("service_code");
            String name = row.required("name");
            Boolean chargeable = row.flag("chargeable");
            List<String> required = row.list("required_elements");
            // Listed even with a bad cell, so rows naming it in other files are not reported as well;
            // such a load fails, so the stand-in for a bad flag is never used.
            if (code != null && keys.add(code, row, "service_code")) {
                services.put(code, new ServiceDefinition(code, name, Boolean.TRUE.equals(chargeable), required));
                rows.put(code, row);
            }
        }
        return rows;
    }

    private void readElements(CsvMappingReader csv) {
        UniqueKeys keys = new UniqueKeys("element");
        for (MappingRow row : csv.read(ELEMENTS_FILE,
                List.of("service_code", "element_code", "name", "unit", "max_units_per_week"))) {
            String service = knownService(row);
            String code = row.required("element_code");
            ServiceElement element = new ServiceElement(service, code, row.required("name"), row.required("unit"),
                    row.units("max_units_per_week"));
            if (service != null && code != null && keys.add(service + "/" + code, row, "element_code")) {
                elements.put(service + "/" + code, element);
            }
        }
    }

    /** The row's service_code, reported when it is not in services.csv. */
    String knownService(MappingRow row) {
        String service = row.required("service_code");
        if (service != null && servicesRead && !services.containsKey(service)) {
            row.problem("service_code", "unknown service '" + service + "'; it is not in " + SERVICES_FILE);
        }
        return service;
    }

    /** Whether the service is in services.csv (true when that file could not be read, which is reported already). */
    boolean knows(String service) {
        return !servicesRead || services.containsKey(service);
    }

    /** The element named by the row's service_code and element_code, reported when it is not listed. */
    ServiceElement knownElement(MappingRow row) {
        String service = knownService(row);
        String code = row.required("element_code");
        ServiceElement element = element(service, code);
        if (element == null && code != null && elementsRead && services.containsKey(service)) {
            row.problem("element_code", "'" + code + "' is not an element of " + service + " in " + ELEMENTS_FILE);
        }
        return element;
    }

    ServiceElement element(String service, String code) {
        return elements.get(service + "/" + code);
    }

    List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    List<ServiceElement> elements() {
        return List.copyOf(elements.values());
    }
}
