package cn.keyida.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live index made from an older definition: one that lacks the event fields and still has phrase
 * shingles on the title's character field. The app adds the missing fields at start; the changed
 * subfield, which Elasticsearch cannot change in place, must not stop that.
 */
@QuarkusTest
class IndexUpgradeTest {

    static final String ALIAS = "keyida-test-upgrade";
    static final String INDEX = ALIAS + "-old";

    @Inject
    ElasticsearchClient client;

    @Inject
    SearchConfig config;

    @AfterEach
    void deleteIndex() throws Exception {
        client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    @Test
    void theMissingFieldsAreAddedAndAChangedSubfieldKeepsItsOldForm() throws Exception {
        JsonObject current;
        try (InputStream in = IndexAdmin.class.getResourceAsStream("/search/content-index.json")) {
            current = Json.createReader(in).readObject();
        }
        JsonObject properties = current.getJsonObject("mappings").getJsonObject("properties");
        var old = Json.createObjectBuilder(properties).remove("startsAt").remove("endsAt");
        JsonObject title = properties.getJsonObject("title");
        JsonObject titleFields = title.getJsonObject("fields");
        old.add("title", Json.createObjectBuilder(title).add("fields", Json.createObjectBuilder(titleFields)
                .add("std", Json.createObjectBuilder(titleFields.getJsonObject("std")).add("index_phrases", true))));
        String definition = Json.createObjectBuilder(current)
                .add("mappings", Json.createObjectBuilder(current.getJsonObject("mappings")).add("properties", old))
                .build().toString();
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(definition)).aliases(ALIAS, a -> a));

        IndexAdmin admin = new IndexAdmin(client, withAlias(ALIAS));
        assertThat(admin.outdated()).as("an index without the definition's fingerprint").isTrue();
        assertThat(admin.addNewFields()).containsExactly("endsAt", "startsAt");
        assertThat(admin.addNewFields()).isEmpty();

        Map<String, ?> live = client.indices().getMapping(g -> g.index(INDEX)).get(INDEX).mappings().properties();
        assertThat(live).containsKeys("startsAt", "endsAt");
        var std = client.indices().getMapping(g -> g.index(INDEX)).get(INDEX).mappings().properties().get("title")
                .text().fields().get("std").text();
        assertThat(std.indexPhrases()).as("a changed subfield waits for ./portal reindex").isTrue();
    }

    @Test
    void anIndexMadeFromThisBuildsDefinitionIsCurrentAndOneMadeFromAnotherIsOutdated() throws Exception {
        IndexAdmin admin = new IndexAdmin(client, withAlias(ALIAS));
        assertThat(admin.outdated()).as("no index yet: the first start makes one").isFalse();
        String made = admin.createVersionedIndex();
        try {
            admin.switchAlias(made, Set.of());
            assertThat(admin.outdated()).isFalse();
            client.indices().putMapping(p -> p.index(made).meta(IndexAdmin.FINGERPRINT, JsonData.of("an older definition")));
            assertThat(admin.outdated()).isTrue();
        } finally {
            client.indices().delete(d -> d.index(made));
        }
    }

    /** The app's search settings with another alias, so this test never touches the tests' index. */
    private SearchConfig withAlias(String alias) {
        return (SearchConfig) Proxy.newProxyInstance(SearchConfig.class.getClassLoader(), new Class<?>[] {SearchConfig.class},
                (proxy, method, args) -> method.getName().equals("alias") ? alias : method.invoke(config, args));
    }
}
