package org.carehub.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One consistent, immutable load of the mappings folder, checked as a whole before it is used.
 * Built by {@link MappingsLoader}; the hub reads it through {@link ReferenceDataHolder}.
 */
public final class MappingsSnapshot implements ReferenceData {

    private final Instant loadedAt;
    private final Map<String, OwnerTeam> ownerTeams;
    private final Map<String, Provider> providers;
    private final Map<String, List<ProviderContract>> contracts;
    private final Map<String, ServiceDefinition> services;
    private final Map<String, ServiceElement> elements;
    private final Map<String, List<RateCardEntry>> rates;
    private final Map<String, FinanceCode> financeCodes;
    private final Map<String, FailureReason> reasons;
    private final Map<String, SftpAccount> sftpAccounts;
    private final Map<String, NhsBody> nhsBodies;
    private final Map<String, FundingScheme> fundingSchemes;

    MappingsSnapshot(Instant loadedAt, List<OwnerTeam> ownerTeams, List<Provider> providers, List<ProviderContract> contracts,
                     List<ServiceDefinition> services, List<ServiceElement> elements, List<RateCardEntry> rates,
                     List<FinanceCode> financeCodes, List<FailureReason> reasons, List<SftpAccount> sftpAccounts,
                     List<NhsBody> nhsBodies, List<FundingScheme> fundingSchemes) {
        this.loadedAt = loadedAt;
        this.ownerTeams = index(ownerTeams, OwnerTeam::code);
        this.providers = index(providers, Provider::ref);
        this.contracts = group(contracts, c -> key(c.providerRef(), c.serviceCode()));
        this.services = index(services, ServiceDefinition::serviceCode);
        this.elements = index(elements, e -> key(e.serviceCode(), e.elementCode()));
        this.rates = group(rates, r -> key(r.serviceCode(), r.elementCode()));
        this.financeCodes = index(financeCodes, f -> key(f.serviceCode(), f.elementCode()));
        this.reasons = index(reasons, FailureReason::code);
        this.sftpAccounts = index(sftpAccounts, SftpAccount::username);
        this.nhsBodies = index(nhsBodies, NhsBody::code);
        this.fundingSchemes = index(fundingSchemes, FundingScheme::code);
    }

    /** When these mappings were read from the folder. */
    public Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public Optional<Provider> provider(String providerRef) {
        return Optional.ofNullable(providers.get(providerRef));
    }

    @Override
    public List<Provider> providers() {
        return List.copyOf(providers.values());
    }

    @Override
    public Optional<ProviderContract> contract(String providerRef, String serviceCode, LocalDate on) {
        return contracts.getOrDefault(key(providerRef, serviceCode), List.of()).stream()
                .filter(contract -> contract.coversDate(on)).findFirst();
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode) {
        return Optional.ofNullable(services.get(serviceCode));
    }

    @Override
    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    @Override
    public List<ProviderContract> contracts() {
        return contracts.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public List<RateCardEntry> rateCard() {
        return rates.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public List<ServiceElement> elements(String serviceCode) {
        return elements.values().stream().filter(e -> e.serviceCode().equals(serviceCode)).toList();
    }

    @Override
    public Optional<ServiceElement> element(String serviceCode, String elementCode) {
        return Optional.ofNullable(elements.get(key(serviceCode, elementCode)));
    }

    @Override
    public Optional<RateCardEntry> rate(String serviceCode, String elementCode, LocalDate on) {
        return rates.getOrDefault(key(serviceCode, elementCode), List.of()).stream()
                .filter(entry -> entry.coversDate(on)).findFirst();
    }

    @Override
    public Optional<FinanceCode> financeCode(String serviceCode, String elementCode) {
        return Optional.ofNullable(financeCodes.get(key(serviceCode, elementCode)));
    }

    @Override
    public FailureReason reason(String reasonCode) {
        FailureReason reason = reasons.get(reasonCode);
        if (reason == null) {
            throw new IllegalArgumentException("No failure reason '" + reasonCode + "' in "
                    + FailureReasonCatalogueReader.FILE + "; the hub must only raise catalogued codes");
        }
        return reason;
    }

    @Override
    public List<FailureReason> reasons() {
        return List.copyOf(reasons.values());
    }

    @Override
    public Optional<OwnerTeam> ownerTeam(String teamCode) {
        return Optional.ofNullable(ownerTeams.get(teamCode));
    }

    @Override
    public List<OwnerTeam> ownerTeams() {
        return List.copyOf(ownerTeams.values());
    }

    @Override
    public Optional<SftpAccount> sftpAccount(String username) {
        return Optional.ofNullable(sftpAccounts.get(username));
    }

    @Override
    public List<SftpAccount> sftpAccounts() {
        return List.copyOf(sftpAccounts.values());
    }

    @Override
    public Optional<NhsBody> nhsBody(String code) {
        return Optional.ofNullable(nhsBodies.get(code));
    }

    @Override
    public List<NhsBody> nhsBodies() {
        return List.copyOf(nhsBodies.values());
    }

    @Override
    public Optional<FundingScheme> fundingScheme(String code) {
        return Optional.ofNullable(fundingSchemes.get(code));
    }

    @Override
    public List<FundingScheme> fundingSchemes() {
        return List.copyOf(fundingSchemes.values());
    }

    @Override
    public Optional<FinanceCode> financeCodeOfElementType(String contrOCCElementType) {
        return financeCodes.values().stream().filter(code -> code.contrOCCElementType().equals(contrOCCElementType)).findFirst();
    }

    private static String key(String first, String second) {
        return first + "/" + second;
    }

    private static <T> Map<String, T> index(Collection<T> values, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        values.forEach(value -> index.put(key.apply(value), value));
        return Collections.unmodifiableMap(index);
    }

    private static <T> Map<String, List<T>> group(Collection<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.collectingAndThen(
                Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toUnmodifiableList()),
                Collections::unmodifiableMap));
    }
}
