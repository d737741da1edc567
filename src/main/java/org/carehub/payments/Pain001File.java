package org.carehub.payments;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The payment file as ISO 20022 pain.001.001.09 (Customer Credit Transfer Initiation), built with Prowide's model:
 * one payment information block for the run, one credit transfer per provider payment, UK accounts named by sort code
 * (clearing system GBDSC) and account number. {@link #verify} checks a file against the pain.001.001.09 XSD and its
 * control totals before it is released.
 */
final class Pain001File {

    private static final String SORT_CODE_CLEARING = "GBDSC";
    private static final String CURRENCY = "GBP";
    private static final Schema SCHEMA = schema();

    private Pain001File() {
    }

    static String write(String messageId, OffsetDateTime created, LocalDate paymentDate, PaymentsProperties.Council council,
                        List<PaymentInstruction> instructions) {
        BigDecimal total = pounds(instructions.stream().mapToLong(PaymentInstruction::pence).sum());
        String count = Integer.toString(instructions.size());
        PaymentInstruction30 block = new PaymentInstruction30()
                .setPmtInfId(messageId)
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(count)
                .setCtrlSum(total)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(paymentDate))
                .setDbtr(new PartyIdentification135().setNm(council.name()))
                .setDbtrAcct(account(council.accountNumber(), council.accountName()))
                .setDbtrAgt(agent(council.sortCode()));
        for (PaymentInstruction instruction : instructions) {
            block.addCdtTrfTxInf(new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setInstrId(instruction.paymentRef()).setEndToEndId(instruction.paymentRef()))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                            .setCcy(CURRENCY).setValue(pounds(instruction.pence()))))
                    .setCdtrAgt(agent(instruction.payee().sortCode()))
                    .setCdtr(new PartyIdentification135().setNm(instruction.payee().accountName()))
                    .setCdtrAcct(account(instruction.payee().accountNumber(), instruction.payee().accountName()))
                    .setRmtInf(new RemittanceInformation16().addUstrd("Payment " + instruction.paymentRef()
                            + ": remittance advice sent separately")));
        }
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(messageId)
                        .setCreDtTm(created.truncatedTo(ChronoUnit.SECONDS))
                        .setNbOfTxs(count)
                        .setCtrlSum(total)
                        .setInitgPty(new PartyIdentification135().setNm(council.name())))
                .addPmtInf(block));
        MxWriteConfiguration unprefixed = new MxWriteConfiguration();
        // The default namespace, as banks' own examples and most import tools expect, rather than a pain: prefix.
        unprefixed.documentPrefix = null;
        unprefixed.useCategoryAsDocumentPrefix = false;
        return message.message(unprefixed);
    }

    /**
     * Throws unless the file is valid against the XSD and its control totals (group header and payment block: number of
     * transactions and control sum) agree with its transactions and with what was meant to be paid.
     */
    static void verify(String xml, int transactions, long totalPence) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException invalid) {
            throw new IllegalStateException("pain.001 file is not valid against pain.001.001.09.xsd: " + invalid.getMessage(), invalid);
        }
        CustomerCreditTransferInitiationV09 read = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
        long summed = 0;
        int counted = 0;
        for (PaymentInstruction30 block : read.getPmtInf()) {
            long blockSum = block.getCdtTrfTxInf().stream().mapToLong(tx -> pence(tx.getAmt().getInstdAmt().getValue())).sum();
            check(block.getCdtTrfTxInf().size() == Integer.parseInt(block.getNbOfTxs()), "payment block NbOfTxs", block.getNbOfTxs());
            check(blockSum == pence(block.getCtrlSum()), "payment block CtrlSum", block.getCtrlSum());
            summed += blockSum;
            counted += block.getCdtTrfTxInf().size();
        }
        check(counted == Integer.parseInt(read.getGrpHdr().getNbOfTxs()), "group header NbOfTxs", read.getGrpHdr().getNbOfTxs());
        check(summed == pence(read.getGrpHdr().getCtrlSum()), "group header CtrlSum", read.getGrpHdr().getCtrlSum());
        check(counted == transactions, "number of payments meant", transactions);
        check(summed == totalPence, "total meant in pence", totalPence);
    }

    private static void check(boolean agrees, String total, Object value) {
        if (!agrees) {
            throw new IllegalStateException("pain.001 control total does not agree with its transactions: " + total + " " + value);
        }
    }

    private static CashAccount38 account(String accountNumber, String name) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(accountNumber)))
                .setCcy(CURRENCY).setNm(name);
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String sortCode) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18()
                .setClrSysMmbId(new ClearingSystemMemberIdentification2()
                        .setClrSysId(new ClearingSystemIdentification2Choice().setCd(SORT_CODE_CLEARING)).setMmbId(sortCode)));
    }

    private static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    private static long pence(BigDecimal pounds) {
        return pounds.movePointRight(2).longValueExact();
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(Objects.requireNonNull(Pain001File.class.getResource("/payments/iso20022/pain.001.001.09.xsd")));
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load the pain.001.001.09 schema", e);
        }
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
