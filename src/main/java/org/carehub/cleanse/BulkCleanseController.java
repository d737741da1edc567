package org.carehub.cleanse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.carehub.security.Operators;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bulk cleanse over REST: reading needs the viewer role, upload and apply the operator role (HubSecurity). */
@RestController
@Tag(name = "Bulk cleanse", description = "Restating many care lines from a CSV file: upload, dry run report, apply")
public class BulkCleanseController {

    private final BulkCleanse cleanses;

    public BulkCleanseController(BulkCleanse cleanses) {
        this.cleanses = cleanses;
    }

    /** The apply request: the SHA-256 of the file whose dry run was reviewed. */
    public record ApplyRequest(String checksum) {
    }

    @PostMapping(path = "/api/cleanses", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Upload a cleanse file (the request body, streamed to disk); its dry run starts by itself",
            description = "Answers 201 with the cleanse's progress, or 413 with CLEANSE_FILE_TOO_LARGE over the upload cap.")
    public ResponseEntity<CleanseProgress> upload(@RequestParam(required = false) String fileName, HttpServletRequest request)
            throws IOException {
        CleanseProgress cleanse = cleanses.upload(fileName, request.getInputStream(), Operators.current());
        HttpStatus status = cleanse.status() == CleanseStatus.REFUSED ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.CREATED;
        return ResponseEntity.status(status).location(URI.create("/api/cleanses/" + cleanse.cleanseId())).body(cleanse);
    }

    @GetMapping("/api/cleanses")
    @Operation(summary = "Every cleanse, newest first, with its progress (done/total, lines/s, ETA)")
    public List<CleanseProgress> all() {
        return cleanses.all();
    }

    @GetMapping("/api/cleanses/{id}")
    @Operation(summary = "One cleanse's progress")
    public CleanseProgress one(@PathVariable long id) {
        return cleanses.progress(id);
    }

    @GetMapping("/api/cleanses/{id}/summary")
    @Operation(summary = "Lines by outcome, and failing lines by owner team and reason")
    public CleanseSummary summary(@PathVariable long id) {
        return cleanses.summary(id);
    }

    @GetMapping(path = "/api/cleanses/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "The dry run's report: every care line, would-change or fails, with reason, field, fix and owner team")
    public ResponseEntity<Resource> report(@PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cleanse-" + id + "-report.csv\"")
                .body(new FileSystemResource(cleanses.report(id)));
    }

    @PostMapping("/api/cleanses/{id}/apply")
    @Operation(summary = "Apply a cleanse whose dry run is done, naming the checksum of the file its report came from",
            description = "Answers 202; the cleanse then runs batch by batch (see its progress). 409 when not allowed.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CleanseProgress apply(@PathVariable long id, @RequestBody ApplyRequest request) {
        return cleanses.requestApply(id, request.checksum(), Operators.current());
    }

    @ExceptionHandler(CleanseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public Map<String, String> notFound(CleanseNotFoundException e) {
        return Map.of("error", e.getMessage());
    }

    @ExceptionHandler(CleanseRequestException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public Map<String, String> refused(CleanseRequestException e) {
        return Map.of("error", e.getMessage());
    }
}
