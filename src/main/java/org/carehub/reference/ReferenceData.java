package org.carehub.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The council's reference data from {@code mappings/}, as one consistent snapshot. Lookups never
 * return partial data: a reload that fails validation leaves the previous snapshot in place.
 */
public interface ReferenceData {

    Optional<Provider> provider(String providerRef);

    List<Provider> providers();

    /** The provider's contract for this service in force on the date, if any. */
    Optional<ProviderContract> contract(String providerRef, String serviceCode, LocalDate on);

    Optional<ServiceDefinition> service(String serviceCode);

    List<ServiceDefinition> services();

    /** Every contract of every provider, current or not. */
    List<ProviderContract> contracts();

    /** The whole locked rate card, every period. */
    List<RateCardEntry> rateCard();

    List<ServiceElement> elements(String serviceCode);

    Optional<ServiceElement> element(String serviceCode, String elementCode);

    /** The locked rate card entry in force on the date. */
    Optional<RateCardEntry> rate(String serviceCode, String elementCode, LocalDate on);

    Optional<FinanceCode> financeCode(String serviceCode, String elementCode);

    /** The reason catalogue entry; an unknown code is a programming error and throws. */
    FailureReason reason(String reasonCode);

    List<FailureReason> reasons();

    Optional<OwnerTeam> ownerTeam(String teamCode);

    List<OwnerTeam> ownerTeams();

    /** The provider SFTP account signing in with this username. */
    Optional<SftpAccount> sftpAccount(String username);

    List<SftpAccount> sftpAccounts();

    /** The NHS body (ICB) with this code, from nhs-bodies.csv. */
    Optional<NhsBody> nhsBody(String code);

    List<NhsBody> nhsBodies();

    /** The NHS funding scheme with this code, from funding-schemes.yaml. */
    Optional<FundingScheme> fundingScheme(String code);

    List<FundingScheme> fundingSchemes();

    /** The service element a ContrOCC element type codes (finance-codes.csv read backwards). */
    Optional<FinanceCode> financeCodeOfElementType(String contrOCCElementType);
}
