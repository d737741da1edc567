package org.carehub.reference;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The reference data the hub uses: the mappings folder ({@code carehub.mappings-dir}) loaded at
 * start-up (invalid mappings stop start-up) and reloaded when its files change. A reload that fails
 * validation is logged and the previous snapshot stays in force; a good one replaces it in one step
 * and publishes {@link MappingsReloaded}.
 */
@Component
public class ReferenceDataHolder implements ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataHolder.class);

    private final MappingsLoader loader;
    private final ApplicationEventPublisher events;
    private volatile MappingsSnapshot current;
    private volatile String lastLoadError;
    private MappingsFolderState lastSeen;

    public ReferenceDataHolder(@Value("${carehub.mappings-dir}") Path mappingsDir, ApplicationEventPublisher events) {
        this.loader = new MappingsLoader(mappingsDir);
        this.events = events;
        this.lastSeen = MappingsFolderState.of(mappingsDir);
        this.current = loader.load();
        log.info("Mappings loaded from {}: {} providers, {} failure reasons",
                mappingsDir.toAbsolutePath().normalize(), current.providers().size(), current.reasons().size());
    }

    /**
     * Reloads if a file in the folder was edited, added or removed since the last look.
     *
     * @return whether new mappings are now in force
     */
    public synchronized boolean reloadIfChanged() {
        // Looked at before reading, so an edit made during the load is seen on the next look.
        MappingsFolderState now = MappingsFolderState.of(loader.dir());
        if (now.equals(lastSeen)) {
            return false;
        }
        lastSeen = now;
        try {
            current = loader.load();
        } catch (MappingsException e) {
            lastLoadError = e.getMessage();
            log.error("Mappings changed but were not reloaded; still using those loaded at {}. {}", current.loadedAt(), e.getMessage());
            return false;
        }
        lastLoadError = null;
        log.info("Mappings reloaded from {}", loader.dir().toAbsolutePath().normalize());
        events.publishEvent(new MappingsReloaded(current));
        return true;
    }

    /** The mappings in force, for a caller that needs several answers from one consistent load. */
    public MappingsSnapshot snapshot() {
        return current;
    }

    /** When the mappings in force were loaded. */
    public Instant loadedAt() {
        return current.loadedAt();
    }

    /** Why the last reload was refused, until a reload succeeds. */
    public Optional<String> lastLoadError() {
        return Optional.ofNullable(lastLoadError);
    }

    @Override
    public Optional<Provider> provider(String providerRef) {
        return current.provider(providerRef);
    }

    @Override
    public List<Provider> providers() {
        return current.providers();
    }

    @Override
    public Optional<ProviderContract> contract(String providerRef, String serviceCode, LocalDate on) {
        return current.contract(providerRef, serviceCode, on);
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode) {
        return current.service(serviceCode);
    }

    @Override
    public List<ServiceDefinition> services() {
        return current.services();
    }

    @Override
    public List<ProviderContract> contracts() {
        return current.contracts();
    }

    @Override
    public List<RateCardEntry> rateCard() {
        return current.rateCard();
    }

    @Override
    public List<ServiceElement> elements(String serviceCode) {
        return current.elements(serviceCode);
    }

    @Override
    public Optional<ServiceElement> element(String serviceCode, String elementCode) {
        return current.element(serviceCode, elementCode);
    }

    @Override
    public Optional<RateCardEntry> rate(String serviceCode, String elementCode, LocalDate on) {
        return current.rate(serviceCode, elementCode, on);
    }

    @Override
    public Optional<FinanceCode> financeCode(String serviceCode, String elementCode) {
        return current.financeCode(serviceCode, elementCode);
    }

    @Override
    public FailureReason reason(String reasonCode) {
        return current.reason(reasonCode);
    }

    @Override
    public List<FailureReason> reasons() {
        return current.reasons();
    }

    @Override
    public Optional<OwnerTeam> ownerTeam(String teamCode) {
        return current.ownerTeam(teamCode);
    }

    @Override
    public List<OwnerTeam> ownerTeams() {
        return current.ownerTeams();
    }

    @Override
    public Optional<SftpAccount> sftpAccount(String username) {
        return current.sftpAccount(username);
    }

    @Override
    public List<SftpAccount> sftpAccounts() {
        return current.sftpAccounts();
    }

    @Override
    public Optional<NhsBody> nhsBody(String code) {
        return current.nhsBody(code);
    }

    @Override
    public List<NhsBody> nhsBodies() {
        return current.nhsBodies();
    }

    @Override
    public Optional<FundingScheme> fundingScheme(String code) {
        return current.fundingScheme(code);
    }

    @Override
    public List<FundingScheme> fundingSchemes() {
        return current.fundingSchemes();
    }

    @Override
    public Optional<FinanceCode> financeCodeOfElementType(String contrOCCElementType) {
        return current.financeCodeOfElementType(contrOCCElementType);
    }
}
