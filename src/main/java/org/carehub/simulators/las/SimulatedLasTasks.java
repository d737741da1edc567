package org.carehub.simulators.las;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.carehub.deaths.LasTask;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for LAS's task list (POST /simulators/las/tasks): takes the tasks the hub gives social work, one per
 * reference as LAS would, and lists them for tests and demos. Held in memory: a simulator restart forgets them.
 * On unless {@code carehub.simulators.las.tasks.enabled=false} (independent of the LAS traffic simulator).
 */
@RestController
@ConditionalOnProperty(prefix = "carehub.simulators.las.tasks", name = "enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/simulators/las/tasks")
public class SimulatedLasTasks {

    private final Map<String, LasTask> tasks = new ConcurrentHashMap<>();

    /** 201 for a new task, 200 when LAS already holds the reference (nothing added). */
    @PostMapping
    public ResponseEntity<LasTask> receive(@RequestBody LasTask task) {
        if (task.reference() == null || task.reference().isBlank() || task.personRef() == null) {
            return ResponseEntity.badRequest().build();
        }
        LasTask earlier = tasks.putIfAbsent(task.reference(), task);
        return earlier == null ? ResponseEntity.status(HttpStatus.CREATED).body(task) : ResponseEntity.ok(earlier);
    }

    @GetMapping
    public List<LasTask> list(@RequestParam(required = false) String personRef) {
        List<LasTask> all = new ArrayList<>(tasks.values());
        return all.stream().filter(t -> personRef == null || personRef.equals(t.personRef())).toList();
    }
}
