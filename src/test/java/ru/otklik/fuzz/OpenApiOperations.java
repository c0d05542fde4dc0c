package ru.otklik.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The operations of the service's own OpenAPI document, with what each takes: parameters and a body. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A parameter: where it goes (path or query), its name and its schema. */
    record Parameter(String in, String name, JsonNode schema) {
    }

    /** One operation; {@code mediaType} and {@code bodySchema} are null when it takes no body. */
    record Operation(String method, String path, List<Parameter> parameters, String mediaType, JsonNode bodySchema) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode resolved = resolve(p);
            String in = resolved.path("in").asText();
            if (in.equals("path") || in.equals("query")) {
                parameters.add(new Parameter(in, resolved.path("name").asText(), resolve(resolved.path("schema"))));
            }
        }
        JsonNode content = resolve(op.path("requestBody")).path("content");
        String mediaType = null;
        JsonNode schema = null;
        if (content.isObject() && content.size() > 0) {
            mediaType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            schema = resolve(content.path(mediaType).path("schema"));
        }
        return new Operation(method, path, parameters, mediaType, schema);
    }

    /** Follows a {@code $ref} into {@code components}; anything else is returned as it is. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
