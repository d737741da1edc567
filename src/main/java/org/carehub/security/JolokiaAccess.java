package org.carehub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.carehub.channels.ReplayedBody;

/**
 * Jolokia knows no users, so the hub tells reads from writes itself. A viewer may {@code read},
 * {@code list}, {@code search} and ask the {@code version}, and may {@code exec} the operations that
 * only look (their names start with a looking verb: Artemis {@code browse}, {@code listMessages},
 * {@code countMessages}; the failure desk's {@code listParked} and {@code explain}; Camel's
 * {@code dumpRoutesAsXml}, {@code componentNames}; Hawtio's {@code canInvoke}). Everything else
 * ({@code write}, {@code exec} of {@code retryMessages}, {@code removeMessages}, {@code moveMessages},
 * the failure desk's retry and discard, unknown request types, requests that cannot be read) needs the
 * operator role. Checked for GET paths, GET {@code ?p=},
 * POSTed single and bulk requests alike. A refusal is answered the way Jolokia answers its own
 * refusals: HTTP 200 with a status 403 in the body, one per request of a bulk, so Hawtio shows the
 * reason rather than sending the viewer back to the sign-in page.
 */
class JolokiaAccess extends HttpFilter {

    private static final Set<String> READ_TYPES = Set.of("read", "list", "search", "version");
    private static final List<String> LOOKING_VERBS = List.of(
            "list", "browse", "count", "get", "is", "can", "dump", "explain");
    /** Looking operations Hawtio's Camel plugin calls whose names start with no verb. */
    private static final Set<String> LOOKING_OPERATIONS = Set.of("componentNames", "endpointStatistics");

    private final String endpointPath;
    private final ObjectMapper json;

    JolokiaAccess(String endpointPath, ObjectMapper json) {
        this.endpointPath = endpointPath;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(HubSecurity.OPERATOR)) {
            chain.doFilter(request, response);
            return;
        }
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        byte[] body = post ? request.getInputStream().readAllBytes() : new byte[0];
        Optional<JsonNode> posted = post ? parse(body) : Optional.empty();
        List<JsonNode> calls = post ? posted.map(JolokiaAccess::calls).orElse(List.of())
                : List.of(fromPath(getPath(request)));
        boolean allowed = (!post || posted.isPresent()) && !calls.isEmpty() && calls.stream().allMatch(JolokiaAccess::onlyLooks);
        if (allowed) {
            chain.doFilter(post ? new ReplayedBody(request, body) : request, response);
            return;
        }
        refuse(response, posted.filter(JsonNode::isArray).isPresent(), calls);
    }

    /** Does this Jolokia request only look, never change? */
    static boolean onlyLooks(JsonNode call) {
        String type = call.path("type").asText("").toLowerCase(Locale.ROOT);
        if (READ_TYPES.contains(type)) {
            return true;
        }
        if (!type.equals("exec")) {
            return false;
        }
        String operation = call.path("operation").asText("");
        int signature = operation.indexOf('(');
        String name = signature < 0 ? operation : operation.substring(0, signature);
        return LOOKING_OPERATIONS.contains(name) || LOOKING_VERBS.stream().anyMatch(verb -> name.startsWith(verb)
                && (name.length() == verb.length() || Character.isUpperCase(name.charAt(verb.length()))));
    }

    private Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(json.readTree(body)).filter(node -> node.isObject() || node.isArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<JsonNode> calls(JsonNode posted) {
        return posted.isArray() ? StreamSupport.stream(posted.spliterator(), false).toList() : List.of(posted);
    }

    /** The Jolokia path of a GET: the {@code p} parameter, or what follows the endpoint in the URI. */
    private String getPath(HttpServletRequest request) {
        String p = request.getParameter("p");
        if (p != null) {
            return p;
        }
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.startsWith(endpointPath) ? uri.substring(endpointPath.length()) : uri;
        return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Reads type, MBean and operation from a GET path such as {@code /exec/<mbean>/<operation>/<args>}. */
    private JsonNode fromPath(String path) {
        List<String> parts = segments(path);
        ObjectNode call = json.createObjectNode();
        call.put("type", parts.isEmpty() ? "version" : parts.get(0));
        if (parts.size() > 1) {
            call.put("mbean", parts.get(1));
        }
        if (parts.size() > 2) {
            call.put("operation", parts.get(2));
        }
        return call;
    }

    /** Splits a Jolokia path on {@code /}; {@code !/} is an escaped slash and {@code !!} an escaped {@code !}. */
    static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '!' && i + 1 < path.length()) {
                part.append(path.charAt(++i));
            } else if (c == '/') {
                if (!part.isEmpty()) {
                    parts.add(part.toString());
                }
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private void refuse(HttpServletResponse response, boolean bulk, List<JsonNode> calls) throws IOException {
        List<JsonNode> answers = calls.isEmpty() ? List.of(json.createObjectNode()) : calls;
        ArrayNode errors = json.createArrayNode();
        for (JsonNode call : answers) {
            ObjectNode error = errors.addObject();
            error.set("request", call);
            error.put("status", HttpServletResponse.SC_FORBIDDEN);
            error.put("error_type", SecurityException.class.getName());
            error.put("error", onlyLooks(call)
                    ? "Not run: it came in one bulk request with a change that needs the operator role"
                    : "Refused: " + describe(call) + " changes the hub and needs the operator role");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), bulk ? errors : errors.get(0));
    }

    private static String describe(JsonNode call) {
        String type = call.path("type").asText("an unreadable request");
        String operation = call.path("operation").asText("");
        return operation.isEmpty() ? type : type + " " + operation + " on " + call.path("mbean").asText("?");
    }
}
