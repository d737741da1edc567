package org.carehub.cases;

import jakarta.jws.WebService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.carehub.cases.soap.EventRefusedFault;
import org.carehub.cases.soap.LasEventsPort;
import org.carehub.cases.soap.PublishReceipt;
import org.carehub.channels.Refusal;

/**
 * The SOAP door for LAS events ({@code /services/las-events}, contract {@code wsdl/las-events.wsdl}).
 * The schema is checked by CXF; the event is then checked against the hub's model and taken into
 * {@link LasIntake}. An event that breaks the model is parked and answered with an EventRefused fault.
 */
@WebService(serviceName = "LasEventsService", portName = "LasEventsPort",
        targetNamespace = "http://carehub.org/las/events/v1",
        endpointInterface = "org.carehub.cases.soap.LasEventsPort",
        wsdlLocation = LasEventsSoapEndpoint.WSDL)
public class LasEventsSoapEndpoint implements LasEventsPort {

    static final String WSDL = "classpath:wsdl/las-events.wsdl";
    static final String CHANNEL = "SOAP";

    private final LasIntake intake;
    private final Validator validator;
    private final LasSoapRefusals refusals;

    public LasEventsSoapEndpoint(LasIntake intake, Validator validator, LasSoapRefusals refusals) {
        this.intake = intake;
        this.validator = validator;
        this.refusals = refusals;
    }

    @Override
    public PublishReceipt publishEvent(org.carehub.cases.soap.LasEvent xml) throws EventRefusedFault {
        LasEvent event = LasSoapMapper.toModel(xml);
        Set<ConstraintViolation<LasEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            Refusal refusal = refusals.parkCurrentRequest(Refusal.of("INVALID_EVENT", Refusal.fieldErrors(violations)));
            throw new EventRefusedFault(refusal.reasonCode() + ": " + refusal.detail(), LasSoapRefusals.eventRefused(refusal));
        }
        IntakeReceipt taken = intake.accept(event, CHANNEL);
        PublishReceipt receipt = new PublishReceipt();
        receipt.setJourneyId(taken.journeyId());
        receipt.setDuplicate(taken.duplicate());
        receipt.setStatus(taken.status());
        return receipt;
    }
}
