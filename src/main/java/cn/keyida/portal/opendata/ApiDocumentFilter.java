package cn.keyida.portal.opendata;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The OpenAPI document describes the JSON API under /api/. Pages and forms are for browsers, and
 * feeds, the sitemap and OpenSearch are standard formats found by their links: listed, they were 55
 * of 62 paths and brought the template engine's internal types (TemplateInstance, EngineImpl...)
 * in as 24 of 37 schemas. Runs at build time, so the app also parses a smaller document at every start.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        List.copyOf(paths.getPathItems().keySet()).stream()
                .filter(path -> !path.startsWith("/api/"))
                .forEach(paths::removePathItem);
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        paths.getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .flatMap(ApiDocumentFilter::schemasOf)
                .forEach(schema -> collect(schema, schemas, used));
        List.copyOf(schemas.keySet()).stream()
                .filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static Stream<Schema> schemasOf(Operation operation) {
        Stream<Schema> parameters = each(operation.getParameters())
                .flatMap(p -> Stream.concat(Stream.ofNullable(p.getSchema()), schemasOf(p.getContent())));
        Stream<Schema> body = Stream.ofNullable(operation.getRequestBody()).flatMap(b -> schemasOf(b.getContent()));
        Stream<Schema> responses = Stream.ofNullable(operation.getResponses())
                .flatMap(r -> each(r.getAPIResponses())).flatMap(r -> schemasOf(r.getContent()));
        return Stream.of(parameters, body, responses).flatMap(s -> s);
    }

    private static Stream<Schema> schemasOf(Content content) {
        return Stream.ofNullable(content).flatMap(c -> each(c.getMediaTypes())).flatMap(m -> Stream.ofNullable(m.getSchema()));
    }

    /** Adds the names of the component schemas this schema refers to, directly or through others. */
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> used) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (used.add(name)) {
                collect(schemas.get(name), schemas, used);
            }
        }
        Stream.of(Stream.ofNullable(schema.getItems()), Stream.ofNullable(schema.getAdditionalPropertiesSchema()),
                        Stream.ofNullable(schema.getNot()), each(schema.getProperties()), each(schema.getAllOf()),
                        each(schema.getAnyOf()), each(schema.getOneOf()))
                .flatMap(s -> s)
                .forEach(s -> collect(s, schemas, used));
    }

    /** The model leaves absent lists and maps null. */
    private static <T> Stream<T> each(Collection<T> items) {
        return items == null ? Stream.empty() : items.stream();
    }

    private static <T> Stream<T> each(Map<String, T> items) {
        return items == null ? Stream.empty() : items.values().stream();
    }
}
