package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The AsyncAPI document is what a timing company writes its producer from: it must say what the code does. Each
 * check names the topic and the field that disagree, so whoever changes a record or the document sees what to fix.
 */
class AsyncApiContractTest {

    /** The record each topic carries, as its producers send it and its consumers read it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.of(
            Topics.RACES, RaceEvent.class,
            Topics.ENTRIES, EntryEvent.class,
            Topics.COURSES, CourseEvent.class,
            Topics.CHIP_READS, ChipRead.class,
            Topics.RUNNER_TIMINGS, RunnerTiming.class,
            Topics.PAST_RESULTS, PastResults.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml is not among race-events' resources");
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyTopicHasAChannelAndEveryChannelATopic() {
        Set<String> topics = topicNames();
        assertEquals(topics, RECORDS.keySet(), "every topic of Topics needs its record in this test");
        Set<String> addresses = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        document.path("channels").fields().forEachRemaining(channel -> {
            String address = channel.getValue().path("address").asText(null);
            addresses.add(address);
            if (!topics.contains(address)) {
                problems.add("channel " + channel.getKey() + ": address " + address + " is no topic of Topics");
            }
        });
        topics.stream().filter(topic -> !addresses.contains(topic))
                .forEach(topic -> problems.add(topic + ": no channel has this address"));
        assertEquals(List.of(), problems);
    }

    @TestFactory
    Stream<DynamicTest> eachTopicIsProducedAndConsumed() {
        return RECORDS.keySet().stream().sorted().map(topic -> dynamicTest(topic, () -> {
            Set<String> actions = new TreeSet<>();
            document.path("operations").forEach(operation -> {
                JsonNode channel = resolve(operation.path("channel"));
                if (topic.equals(channel.path("address").asText())) {
                    actions.add(operation.path("action").asText());
                }
            });
            assertEquals(Set.of("receive", "send"), actions,
                    topic + ": operations should say who sends and who receives");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachMessageSchemaIsItsRecord() {
        return RECORDS.keySet().stream().sorted().map(topic -> dynamicTest(topic, () -> {
            for (JsonNode message : messages(topic)) {
                assertEquals("string", message.at("/bindings/kafka/key/type").asText(null),
                        topic + ": the message's Kafka key is not described as a string");
                assertEquals(List.of(), disagreements(topic, "", resolve(message.path("payload")), RECORDS.get(topic)));
            }
        }));
    }

    /** Without this the other checks could pass by never looking. */
    @Test
    void aFieldMissingFromTheDocumentIsNamed() {
        ObjectNode schema = resolve(messages(Topics.CHIP_READS).get(0).path("payload")).deepCopy();
        ((ObjectNode) schema.path("properties")).remove("sequence");
        ((ObjectNode) schema.path("properties")).putObject("lap").put("type", "integer");
        assertEquals(List.of("chip-reads: field sequence is in ChipRead but not in the document",
                        "chip-reads: field lap is in the document but not in ChipRead"),
                disagreements(Topics.CHIP_READS, "", schema, ChipRead.class));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsReadAndUsed() {
        return RECORDS.keySet().stream().sorted().map(topic -> dynamicTest(topic, () -> {
            Class<? extends Record> type = RECORDS.get(topic);
            for (JsonNode message : messages(topic)) {
                JsonNode schema = resolve(message.path("payload"));
                assertFalse(message.path("examples").isEmpty(), topic + ": the message has no example");
                for (JsonNode example : message.path("examples")) {
                    String name = topic + " example " + example.path("name").asText();
                    JsonNode payload = example.path("payload");
                    assertNull(refusal(type, payload), name + " is refused");
                    Record event = EventJson.read(JSON.writeValueAsString(payload), type);
                    for (String field : required(schema, payload)) {
                        assertNotNull(value(event, field), name + ": required field " + field + " reads as null");
                    }
                }
            }
        }));
    }

    /**
     * What the document requires, the code refuses without. Timing checks a chip read's fields with its own rules
     * (timing-service's ReadRules), which this module cannot reach: for chip-reads only the JSON reading is shared.
     */
    @TestFactory
    Stream<DynamicTest> anExampleWithoutARequiredFieldIsRefused() {
        return RECORDS.keySet().stream().filter(topic -> !topic.equals(Topics.CHIP_READS)).sorted()
                .map(topic -> dynamicTest(topic, () -> {
                    Class<? extends Record> type = RECORDS.get(topic);
                    for (JsonNode message : messages(topic)) {
                        JsonNode schema = resolve(message.path("payload"));
                        for (JsonNode example : message.path("examples")) {
                            for (String field : required(schema, example.path("payload"))) {
                                ObjectNode without = example.path("payload").deepCopy();
                                without.remove(field);
                                assertNotNull(refusal(type, without), topic + " example "
                                        + example.path("name").asText() + " is still taken without its required field "
                                        + field);
                            }
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedExampleIsRefused() {
        return RECORDS.keySet().stream().sorted().map(topic -> dynamicTest(topic, () -> {
            for (JsonNode message : messages(topic)) {
                for (JsonNode example : message.path("x-malformed-examples")) {
                    assertNotNull(refusal(RECORDS.get(topic), example.path("payload")),
                            topic + " malformed example " + example.path("name").asText() + " is taken by the code");
                }
            }
        }));
    }

    @Test
    void aReadTimeWithoutOffsetIsShownRefused() {
        List<String> shown = new ArrayList<>();
        messages(Topics.CHIP_READS).forEach(message -> message.path("x-malformed-examples")
                .forEach(example -> shown.add(example.path("payload").path("readTime").asText())));
        assertTrue(shown.stream().anyMatch(time -> time.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+")),
                "chip-reads: no malformed example shows a readTime without its offset");
    }

    /** @return why the code will not use the message, or null when it does */
    private static String refusal(Class<? extends Record> type, JsonNode payload) throws JsonProcessingException {
        Record event;
        try {
            event = EventJson.read(JSON.writeValueAsString(payload), type);
        } catch (EventJson.MalformedEventException e) {
            return e.getMessage();
        }
        return type == ChipRead.class ? null : EventCheck.problem(event);
    }

    private static List<String> disagreements(String topic, String path, JsonNode schema, Class<?> type) {
        List<String> problems = new ArrayList<>();
        Map<String, RecordComponent> components = new TreeMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(jsonName(component), component);
        }
        JsonNode properties = schema.path("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(component);
            if (!properties.has(name)) {
                problems.add(where(topic, path, name) + " is in " + type.getSimpleName() + " but not in the document");
            }
        }
        properties.fieldNames().forEachRemaining(name -> {
            if (!components.containsKey(name)) {
                problems.add(where(topic, path, name) + " is in the document but not in " + type.getSimpleName());
            }
        });
        Set<String> alwaysRequired = names(schema.path("required"));
        Set<String> required = new TreeSet<>(alwaysRequired);
        required.addAll(names(schema.at("/then/required")));
        required.stream().filter(name -> !components.containsKey(name))
                .forEach(name -> problems.add(where(topic, path, name) + " is required but is no field of "
                        + type.getSimpleName()));
        components.forEach((name, component) -> {
            if (properties.has(name)) {
                // Jackson writes every field, null ones too: producers send null where nothing requires a value
                boolean nullable = !component.getType().isPrimitive() && !alwaysRequired.contains(name);
                problems.addAll(typeDisagreements(topic, path + name, resolve(properties.path(name)),
                        component.getGenericType(), nullable));
            }
        });
        return problems;
    }

    /** @param nullable whether the producers may write null there, which the schema must then allow */
    private static List<String> typeDisagreements(String topic, String path, JsonNode schema, Type javaType,
                                                  boolean nullable) {
        Class<?> type = javaType instanceof ParameterizedType generic ? (Class<?>) generic.getRawType()
                : (Class<?>) javaType;
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText());
        }
        List<String> problems = new ArrayList<>();
        String where = where(topic, "", path);
        boolean allowsNull = types.remove("null");
        if (nullable && !allowsNull) {
            problems.add(where + " may be null (" + type.getSimpleName() + ", not required) but its type does not"
                    + " allow null");
        }
        String expected = jsonType(type);
        if (!Set.of(expected).equals(types)) {
            problems.add(where + " is " + types + " in the document but " + expected + " for "
                    + type.getSimpleName());
        }
        String format = jsonFormat(type);
        if (format != null && !format.equals(schema.path("format").asText(null))) {
            problems.add(where + " has format " + schema.path("format").asText(null) + " in the document but "
                    + format + " for " + type.getSimpleName());
        }
        if (type.isEnum()) {
            problems.addAll(enumDisagreements(where, schema, type, allowsNull));
        } else if (type.isRecord()) {
            problems.addAll(disagreements(topic, path + ".", schema, type));
        } else if (List.class.isAssignableFrom(type)) {
            Type item = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            problems.addAll(typeDisagreements(topic, path + "[]", resolve(schema.path("items")), item, false));
        }
        return problems;
    }

    private static List<String> enumDisagreements(String where, JsonNode schema, Class<?> type, boolean nullable) {
        Set<String> listed = new TreeSet<>();
        boolean nullListed = false;
        for (JsonNode value : schema.path("enum")) {
            if (value.isNull()) {
                nullListed = true;
            } else {
                listed.add(value.asText());
            }
        }
        Set<String> constants = new TreeSet<>();
        for (Object constant : type.getEnumConstants()) {
            constants.add(enumName((Enum<?>) constant));
        }
        List<String> problems = new ArrayList<>();
        if (!constants.equals(listed)) {
            problems.add(where + " lists " + listed + " in the document but " + type.getSimpleName() + " has "
                    + constants);
        }
        if (nullable != nullListed) {
            problems.add(where + (nullable ? " allows null but its enum does not list it"
                    : " lists null in its enum but its type does not allow it"));
        }
        return problems;
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type.isEnum() || type == Instant.class || type == OffsetDateTime.class) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        // EventJson writes a Duration as seconds
        if (type == double.class || type == Double.class || type == Duration.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord()) {
            return "object";
        }
        return "no JSON type known for " + type.getName();
    }

    private static String jsonFormat(Class<?> type) {
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "date-time";
        }
        if (type == int.class || type == Integer.class) {
            return "int32";
        }
        return type == long.class || type == Long.class ? "int64" : null;
    }

    /** The fields an example must carry: always required, or required by a condition the example meets. */
    private static Set<String> required(JsonNode schema, JsonNode payload) {
        Set<String> required = new LinkedHashSet<>(names(schema.path("required")));
        JsonNode condition = schema.path("if");
        if (!condition.isMissingNode()) {
            boolean met = names(condition.path("required")).stream().allMatch(payload::has);
            var constants = condition.path("properties").fields();
            while (constants.hasNext()) {
                var constant = constants.next();
                met &= constant.getValue().path("const").equals(payload.path(constant.getKey()));
            }
            if (met) {
                required.addAll(names(schema.at("/then/required")));
            }
        }
        return required;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Object value(Record event, String jsonName) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (jsonName(component).equals(jsonName)) {
                try {
                    Object value = component.getAccessor().invoke(event);
                    // a primitive left out reads as 0, which no required number means
                    return value instanceof Number number && number.longValue() == 0 ? null : value;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fail(event.getClass().getSimpleName() + " has no field " + jsonName);
    }

    /** The name Jackson writes: a {@code @JsonProperty} on a component reaches its accessor. */
    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    private static String enumName(Enum<?> constant) {
        try {
            JsonProperty renamed = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? constant.name() : renamed.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(String topic, String path, String field) {
        return topic + ": field " + path + field;
    }

    private static Set<String> topicNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** The messages of the channel whose address is the topic. */
    private static List<JsonNode> messages(String topic) {
        List<JsonNode> messages = new ArrayList<>();
        document.path("channels").forEach(channel -> {
            if (topic.equals(channel.path("address").asText())) {
                channel.path("messages").forEach(message -> messages.add(resolve(message)));
            }
        });
        assertFalse(messages.isEmpty(), topic + ": no channel with this address carries a message");
        return messages;
    }

    /** Follows a local {@code $ref}, as the document uses between its parts. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = document.at(ref.substring(1));
        assertFalse(target.isMissingNode(), "the document refers to " + ref + ", which it does not hold");
        return resolve(target);
    }
}
