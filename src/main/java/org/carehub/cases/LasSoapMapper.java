package org.carehub.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Turns the SOAP contract's JAXB classes ({@code org.carehub.cases.soap}) into the hub's model, field
 * for field. The schema has already checked shapes and lengths; Bean Validation runs on the result.
 */
final class LasSoapMapper {

    private LasSoapMapper() {
    }

    static LasEvent toModel(org.carehub.cases.soap.LasEvent xml) {
        return new LasEvent(xml.getEventId(), xml.getVersion(),
                xml.getType() == null ? null : LasEventType.valueOf(xml.getType().name()),
                dateTime(xml.getOccurredAt()),
                xml.getClient() == null ? null : client(xml.getClient()),
                xml.getCareLine() == null ? null : careLine(xml.getCareLine()),
                xml.getDeath() == null ? null : death(xml.getDeath()),
                xml.getAssessmentReferral() == null ? null : referral(xml.getAssessmentReferral()));
    }

    private static Client client(org.carehub.cases.soap.Client xml) {
        org.carehub.cases.soap.Address a = xml.getAddress();
        Address address = a == null ? null : new Address(a.getLine1(), a.getLine2(), a.getTown(), a.getPostcode());
        return new Client(xml.getLasPersonId(), xml.getNhsNumber(), xml.getTitle(), xml.getForename(),
                xml.getSurname(), date(xml.getDateOfBirth()), address, Boolean.TRUE.equals(xml.isChargeable()),
                date(xml.getDateOfDeath()));
    }

    private static CareLine careLine(org.carehub.cases.soap.CareLine xml) {
        List<CareLineElement> elements = xml.getCareLineElement().stream().map(LasSoapMapper::element).toList();
        org.carehub.cases.soap.NhsFundingShare n = xml.getNhsFunding();
        NhsFundingShare nhs = n == null ? null : new NhsFundingShare(n.getScheme(), n.getNhsBody(), n.getSharePercent());
        return new CareLine(xml.getCpliId(), xml.getClientId(), xml.getServiceCode(), xml.getProviderRef(),
                xml.getContractRef(), date(xml.getStartDate()), date(xml.getEndDate()), xml.getEndReason(),
                elements, nhs);
    }

    private static CareLineElement element(org.carehub.cases.soap.CareLineElement xml) {
        org.carehub.cases.soap.RateOverride o = xml.getRateOverride();
        RateOverride override = o == null ? null : new RateOverride(o.getAuthorisedBy(), o.getReason(), date(o.getAuthorisedOn()));
        return new CareLineElement(xml.getElementCode(), xml.getUnit(), xml.getRate(), xml.getPlannedUnitsPerWeek(), override);
    }

    private static DeathRecorded death(org.carehub.cases.soap.DeathRecorded xml) {
        return new DeathRecorded(xml.getLasPersonId(), date(xml.getDateOfDeath()));
    }

    private static AssessmentReferral referral(org.carehub.cases.soap.AssessmentReferral xml) {
        return new AssessmentReferral(xml.getLasPersonId(), xml.getReason(), xml.getReferredBy());
    }

    /** An xs:date is a calendar day; any time zone on it is ignored. */
    private static LocalDate date(XMLGregorianCalendar xml) {
        return xml == null ? null : LocalDate.of(xml.getYear(), xml.getMonth(), xml.getDay());
    }

    /** An xs:dateTime without a zone is taken as UTC, so the result never depends on the server's zone. */
    private static OffsetDateTime dateTime(XMLGregorianCalendar xml) {
        if (xml == null) {
            return null;
        }
        XMLGregorianCalendar zoned = (XMLGregorianCalendar) xml.clone();
        if (zoned.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            zoned.setTimezone(0);
        }
        return zoned.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }
}
