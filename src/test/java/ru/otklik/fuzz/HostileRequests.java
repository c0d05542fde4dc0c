package ru.otklik.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import ru.otklik.fuzz.OpenApiOperations.Operation;
import ru.otklik.fuzz.OpenApiOperations.Parameter;

/**
 * Makes one hostile request for an operation: a well-formed request built from the operation's schema, with
 * one part of it (a path or query parameter, a body field, or the whole body) replaced by a hostile value.
 */
final class HostileRequests {

    /** A request to send; {@code body} is null for none. */
    record Request(String method, String target, String contentType, String body, String mutation) {

        String describe() {
            String shown = body == null ? "" : " body=" + (body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body);
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " [" + mutation + "]" + shown;
        }
    }

    /** Ids no row has, so that a well-formed request changes nothing it should not (the admin user, say). */
    private static final long NO_SUCH_ID = 987654321L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BROKEN_BODIES = List.of("", "{", "[", "not json", "{\"a\":}", "[1,]",
            "{\"a\":1}{\"b\":2}", "\u0000", "{\"\u0000\":1}");

    private final OpenApiOperations document;
    private final MalformedValues values;

    HostileRequests(OpenApiOperations document, MalformedValues values) {
        this.document = document;
        this.values = values;
    }

    Request next(Operation op, Random random) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            String valid = p.in().equals("path") ? pathSample(p) : textSample(p.schema(), random);
            (p.in().equals("path") ? pathValues : queryValues).put(p.name(), valid);
        }
        JsonNode body = op.bodySchema() == null ? null : sample(op.bodySchema(), random, 0);
        String rawBody = null;
        String contentType = op.mediaType();
        String mutation;

        List<String> kinds = new ArrayList<>();
        if (!pathValues.isEmpty()) {
            kinds.add("path");
        }
        if (!queryValues.isEmpty()) {
            kinds.add("query");
            kinds.add("all-queries");
            kinds.add("all-queries");
        }
        if (body != null) {
            kinds.add("body-field");
            kinds.add("body-field");
            kinds.add("whole-body");
        }
        if (kinds.isEmpty()) {
            kinds.add("query"); // an operation without parameters still gets an unknown hostile one
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        switch (kind) {
            case "path" -> {
                String name = pick(pathValues, random);
                pathValues.put(name, values.text(random));
                mutation = "path " + name;
            }
            case "query" -> {
                String name = queryValues.isEmpty() ? "fuzz" : pick(queryValues, random);
                queryValues.put(name, values.text(random));
                mutation = "query " + name;
            }
            case "all-queries" -> {
                List<String> names = new ArrayList<>(queryValues.keySet());
                java.util.Collections.shuffle(names, random);
                names.stream().limit(3).forEach(name -> queryValues.put(name, values.text(random)));
                mutation = "several query parameters";
            }
            case "body-field" -> {
                String hostile = values.json(random);
                String where = replaceSomewhere(body, hostile, random);
                if (where == null) {
                    rawBody = hostile;
                    mutation = "whole body";
                } else {
                    mutation = "body " + where;
                }
            }
            default -> {
                int choice = random.nextInt(3);
                rawBody = choice == 0 ? BROKEN_BODIES.get(random.nextInt(BROKEN_BODIES.size())) : values.json(random);
                if (choice == 2) {
                    contentType = random.nextBoolean() ? "text/plain" : "application/xml";
                }
                mutation = "whole body" + (choice == 2 ? " as " + contentType : "");
            }
        }
        if (body != null && rawBody == null) {
            rawBody = encode(body, op.mediaType());
        }
        return new Request(op.method(), target(op.path(), pathValues, queryValues), contentType, rawBody, mutation);
    }

    private static String pick(Map<String, String> map, Random random) {
        return new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
    }

    private static String target(String path, Map<String, String> pathValues, Map<String, String> queryValues) {
        String resolved = path;
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            resolved = resolved.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        queryValues.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return resolved + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(JsonNode body, String mediaType) {
        if ("application/x-www-form-urlencoded".equals(mediaType) && body.isObject()) {
            StringJoiner form = new StringJoiner("&");
            body.fields().forEachRemaining(f -> form.add(encode(f.getKey()) + "=" + encode(f.getValue().isTextual()
                    ? f.getValue().asText() : f.getValue().toString())));
            return form.toString();
        }
        return body.toString();
    }

    /** Replaces one value somewhere in the tree by raw hostile JSON; returns where, or null for the root. */
    private static String replaceSomewhere(JsonNode root, String hostile, Random random) {
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        if (pointers.isEmpty()) {
            return null;
        }
        String pointer = pointers.get(random.nextInt(pointers.size()));
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        JsonNode raw = NODES.rawValueNode(new RawValue(hostile));
        if (parent instanceof ObjectNode object) {
            object.set(last, raw);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), raw);
        }
        return pointer;
    }

    private static void collect(JsonNode node, String pointer, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String child = pointer + "/" + f.getKey();
                into.add(child);
                collect(f.getValue(), child, into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    private String pathSample(Parameter p) {
        String type = p.schema().path("type").asText("string");
        return type.equals("integer") || type.equals("number") ? Long.toString(NO_SUCH_ID) : "fuzz-no-such-" + p.name();
    }

    private String textSample(JsonNode schema, Random random) {
        JsonNode sample = sample(schema, random, 0);
        return sample.isTextual() ? sample.asText() : sample.toString();
    }

    /** A well-formed value for a schema, so that one hostile part reaches code past the parser. */
    JsonNode sample(JsonNode schemaNode, Random random, int depth) {
        JsonNode schema = document.resolve(schemaNode);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return sample(schema.get(combinator).get(0), random, depth);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer" -> NODES.numberNode(1 + random.nextInt(5));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(sample(schema.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    schema.path("properties").fields().forEachRemaining(
                            f -> object.set(f.getKey(), sample(f.getValue(), random, depth + 1)));
                }
                yield object;
            }
            default -> NODES.textNode(switch (schema.path("format").asText("")) {
                case "date-time" -> "2026-11-20T10:00:00Z";
                case "date" -> "2026-11-20";
                case "uri", "url" -> "http://127.0.0.1:9/fuzz";
                case "int64", "int32" -> "3";
                default -> "fuzz-" + Long.toHexString(random.nextLong() & 0xffffffL);
            });
        };
    }
}
