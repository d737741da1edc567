package org.carehub.simulators.contrOCC;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.carehub.finance.contrOCC.ObjectFactory;

/**
 * A SHA-256 of an import request as XML: two requests under one import reference are "the same
 * import" exactly when their fingerprints match.
 */
final class ImportFingerprint {

    private static final JAXBContext CONTRACT;

    static {
        try {
            CONTRACT = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ImportFingerprint() {
    }

    /** @param request a request wrapper of the contract (ImportClient, ImportServiceLine, ...) */
    static String of(Object request) {
        try {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            Marshaller marshaller = CONTRACT.createMarshaller(); // not thread-safe: one per call
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            marshaller.marshal(request, xml);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.toByteArray()));
        } catch (JAXBException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint " + request.getClass().getSimpleName(), e);
        }
    }
}
