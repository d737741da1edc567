package org.carehub.finance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carehub.cases.Address;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.NhsFundingShare;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.contrOCC.NhsFunding;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.carehub.reference.FinanceCode;
import org.carehub.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Turns the hub's clients and care lines into ContrOCC's import form, coding each care line element
 * with the element type, ledger code and cost centre from the finance code mappings.
 */
@Component
public class ContrOCCTransform {

    private final ReferenceData referenceData;

    public ContrOCCTransform(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** The client as ContrOCC imports it; address lines are the LAS lines and town, blanks left out. */
    public org.carehub.finance.contrOCC.Client client(org.carehub.cases.Client client) {
        org.carehub.finance.contrOCC.Client form = new org.carehub.finance.contrOCC.Client();
        form.setPersonRef(client.lasPersonId());
        form.setNhsNumber(client.nhsNumber());
        form.setTitle(client.title());
        form.setForename(client.forename());
        form.setSurname(client.surname());
        form.setDateOfBirth(client.dateOfBirth());
        Address address = client.address();
        if (address != null) {
            List.of(Objects.toString(address.line1(), ""), Objects.toString(address.line2(), ""), Objects.toString(address.town(), ""))
                    .stream().filter(line -> !line.isBlank()).forEach(form.getAddressLines()::add);
            form.setPostcode(address.postcode());
        }
        form.setChargeable(client.chargeable());
        form.setDateOfDeath(client.dateOfDeath());
        return form;
    }

    /**
     * The care line as a ContrOCC service line.
     *
     * @throws BusinessRuleViolation NO_FINANCE_MAPPING when an element has no finance code (validation
     *                               normally parks such a line before it gets here)
     */
    public ServiceLine serviceLine(CareLine line, int cpliVersion) {
        ServiceLine form = new ServiceLine();
        form.setPersonRef(line.clientId());
        form.setCpliId(line.cpliId());
        form.setCpliVersion(cpliVersion);
        form.setProviderRef(line.providerRef());
        form.setContractRef(line.contractRef());
        form.setStartDate(line.startDate());
        form.setEndDate(line.endDate());
        form.setEndReason(line.endReason());
        for (int i = 0; i < line.elements().size(); i++) {
            form.getElements().add(element(line.serviceCode(), line.elements().get(i), i));
        }
        NhsFundingShare nhs = line.nhsFunding();
        if (nhs != null) {
            NhsFunding funding = new NhsFunding();
            funding.setScheme(nhs.scheme());
            funding.setBody(nhs.nhsBody());
            funding.setSharePercent(nhs.sharePercent());
            form.setNhsFunding(funding);
        }
        return form;
    }

    private ServiceLineElement element(String serviceCode, CareLineElement element, int index) {
        String elementCode = element.elementCode();
        FinanceCode code = referenceData.financeCode(serviceCode, elementCode).orElseThrow(() -> new BusinessRuleViolation(
                "NO_FINANCE_MAPPING", "elements[" + index + "].elementCode", elementCode,
                Map.of("serviceCode", serviceCode, "elementCode", elementCode)));
        ServiceLineElement form = new ServiceLineElement();
        form.setElementType(code.contrOCCElementType());
        form.setLedgerCode(code.ledgerCode());
        form.setCostCentre(code.costCentre());
        form.setUnit(element.unit());
        form.setRate(element.rate());
        form.setPlannedUnitsPerWeek(element.plannedUnitsPerWeek());
        return form;
    }
}
