package fr.pyramidesnoires.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fields (and enum values) of a manifest that its model class does not know. fabric8's and Strimzi's classes take any field into
 * an additionalProperties map rather than refusing it (the API server, not the client, is strict), so a misspelt
 * field (readinesProbe, minInsyncReplicas) would parse and then be dropped by the cluster: this walks the parsed
 * object and names every such field with its path.
 */
final class Strict {

    private final List<String> unknown = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private Strict() {
    }

    /**
     * One test per manifest of these kinds: its apiVersion is its model class's, and it reads into that class with no
     * field left unknown.
     */
    static Stream<DynamicTest> eachReadsInto(Map<String, Class<? extends HasMetadata>> models) {
        return Manifests.all().stream().filter(manifest -> models.containsKey(manifest.kind()))
                .map(manifest -> DynamicTest.dynamicTest(manifest.toString(), () -> {
                    Class<? extends HasMetadata> type = models.get(manifest.kind());
                    assertEquals(HasMetadata.getApiVersion(type), manifest.apiVersion(), manifest + "'s apiVersion");
                    assertEquals(List.of(), unknownFields(manifest.as(type)),
                            manifest + " has fields " + type.getName() + " lacks");
                }));
    }

    static List<String> unknownFields(Object model) {
        Strict strict = new Strict();
        strict.walk(model, "");
        return strict.unknown;
    }

    private void walk(Object value, String path) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                if (item == null) {
                    // an enum value the model does not know (an ACL operation misspelt) reads as null
                    unknown.add(path + "[" + index + "]");
                }
                walk(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(property, path + "." + propertyName(getter));
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api"))
                && !type.isEnum();
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && method.getReturnType() != void.class;
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // a derived getter that needs state a manifest does not give (none holds a manifest's field)
            return null;
        }
    }
}
