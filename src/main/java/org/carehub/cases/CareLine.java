package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A care line (CPLI, Client Purchase Line Item): a package of care commissioned from a provider
 * for a client. A package may have several priced elements, e.g. supported living day support
 * plus a sleep-in night.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareLine(
        @NotBlank @Size(max = 32) String cpliId,
        @NotBlank @Size(max = 32) String clientId,
        @NotBlank @Size(max = 32) String serviceCode,
        @NotBlank @Size(max = 32) String providerRef,
        @Size(max = 32) String contractRef,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @Size(max = 100) String endReason,
        @NotEmpty @Valid List<CareLineElement> elements,
        @Valid NhsFundingShare nhsFunding) {
}
