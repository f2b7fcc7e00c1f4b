package cn.keyida.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Creates versioned content indexes from {@code search/content-index.json} and moves the alias. */
@ApplicationScoped
class IndexAdmin {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final SearchConfig config;

    IndexAdmin(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
    }

    boolean aliasExists() throws IOException {
        return client.indices().existsAlias(e -> e.name(config.alias())).value();
    }

    /** Indexes the alias points at now (normally one). */
    Set<String> aliasedIndexes() throws IOException {
        if (!aliasExists()) {
            return Set.of();
        }
        return client.indices().getAlias(g -> g.name(config.alias())).aliases().keySet();
    }

    String createVersionedIndex() throws IOException {
        String name = config.alias() + "-" + LocalDateTime.now().format(VERSION);
        // The definition's fingerprint goes into the mapping's metadata, so a later build sees that the index was
        // made from another definition ({@link #outdated}).
        jakarta.json.JsonObject definition = readDefinition();
        String body = jakarta.json.Json.createObjectBuilder(definition)
                .add("mappings", jakarta.json.Json.createObjectBuilder(definition.getJsonObject("mappings"))
                        .add("_meta", jakarta.json.Json.createObjectBuilder().add(FINGERPRINT, fingerprint())))
                .build().toString();
        client.indices().create(c -> c.index(name).withJson(new java.io.StringReader(body)));
        if (config.replicas() > 0) {
            // A cluster of several nodes: each shard also lives on another node, so losing one loses nothing.
            client.indices().putSettings(p -> p.index(name)
                    .settings(s -> s.numberOfReplicas(String.valueOf(config.replicas()))));
        }
        Log.infof("Created search index %s", name);
        return name;
    }

    /** Points the alias at {@code index} alone, in one atomic request. */
    void switchAlias(String index, Set<String> previous) throws IOException {
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(index).alias(config.alias()).isWriteIndex(true)));
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(config.alias())));
            }
            return u;
        });
    }

    /** "-1" stops periodic refreshes (bulk loading), "1s" is the index definition's value. */
    void refreshInterval(String interval) throws IOException {
        client.indices().putSettings(p -> p.index(config.alias()).settings(s -> s.refreshInterval(t -> t.time(interval))));
    }

    /**
     * Merges the index into one segment after a bulk load: a search then visits one segment instead
     * of dozens (about 12 % less time per query at 100,000 records). Waits for the merge, in polls
     * shorter than the client's socket timeout.
     */
    void forceMerge(String index) throws IOException {
        String task = startForceMerge(index);
        while (task != null && !client.tasks().get(g -> g.taskId(task).waitForCompletion(true)
                .timeout(t -> t.time("20s"))).completed()) {
            Log.infof("Merging the segments of %s", index);
        }
    }

    /** Starts merging the index into one segment, as a task of Elasticsearch's that outlives this process. */
    String startForceMerge(String index) throws IOException {
        return client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false)).task();
    }

    /**
     * Adds the fields the definition gained since the index was created (mappings only grow: a new
     * field is accepted on a live index), so documents carrying them are not refused by the strict
     * mapping before the next reindex. Only fields the live index lacks are sent: a field whose definition
     * changed (an analyzer, a subfield) keeps its old form until {@code ./portal reindex}, and does not
     * stop the new ones from being added. Returns the names of the fields added.
     */
    Set<String> addNewFields() throws IOException {
        Set<String> live = new java.util.HashSet<>();
        client.indices().getMapping(g -> g.index(config.alias())).mappings()
                .forEach((index, mapping) -> live.addAll(mapping.mappings().properties().keySet()));
        jakarta.json.JsonObject properties = readDefinition().getJsonObject("mappings").getJsonObject("properties");
        var missing = jakarta.json.Json.createObjectBuilder();
        Set<String> added = new java.util.TreeSet<>();
        properties.forEach((name, field) -> {
            if (!live.contains(name)) {
                missing.add(name, field);
                added.add(name);
            }
        });
        if (!added.isEmpty()) {
            String mappings = jakarta.json.Json.createObjectBuilder().add("properties", missing).build().toString();
            client.indices().putMapping(p -> p.index(config.alias()).withJson(new java.io.StringReader(mappings)));
        }
        return added;
    }

    /** The key of the definition's fingerprint in the index mapping's {@code _meta}. */
    static final String FINGERPRINT = "definition";

    /**
     * Whether an index under the alias was made from another definition than this build's (a codec, an
     * analyzer, a subfield): those take effect with {@code ./portal reindex} only. False without an index.
     */
    boolean outdated() throws IOException {
        if (!aliasExists()) {
            return false;
        }
        String current = fingerprint();
        return client.indices().getMapping(g -> g.index(config.alias())).mappings().values().stream()
                .map(m -> m.mappings().meta() == null ? null : m.mappings().meta().get(FINGERPRINT))
                .anyMatch(made -> made == null || !current.equals(made.to(String.class)));
    }

    /** SHA-256 of the definition file, in hex. */
    static String fingerprint() {
        try (InputStream in = definition()) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(config.alias()));
    }

    private static jakarta.json.JsonObject readDefinition() throws IOException {
        try (InputStream in = definition()) {
            return jakarta.json.Json.createReader(in).readObject();
        }
    }

    private static InputStream definition() {
        InputStream in = IndexAdmin.class.getResourceAsStream("/search/content-index.json");
        if (in == null) {
            throw new UncheckedIOException(new IOException("search/content-index.json is missing"));
        }
        return in;
    }
}
