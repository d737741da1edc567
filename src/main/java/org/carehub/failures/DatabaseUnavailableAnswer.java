package org.carehub.failures;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request the hub cannot record because its database does not answer is answered 503 with Retry-After, saying so,
 * and the caller sends it again (a resend is recognised, so nothing is created twice). Left to Spring's error page, the
 * failure was answered 200 with an empty body when the error page's own sign-in check also needed the database: LAS
 * took an event never queued as accepted (OutageTest lost it).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DatabaseUnavailableAnswer {

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<Map<String, String>> databaseUnavailable(RuntimeException failure) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reasonCode", "DATABASE_UNAVAILABLE",
                        "detail", "The hub could not record this request: its database did not answer. Send it again"
                                + " in a few seconds; a resend is recognised and never creates anything twice."));
    }
}
