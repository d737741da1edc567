package org.carehub.failures;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.FinanceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Tells an outage from a message that cannot be handled. While finance (ContrOCC) or the hub's database fails its
 * health check, a failure that points at it is waited out however long it lasts: the message is retried and never
 * parked, so nothing is parked as unavailable by the hundred during an outage (and parking itself needs the
 * database). Only failures while that system answers count towards the retries, after which the message is parked.
 * Called by {@code routes/error-handling.yaml} ({@code retryWhile}) after each failed attempt.
 */
@Component("outages")
public class Outages {

    /** Exchange property: failed attempts while the system at fault answered its health check. */
    static final String FAILURES_WHILE_ANSWERING = "carehubFailuresWhileAnswering";

    private static final Logger log = LoggerFactory.getLogger(Outages.class);
    private static final int DATABASE_CHECK_SECONDS = 5;

    private final ContrOCCAdapter finance;
    private final DataSource database;
    private final int maximumRetries;

    public Outages(ContrOCCAdapter finance, DataSource database,
                   @Value("${carehub.finance.redelivery.maximum-redeliveries}") int maximumRetries) {
        this.finance = finance;
        this.database = database;
        this.maximumRetries = maximumRetries;
    }

    /** True: try the message again (after the redelivery delay); false: park it. */
    public boolean retry(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Optional<String> outage = outage(failure);
        if (outage.isPresent()) {
            log.warn("{}: journey {} waits and is tried again, not parked", outage.get(),
                    exchange.getMessage().getHeader(ParkedHeaders.JOURNEY_ID));
            return true;
        }
        int failures = exchange.getProperty(FAILURES_WHILE_ANSWERING, 0, Integer.class) + 1;
        exchange.setProperty(FAILURES_WHILE_ANSWERING, failures);
        return failures <= maximumRetries;
    }

    /** What is down, if the failure points at a system that fails its health check now. */
    public Optional<String> outage(Throwable failure) {
        if (databaseFailure(failure)) {
            return databaseDown();
        }
        if (failure instanceof FinanceUnavailableException) {
            return financeDown();
        }
        return Optional.empty();
    }

    private Optional<String> financeDown() {
        try {
            finance.checkReachable();
            return Optional.empty();
        } catch (FinanceUnavailableException down) {
            return Optional.of("Finance down (" + down.getMessage() + ")");
        }
    }

    private Optional<String> databaseDown() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(DATABASE_CHECK_SECONDS) ? Optional.empty()
                    : Optional.of("Database down (its connection is not valid)");
        } catch (SQLException down) {
            return Optional.of("Database down (" + down.getMessage() + ")");
        }
    }

    private static boolean databaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }
}
