package org.carehub.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.carehub.cases.soap.EventRefused;
import org.carehub.cases.soap.EventRefusedFault;
import org.carehub.cases.soap.FieldError;
import org.carehub.cases.soap.ObjectFactory;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.ChannelRefusals;
import org.carehub.channels.ChannelRefusals.Door;
import org.carehub.channels.Refusal;
import org.carehub.channels.TextDecoding;
import org.springframework.stereotype.Component;

/**
 * Turns what CXF could not read into the LAS contract's EventRefused fault, with the original parked:
 * a body over the limit (MESSAGE_TOO_LARGE, HTTP 413), UTF-8 labelled ISO-8859-1 or Windows-1252
 * (MESSAGE_ENCODING_MISMATCH), XML that is not well-formed (MALFORMED_XML), a
 * DOCTYPE (XML_DOCTYPE_REFUSED: CXF's parser never reads DTDs, so no entity is expanded and no file
 * read), XML past the parser's structure limits (XML_TOO_COMPLEX), a SOAPAction naming another operation
 * (SOAP_ACTION_MISMATCH), and a message that breaks the schema (INVALID_EVENT). Faults that are the hub's own (the
 * broker down) are left as server faults: LAS sends those again.
 */
@Component
public class LasSoapRefusals {

    static final Door DOOR = new Door(LasIntake.QUEUE, LasIntake.FLOW, LasEventsSoapEndpoint.CHANNEL);

    private static final JAXBContext JAXB = jaxbContext();
    private static final Pattern OVER_LIMIT = Pattern.compile("(?i)\\blimit\\b.*\\bexceeded\\b");

    private final ChannelRefusals refusals;

    public LasSoapRefusals(ChannelRefusals refusals) {
        this.refusals = refusals;
    }

    /** Parks the SOAP request being served (the endpoint found the event invalid). */
    Refusal parkCurrentRequest(Refusal refusal) {
        return park(PhaseInterceptorChain.getCurrentMessage(), refusal);
    }

    private Refusal park(Message message, Refusal refusal) {
        HttpServletRequest request = requestOf(message);
        return refusals.park(DOOR, BoundedBody.of(request), request.getContentType(), refusal);
    }

    private static HttpServletRequest requestOf(Message message) {
        return (HttpServletRequest) message.getExchange().getInMessage().get(AbstractHTTPDestination.HTTP_REQUEST);
    }

    static EventRefused eventRefused(Refusal refusal) {
        EventRefused xml = new EventRefused();
        xml.setReasonCode(refusal.reasonCode());
        xml.setDetail(refusal.detail());
        xml.setJourneyId(refusal.journeyId());
        for (Refusal.FieldError e : refusal.fieldErrors()) {
            FieldError field = new FieldError();
            field.setField(e.field());
            field.setMessage(e.message());
            xml.getFieldError().add(field);
        }
        return xml;
    }

