package org.carehub.simulators.las;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehub.cases.Address;
import org.carehub.cases.AssessmentReferral;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.Client;
import org.carehub.cases.DeathRecorded;
import org.carehub.cases.LasEvent;
import org.carehub.cases.LasEventType;
import org.carehub.cases.NhsFundingShare;
import org.carehub.cases.RateOverride;
import org.carehub.reference.FundingScheme;
import org.carehub.reference.NhsBody;
import org.carehub.reference.ProviderContract;
import org.carehub.reference.RateCardEntry;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.ServiceDefinition;
import org.carehub.reference.ServiceElement;

/**
 * Makes the pieces of work a council's LAS produces: new packages of care for new clients, changes
 * to existing care lines, and the defects the seeds describe (rates overridden by hand, missing
 * sleep-in elements, lines after a death, bad NHS numbers, resends). Built from the same mappings
 * the hub checks against, so good work really is good.
 */
public class LasTrafficGenerator {

    private static final String[] FORENAMES = {"Margaret", "John", "Patricia", "David", "Joan", "Peter", "Irene",
            "Ahmed", "Grace", "Stanley", "Aisha", "Dennis", "Winifred", "Ravi", "Eileen", "Kwame"};
    private static final String[] SURNAMES = {"Hopkins", "Briggs", "Okafor", "Patel", "Thompson", "Kowalski",
            "Evans", "Hughes", "Begum", "O'Neill", "Clarke", "Nwosu", "Walsh", "Singh", "Turner", "Davies"};
    private static final String[] STREETS = {"Station Road", "Church Lane", "Park Avenue", "Mill Street",
            "Victoria Road", "Queens Drive", "The Crescent", "Brook Close"};
    private static final String[] TOWNS = {"Croydon", "Preston", "Lancaster", "Purley", "Chorley", "Thornton Heath"};

    /** The defects a piece of work may carry; NONE is good work. */
    public enum Defect {
        NONE, RATE_OFF_CARD, AUTHORISED_OVERRIDE, MISSING_REQUIRED_ELEMENT, UNKNOWN_PROVIDER, END_BEFORE_START,
        UNITS_OVER_MAXIMUM, INVALID_NHS_NUMBER, CLIENT_WITHOUT_POSTCODE, LINE_AFTER_DEATH, ELEMENT_NOT_IN_FINANCE,
        ELEMENT_WITHOUT_RATE, PROVIDER_WITHOUT_CONTRACT, RESEND, OLDER_VERSION_AFTER_NEWER
    }

    private final ReferenceData reference;
    private final Random random;
    private final LocalDate today;
    private final AtomicInteger sequence = new AtomicInteger();
    private final String runId;
    private final List<LasEvent> sentCareLines = new ArrayList<>();

    public LasTrafficGenerator(ReferenceData reference, long seed, LocalDate today) {
        this.reference = reference;
        this.random = new Random(seed);
        this.today = today;
        this.runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    }

    /** The next piece of work: the events LAS would publish for it, in order. */
    public List<LasEvent> next(int defectPercent) {
        Defect defect = random.nextInt(100) < defectPercent
                ? Defect.values()[1 + random.nextInt(Defect.values().length - 1)]
                : Defect.NONE;
        return pieceOfWork(defect);
    }

    public List<LasEvent> pieceOfWork(Defect defect) {
        if (defect == Defect.RESEND || defect == Defect.OLDER_VERSION_AFTER_NEWER) {
            Optional<List<LasEvent>> replay = replay(defect);
            if (replay.isPresent()) {
                return replay.get();
            }
            defect = Defect.NONE;
        }
        Client client = newClient(defect);
        List<LasEvent> events = new ArrayList<>();
        events.add(event(LasEventType.CLIENT_REGISTERED, 1, client, null));
        LocalDate start = today.minusDays(random.nextInt(45));
        if (defect == Defect.LINE_AFTER_DEATH) {
            events.add(new LasEvent(eventId(), 1, LasEventType.DATE_OF_DEATH_RECORDED, OffsetDateTime.now(), null, null,
                    new DeathRecorded(client.lasPersonId(), start.minusDays(3)), null));
        }
        CareLine line = careLine(client, start, defect);
        LasEvent created = event(LasEventType.CARE_LINE_CREATED, 1, null, line);
        events.add(created);
        if (defect == Defect.NONE && client.chargeable() && random.nextInt(4) == 0) {
            events.add(new LasEvent(eventId(), 1, LasEventType.FINANCIAL_ASSESSMENT_REFERRAL, OffsetDateTime.now(),
                    null, null, null, new AssessmentReferral(client.lasPersonId(), "Care package started", "LAS simulator")));
        }
        if (defect == Defect.NONE) {
            synchronized (sentCareLines) {
                sentCareLines.add(created);
            }
        }
        return events;
    }

