package org.carehub.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carehub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The runs API in the running hub: who may see and start runs, and what an unknown job is told. */
class ScheduledRunsApiTest extends HubTest {

    @Test
    void aViewerSeesTheJobsAndRunsButOnlyAnOperatorStartsOne() {
        ResponseEntity<List> jobs = as(VIEWER).get().uri(baseUrl() + "/api/runs/jobs").retrieve().toEntity(List.class);
        ResponseEntity<List> runs = as(VIEWER).get().uri(baseUrl() + "/api/runs").retrieve().toEntity(List.class);
        ResponseEntity<String> byViewer = as(VIEWER).post().uri(baseUrl() + "/api/runs/nhs-clams").retrieve().toEntity(String.class);
        ResponseEntity<String> byAnonymous = anonymous().get().uri(baseUrl() + "/api/runs").retrieve().toEntity(String.class);

        assertThat(jobs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAnonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anOperatorAskingForAnUnknownJobIsToldTheJobsThereAre() {
        ResponseEntity<String> unknown = as(OPERATOR).post().uri(baseUrl() + "/api/runs/nhs-clams").retrieve().toEntity(String.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).startsWith("No scheduled job called 'nhs-clams'; the jobs are [");
    }
}
