package org.carehub.reference;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the council's reference data from the mappings folder into one {@link MappingsSnapshot},
 * checking every file and every reference between them. All problems of a load are collected and
 * thrown together as a {@link MappingsException}; nothing partial is ever returned.
 */
public class MappingsLoader {

    static final String OWNER_TEAMS_FILE = "owner-teams.csv";

    private final Path dir;

    public MappingsLoader(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Reads and checks every mapping file; files are read in the order their references need. */
    public MappingsSnapshot load() {
        MappingProblems problems = new MappingProblems();
        CsvMappingReader csv = new CsvMappingReader(dir, problems);
        Instant loadedAt = Instant.now();
        List<OwnerTeam> teams = ownerTeams(csv);
        ServiceCatalogue catalogue = ServiceCatalogue.read(csv);
        ProviderDirectory providers = ProviderDirectory.read(csv, catalogue);
        List<SftpAccount> sftpAccounts = SftpAccounts.read(csv, providers);
        List<RateCardEntry> rates = RateCard.read(csv, catalogue);
        List<FinanceCode> financeCodes = FinanceCodes.read(csv, catalogue);
        List<NhsBody> nhsBodies = CoFunding.bodies(csv);
        List<FundingScheme> fundingSchemes = CoFunding.schemes(new YamlMappingFile(dir, CoFunding.SCHEMES_FILE, problems),
                catalogue, problems);
        FailureReasonCatalogueReader reasonReader = new FailureReasonCatalogueReader(dir, problems);
        Set<String> teamCodes = teams.stream().map(OwnerTeam::code).collect(Collectors.toSet());
        List<FailureReason> reasons = reasonReader.read(csv.wasRead(OWNER_TEAMS_FILE) ? teamCodes::contains : team -> true);
        reasonReader.reportMissingHubReasons();
        if (!problems.isEmpty()) {
            throw new MappingsException(dir, problems.list());
        }
        return new MappingsSnapshot(loadedAt, teams, providers.providers(), providers.contracts(), catalogue.services(),
                catalogue.elements(), rates, financeCodes, reasons, sftpAccounts, nhsBodies, fundingSchemes);
    }

    private static List<OwnerTeam> ownerTeams(CsvMappingReader csv) {
        Map<String, OwnerTeam> teams = new LinkedHashMap<>();
        UniqueKeys codes = new UniqueKeys("team code");
        for (MappingRow row : csv.read(OWNER_TEAMS_FILE, List.of("code", "name", "mailbox"))) {
            OwnerTeam team = new OwnerTeam(row.required("code"), row.required("name"), row.required("mailbox"));
            if (team.code() != null && codes.add(team.code(), row, "code")) {
                teams.put(team.code(), team);
            }
        }
        return List.copyOf(teams.values());
    }
}