    /** Stops a message the filter found too large before CXF tries to read it. */
    AbstractPhaseInterceptor<Message> tooLargeGuard() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                BoundedBody body = BoundedBody.of(requestOf(message));
                if (body != null && body.tooLarge()) {
                    throw new Fault(new IllegalArgumentException("message of " + body.sizeInWords()
                            + " is over the limit of " + body.limit() + " bytes"));
                }
            }
        };
    }

    /**
     * Stops a message whose Content-Type charset (what CXF reads it by; UTF-8 when it names none, whatever the XML
     * declaration says) is ISO-8859-1 or Windows-1252 while its bytes are UTF-8: read as labelled, every accented
     * name would reach finance garbled.
     */
    AbstractPhaseInterceptor<Message> mislabelledTextGuard() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                BoundedBody body = BoundedBody.of(requestOf(message));
                if (body == null || body.tooLarge()) {
                    return;
                }
                Optional.ofNullable((String) message.get(Message.ENCODING)).flatMap(TextDecoding::charsetNamed)
                        .flatMap(charset -> TextDecoding.utf8UnderLatinLabel(body.bytes(), charset)).ifPresent(misread -> {
                    throw new Fault(new MislabelledText("the message is " + misread + " (its Content-Type charset)"));
                });
            }
        };
    }

    /** The message's bytes are not in the character set it declares. */
    static final class MislabelledText extends IllegalArgumentException {
        MislabelledText(String message) {
            super(message);
        }
    }

    /** Runs on every fault before it is written: classifies, parks, and puts the EventRefused detail in. */
    AbstractPhaseInterceptor<Message> refusalFaults() {
        return new AbstractPhaseInterceptor<>(Phase.PRE_LOGICAL) {
            @Override
            public void handleMessage(Message faultMessage) {
                if (!(faultMessage.getContent(Exception.class) instanceof Fault fault)
                        || fault.getCause() instanceof EventRefusedFault) {
                    return; // not ours, or already parked and described by the endpoint
                }
                BoundedBody body = BoundedBody.of(requestOf(faultMessage));
                Refusal refusal = classify(fault, body);
                if (refusal == null) {
                    return;
                }
                Refusal parked = park(faultMessage, refusal);
                fault.setMessage(parked.reasonCode() + ": " + parked.detail() + " (journey " + parked.journeyId() + ")");
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                writeDetail(fault, parked);
                if (body.tooLarge()) {
                    fault.setStatusCode(413); // Soap11FaultOutInterceptor answers with the fault's status code
                }
            }
        };
    }

    /** The refusal for a fault the sender caused, or null for the hub's own faults. */
    static Refusal classify(Fault fault, BoundedBody body) {
        if (body != null && body.tooLarge()) {
            return Refusal.of("MESSAGE_TOO_LARGE", "the message is " + body.sizeInWords() + "; the limit is "
                    + body.limit() + " bytes");
        }
        if (fault.getCause() instanceof MislabelledText mislabelled) {
            return Refusal.of("MESSAGE_ENCODING_MISMATCH", mislabelled.getMessage());
        }
        // CXF's own message key: the SOAPAction header names no operation, or another one than the body.
        if (String.valueOf(fault.getCode()).startsWith("SOAP_ACTION_MISMATCH")) {
            return Refusal.of("SOAP_ACTION_MISMATCH", fault.getMessage());
        }
        // A parse error can sit under JAXB's UnmarshalException (bad XML inside the Body): look for it first.
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException xml && isDoctype(xml)) {
                return Refusal.of("XML_DOCTYPE_REFUSED", "a DOCTYPE is never read by the hub (no DTD, no entities): "
                        + xml.getMessage());
            }
            if (t instanceof XMLStreamException xml && isOverLimit(xml)) {
                return Refusal.of("XML_TOO_COMPLEX", xml.getMessage());
            }
            if (t instanceof XMLStreamException xml) {
                return Refusal.of("MALFORMED_XML", xml.getMessage());
            }
        }
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof UnmarshalException) {
                return Refusal.of("INVALID_EVENT", fault.getMessage());
            }
        }
        if (fault instanceof SoapFault soap && soap.getFaultCode() != null
                && soap.getFaultCode().getLocalPart().matches("Client|Sender")) {
            return Refusal.of("INVALID_EVENT", fault.getMessage());
        }
        return null;
    }

    /**
     * CXF's parser (Woodstox, made by StaxUtils with DTD support off) reports a DOCTYPE as a DTD event
     * without reading it, and CXF's ReadHeadersInterceptor, expecting the Envelope, stops there with
     * Woodstox's "Received event DTD, instead of START_ELEMENT or END_ELEMENT".
     */
    private static boolean isDoctype(XMLStreamException e) {
        return String.valueOf(e.getMessage()).startsWith("Received event DTD");
    }

    /**
     * CXF's parser stops at its structure limits (org.apache.cxf.stax.*: element depth 100, 500 attributes or
     * namespace declarations on an element, child and element counts, text size) with Woodstox's "... limit (n)
     * exceeded": a message built to exhaust the stack or the CPU, not a malformed one.
     */
    private static boolean isOverLimit(XMLStreamException e) {
        return OVER_LIMIT.matcher(String.valueOf(e.getMessage())).find();
    }

    private static void writeDetail(Fault fault, Refusal refusal) {
        try {
            JAXB.createMarshaller().marshal(new ObjectFactory().createEventRefused(eventRefused(refusal)),
                    fault.getOrCreateDetail());
        } catch (JAXBException e) {
            throw new IllegalStateException("EventRefused detail could not be written", e);
        }
    }

    private static JAXBContext jaxbContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