    private Optional<List<LasEvent>> replay(Defect defect) {
        LasEvent earlier;
        synchronized (sentCareLines) {
            if (sentCareLines.isEmpty()) {
                return Optional.empty();
            }
            earlier = sentCareLines.get(random.nextInt(sentCareLines.size()));
        }
        if (defect == Defect.RESEND) {
            return Optional.of(List.of(earlier));
        }
        // A change (version 2) arrives, then LAS resends the original version 1 under a new event id.
        CareLine line = earlier.careLine();
        CareLine changed = new CareLine(line.cpliId(), line.clientId(), line.serviceCode(), line.providerRef(),
                line.contractRef(), line.startDate(), line.startDate().plusMonths(6), "Review date agreed",
                line.elements(), line.nhsFunding());
        LasEvent v2 = event(LasEventType.CARE_LINE_CHANGED, earlier.version() + 1, null, changed);
        LasEvent stale = new LasEvent(eventId(), earlier.version(), LasEventType.CARE_LINE_CHANGED,
                OffsetDateTime.now(), null, line, null, null);
        synchronized (sentCareLines) {
            sentCareLines.remove(earlier);
        }
        return Optional.of(List.of(v2, stale));
    }

    private Client newClient(Defect defect) {
        String personId = "LAS-" + runId + "-" + sequence.incrementAndGet();
        String nhs = nhsNumber();
        if (defect == Defect.INVALID_NHS_NUMBER) {
            nhs = nhs.substring(0, 9) + ((nhs.charAt(9) - '0' + 1) % 10);
        }
        String postcode = defect == Defect.CLIENT_WITHOUT_POSTCODE ? null
                : "CR" + (random.nextInt(9) + 1) + " " + (random.nextInt(9) + 1) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26));
        return new Client(personId, nhs, random.nextBoolean() ? "Mrs" : "Mr", pick(FORENAMES), pick(SURNAMES),
                LocalDate.of(1930 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                new Address((1 + random.nextInt(120)) + " " + pick(STREETS), null, pick(TOWNS), postcode),
                random.nextInt(10) < 7, null);
    }

    private CareLine careLine(Client client, LocalDate start, Defect defect) {
        ProviderContract contract = pickContract(start, defect);
        ServiceDefinition service = reference.service(contract.serviceCode()).orElseThrow();
        List<CareLineElement> elements = new ArrayList<>();
        for (ServiceElement element : reference.elements(service.serviceCode())) {
            boolean priced = reference.rate(service.serviceCode(), element.elementCode(), start).isPresent()
                    && reference.financeCode(service.serviceCode(), element.elementCode()).isPresent();
            boolean wanted = service.requiredElements().contains(element.elementCode()) || random.nextBoolean();
            if (priced && wanted) {
                elements.add(element(service, element, start));
            }
        }
        if (elements.isEmpty()) {
            reference.elements(service.serviceCode()).stream()
                    .filter(e -> reference.rate(service.serviceCode(), e.elementCode(), start).isPresent()
                            && reference.financeCode(service.serviceCode(), e.elementCode()).isPresent())
                    .findFirst().ifPresent(e -> elements.add(element(service, e, start)));
        }
        String providerRef = contract.providerRef();
        LocalDate end = null;
        switch (defect) {
            case RATE_OFF_CARD -> elements.set(0, withRate(elements.get(0), elements.get(0).rate().add(new BigDecimal("1.37")), null));
            case AUTHORISED_OVERRIDE -> elements.set(0, withRate(elements.get(0), elements.get(0).rate().add(new BigDecimal("2.50")),
                    new RateOverride("Head of Care Navigation", "Complex needs: two carers agreed at panel", start.minusDays(2))));
            case MISSING_REQUIRED_ELEMENT -> elements.removeIf(e -> service.requiredElements().contains(e.elementCode())
                    && elements.size() > 1);
            case UNKNOWN_PROVIDER -> providerRef = "PRV-" + (900 + random.nextInt(99));
            case END_BEFORE_START -> end = start.minusDays(1 + random.nextInt(20));
            case UNITS_OVER_MAXIMUM -> {
                CareLineElement first = elements.get(0);
                ServiceElement defined = reference.element(service.serviceCode(), first.elementCode()).orElseThrow();
                elements.set(0, new CareLineElement(first.elementCode(), first.unit(), first.rate(),
                        defined.maxUnitsPerWeek().add(BigDecimal.TEN), null));
            }
            case LINE_AFTER_DEATH -> end = null;
            case ELEMENT_NOT_IN_FINANCE -> unpricedElement(start, true).ifPresent(e -> elements.add(e));
            case ELEMENT_WITHOUT_RATE -> unpricedElement(start, false).ifPresent(e -> elements.add(e));
            default -> { }
        }
        return new CareLine("CPLI-" + runId + "-" + sequence.incrementAndGet(), client.lasPersonId(), service.serviceCode(),
                providerRef, contract.contractRef(), start, end, end == null ? null : "Package ended", elements,
                nhsFunding(service.serviceCode()));
    }

    /**
     * About one care line in four is co-funded by an NHS body under a scheme covering its service (funding-schemes.yaml),
     * with an agreed share of 50% where the scheme leaves the share to the care line; the NHS claims run claims them.
     */
    private NhsFundingShare nhsFunding(String serviceCode) {
        List<FundingScheme> schemes = reference.fundingSchemes().stream().filter(s -> s.coversService(serviceCode)).toList();
        List<NhsBody> bodies = reference.nhsBodies();
        if (random.nextInt(4) != 0 || schemes.isEmpty() || bodies.isEmpty()) {
            return null;
        }
        FundingScheme scheme = schemes.get(random.nextInt(schemes.size()));
        return new NhsFundingShare(scheme.code(), bodies.get(random.nextInt(bodies.size())).code(),
                scheme.shareOnCareLine() ? BigDecimal.valueOf(50) : scheme.fixedSharePercent());
    }

    /** A contract in force on the date; for PROVIDER_WITHOUT_CONTRACT, a provider paired with a service it has no contract for. */
    private ProviderContract pickContract(LocalDate on, Defect defect) {
        List<ProviderContract> current = reference.contracts().stream().filter(c -> c.coversDate(on))
                .filter(c -> reference.elements(c.serviceCode()).stream()
                        .anyMatch(e -> reference.rate(c.serviceCode(), e.elementCode(), on).isPresent()))
                .sorted(Comparator.comparing(ProviderContract::contractRef)).toList();
        ProviderContract chosen = current.get(random.nextInt(current.size()));
        if (defect != Defect.PROVIDER_WITHOUT_CONTRACT) {
            return chosen;
        }
        return reference.providers().stream()
                .filter(p -> reference.contract(p.ref(), chosen.serviceCode(), on).isEmpty())
                .findFirst()
                .map(p -> new ProviderContract(p.ref(), "NONE", chosen.serviceCode(), on, null))
                .orElse(chosen);
    }

    /** An element the mappings cannot price: no finance code (or, when false, no rate for the date). */
    private Optional<CareLineElement> unpricedElement(LocalDate on, boolean missingFinanceCode) {
        return reference.services().stream()
                .flatMap(s -> reference.elements(s.serviceCode()).stream())
                .filter(e -> missingFinanceCode
                        ? reference.financeCode(e.serviceCode(), e.elementCode()).isEmpty()
                        : reference.rate(e.serviceCode(), e.elementCode(), on).isEmpty())
                .findFirst()
                .map(e -> new CareLineElement(e.elementCode(), e.unit(), new BigDecimal("10.00"), BigDecimal.ONE, null));
    }

    private CareLineElement element(ServiceDefinition service, ServiceElement element, LocalDate on) {
        RateCardEntry card = reference.rate(service.serviceCode(), element.elementCode(), on).orElseThrow();
        BigDecimal max = element.maxUnitsPerWeek();
        BigDecimal units = max.compareTo(BigDecimal.ONE) <= 0 ? max
                : BigDecimal.valueOf(1 + random.nextInt(Math.max(1, max.intValue()))).min(max);
        return new CareLineElement(element.elementCode(), card.unit(), card.rate(), units, null);
    }

    private static CareLineElement withRate(CareLineElement e, BigDecimal rate, RateOverride override) {
        return new CareLineElement(e.elementCode(), e.unit(), rate, e.plannedUnitsPerWeek(), override);
    }

    private LasEvent event(LasEventType type, int version, Client client, CareLine line) {
        return new LasEvent(eventId(), version, type, OffsetDateTime.now(), client, line, null, null);
    }

    private String eventId() {
        return "EV-" + runId + "-" + sequence.incrementAndGet();
    }

    /** A ten-digit NHS number with a valid Modulus 11 check digit. */
    String nhsNumber() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                d[i] = i == 0 ? 4 + random.nextInt(6) : random.nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                StringBuilder s = new StringBuilder();
                for (int digit : d) {
                    s.append(digit);
                }
                return s.append(check).toString();
            }
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
