package org.carehub.failures;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The failure desk's errors as JSON: 400 {error, field} for a bad request, 404 for a journey that is not parked. */
@RestControllerAdvice(assignableTypes = {FailureDeskController.class, AuditController.class})
class FailureDeskErrors {

    @ExceptionHandler(DeskRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(DeskRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName(), e.getName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the request body is missing or is not the JSON expected", null);
    }

    @ExceptionHandler(NotParkedException.class)
    ResponseEntity<Map<String, String>> notParked(NotParkedException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String error, String field) {
        Map<String, String> body = new HashMap<>();
        body.put("error", error);
        body.put("field", field);
        return ResponseEntity.status(status).body(body);
    }
}
