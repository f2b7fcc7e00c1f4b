package cn.keyida.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine here: check what can be checked of the production files. */
class DockerFilesTest {

    static final Path DOCKER = Path.of("docker");

    @Test
    void composeFileParsesAndEveryReferencedFileExists() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
        JsonNode services = compose.get("services");
        assertThat(services.fieldNames()).toIterable().contains("postgres", "elasticsearch", "keycloak", "app");

        List<Path> referenced = new ArrayList<>();
        services.forEach(service -> {
            JsonNode build = service.get("build");
            if (build != null) {
                Path context = DOCKER.resolve(build.isTextual() ? build.asText() : build.get("context").asText());
                referenced.add(context);
                String dockerfile = build.isObject() && build.has("dockerfile") ? build.get("dockerfile").asText()
                        : "Dockerfile";
                referenced.add(context.resolve(dockerfile));
            }
            JsonNode volumes = service.get("volumes");
            if (volumes != null) {
                volumes.forEach(v -> {
                    String source = v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText();
                    if (source.startsWith(".")) {
                        referenced.add(DOCKER.resolve(source));
                    }
                });
            }
        });
        assertThat(referenced).isNotEmpty().allSatisfy(p -> assertThat(p).exists());
        assertThat(referenced).contains(DOCKER.resolve("./keycloak/keyida-realm.json"));
    }

    @Test
    void scaleOutOverlayHasTwoInstancesAThreeNodeClusterAndReplicas() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.scale.yaml").toFile())
                .get("services");
        assertThat(services.fieldNames()).toIterable().contains("elasticsearch", "es2", "es3", "app", "app2", "lb");
        for (String node : List.of("elasticsearch", "es2", "es3")) {
            JsonNode env = services.get(node).get("environment");
            assertThat(env.get("discovery.seed_hosts").asText()).isEqualTo("elasticsearch,es2,es3");
            assertThat(env.get("node.name").asText()).isEqualTo(node);
        }
        for (String app : List.of("app", "app2")) {
            JsonNode env = services.get(app).get("environment");
            assertThat(env.get("QUARKUS_ELASTICSEARCH_HOSTS").asText()).isEqualTo("elasticsearch:9200,es2:9200,es3:9200");
            assertThat(env.get("PORTAL_SEARCH_REPLICAS").asText()).isEqualTo("1");
        }
        // the same topology the local fault suite (./portal chaos, in scripts/ops.sh) runs and attacks
        assertThat(Files.readString(Path.of("scripts/ops.sh"))).contains("-Dportal.search.replicas=1", "cluster.initial_master_nodes");
    }

    @Test
    void keycloakRealmIsTheOneTheLocalStackImports() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(DOCKER.resolve("keycloak/keyida-realm.json").toFile());
        assertThat(realm.get("realm").asText()).isEqualTo("keyida");
        List<String> roles = new ArrayList<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asText()));
        assertThat(roles).contains("enterprise", "staff", "supervisor", "admin");
        assertThat(Files.readString(Path.of("portal"))).contains("docker/keycloak/keyida-realm.json");
    }

    @Test
    void productionElasticsearchImageHasTheSameAnalyzerNames() throws Exception {
        assertThat(Files.readString(DOCKER.resolve("elasticsearch/Dockerfile")))
                .contains("elasticsearch:9.2", "analysis-smartcn");
        assertThat(Files.readString(DOCKER.resolve(
                "elasticsearch/smartcn-plugin/src/main/plugin-metadata/named_components.json")))
                .contains("\"smartcn\"", "\"smartcn_tokenizer\"", "\"smartcn_stop\"");
    }
}
