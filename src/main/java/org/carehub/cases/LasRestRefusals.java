package org.carehub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.stream.Collectors;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.ChannelRefusals;
import org.carehub.channels.ChannelRefusals.Door;
import org.carehub.channels.Refusal;
import org.carehub.channels.TextDecoding;
import org.carehub.channels.TextDecoding.UndecodableText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * What the REST door answers when it cannot take an event, the original body parked each time:
 * 400 MESSAGE_NOT_UTF8 (checked before Jackson reads it), 400 MALFORMED_JSON (parser message with line and
 * column), 400 INVALID_EVENT (each field and what is wrong with it), 413 MESSAGE_TOO_LARGE, 415 for a body that
 * is not JSON.
 */
@RestControllerAdvice(assignableTypes = LasEventsController.class)
public class LasRestRefusals extends RequestBodyAdviceAdapter {

    static final Door DOOR = new Door(LasIntake.QUEUE, LasIntake.FLOW, LasEventsController.CHANNEL);

    private final ChannelRefusals refusals;
    private final ObjectMapper json;

    public LasRestRefusals(ChannelRefusals refusals, ObjectMapper json) {
        this.refusals = refusals;
        this.json = json;
    }

    /** The body is not UTF-8: Jackson would read UTF-16 without a word, or stop on a byte with its own jargon. */
    static final class NotUtf8 extends RuntimeException {
        NotUtf8(String detail) {
            super(detail);
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converter) throws IOException {
        byte[] body = input.getBody().readAllBytes(); // at most the limit: BoundedBodyFilter read it first
        try {
            TextDecoding.requireUtf8(body);
        } catch (UndecodableText e) {
            throw new NotUtf8(e.getMessage());
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @ExceptionHandler(NotUtf8.class)
    ResponseEntity<Refusal> notUtf8(NotUtf8 e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, park(request, Refusal.of("MESSAGE_NOT_UTF8", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Refusal> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Refusal refusal;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // Well-formed JSON, but a value of the wrong kind (a date that is no date, an unknown event type).
            refusal = Refusal.of("INVALID_EVENT", List.of(new Refusal.FieldError(path(mapping),
                    mapping.getOriginalMessage() + at(mapping.getLocation()))));
        } else if (e.getCause() instanceof JsonProcessingException parse) {
            refusal = Refusal.of("MALFORMED_JSON", parse.getOriginalMessage() + at(parse.getLocation()));
        } else {
            refusal = Refusal.of("MALFORMED_JSON", e.getMessage());
        }
        return answer(HttpStatus.BAD_REQUEST, park(request, refusal));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Refusal> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Refusal.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Refusal.FieldError(f.getField(), f.getDefaultMessage())).toList();
        return answer(HttpStatus.BAD_REQUEST, park(request, Refusal.of("INVALID_EVENT", errors)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Refusal> notJson(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        Refusal refusal = Refusal.of("MALFORMED_JSON", "the body is sent as " + e.getContentType()
                + "; LAS events are sent as application/json");
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, park(request, refusal));
    }

    /** Answers a body over the limit, from {@link org.carehub.channels.BoundedBodyFilter}. */
    void tooLarge(BoundedBody body, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        Refusal refusal = refusals.park(DOOR, body, request.getContentType(), Refusal.of("MESSAGE_TOO_LARGE",
                "the message is " + body.sizeInWords() + "; the limit is " + body.limit() + " bytes"));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), refusal);
    }

    private Refusal park(HttpServletRequest request, Refusal refusal) {
        return refusals.park(DOOR, BoundedBody.of(request), request.getContentType(), refusal);
    }

    private static ResponseEntity<Refusal> answer(HttpStatus status, Refusal refusal) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(refusal);
    }

    /** The JSON path of the value at fault, written as Bean Validation writes it: careLine.elements[0].rate */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
