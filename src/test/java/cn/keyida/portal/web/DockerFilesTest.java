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
        assertThat(referenced).contains(DOCKER.resolve("./keycloak/keyida-realm-prod.json"));
    }

    /** Security #1: production imports its own realm, never the development one with demo users. */
    @Test
    void productionComposeImportsTheProductionRealmOnly() throws Exception {
        for (String file : List.of("compose.yaml", "compose.scale.yaml")) {
            JsonNode keycloak = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve(file).toFile())
                    .path("services").path("keycloak");
            List<String> mounts = new ArrayList<>();
            keycloak.path("volumes").forEach(v -> mounts.add(v.isTextual() ? v.asText() : v.path("source").asText()));
            assertThat(mounts).as(file).noneMatch(m -> m.contains("keyida-realm.json"));
            if (file.equals("compose.yaml")) {
                assertThat(keycloak.path("command").toString()).contains("--import-realm");
                assertThat(mounts).anyMatch(m -> m.startsWith("./keycloak/keyida-realm-prod.json:/opt/keycloak/data/import/"));
                // the realm's placeholders must be set in Keycloak's environment
                assertThat(keycloak.path("environment").fieldNames()).toIterable()
                        .contains("OIDC_CLIENT_SECRET", "PORTAL_BASE_URL", "PORTAL_SMTP_HOST");
            }
        }
        // the app side of PKCE and of the one exact redirect URI
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .contains("%prod.quarkus.oidc.authentication.pkce-required=true",
                        "%prod.quarkus.oidc.authentication.redirect-path=/login/start");
    }

    /** Security #1: what a penetration test found in the development realm must not be in production's. */
    @Test
    void productionRealmHasNoUsersNoPasswordGrantAndRequiresPkce() throws Exception {
        String text = Files.readString(DOCKER.resolve("keycloak/keyida-realm-prod.json"));
        JsonNode realm = new ObjectMapper().readTree(text);
        assertThat(realm.get("realm").asText()).isEqualTo("keyida");
        assertThat(realm.path("users")).isEmpty();
        assertThat(text).doesNotContain("demo1234", "portal-dev-secret", "localhost");

        JsonNode clients = realm.get("clients");
        assertThat(clients).isNotEmpty();
        clients.forEach(c -> {
            assertThat(c.path("directAccessGrantsEnabled").asBoolean()).as(c.get("clientId").asText()).isFalse();
            assertThat(c.path("implicitFlowEnabled").asBoolean()).isFalse();
            c.path("redirectUris").forEach(uri -> assertThat(uri.asText()).doesNotContain("*"));
            assertThat(c.path("attributes").path("post.logout.redirect.uris").asText()).doesNotContain("*", "+");
        });
        JsonNode portal = null;
        for (JsonNode c : clients) {
            if (c.get("clientId").asText().equals("portal")) {
                portal = c;
            }
        }
        assertThat(portal).isNotNull();
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(portal.path("secret").asText()).isEqualTo("${OIDC_CLIENT_SECRET}");
        List<String> redirects = new ArrayList<>();
        portal.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        assertThat(redirects).containsExactly("${PORTAL_BASE_URL}/login/start");
        // the built-in admin-cli is re-declared, so Keycloak does not create it with the password grant
        assertThat(clients.findValuesAsText("clientId")).contains("admin-cli");

        JsonNode local = new ObjectMapper().readTree(DOCKER.resolve("keycloak/keyida-realm.json").toFile());
        assertThat(realm.path("passwordPolicy").asText()).isNotBlank().contains("length(");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
        // Enterprises register themselves (verified e-mail first) and get the enterprise role only, from a default group.
        assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
        assertThat(realm.path("loginTheme").asText()).isEqualTo("keyida");
        assertThat(realm.path("defaultGroups").toString()).isEqualTo("[\"/enterprises\"]");
        assertThat(realm.path("groups").toString()).isEqualTo(local.path("groups").toString())
                .contains("\"realmRoles\":[\"enterprise\"]");
        assertThat(DOCKER.resolve("keycloak/themes/keyida/login/theme.properties")).exists();
        assertThat(realm.path("smtpServer").path("host").asText()).isNotBlank();

        // the app works with either realm: same roles, realm roles in realm_access.roles, audience portal
        assertThat(realm.get("roles")).isEqualTo(local.get("roles"));
        assertThat(portal.path("defaultClientScopes").toString()).contains("\"roles\"");
        assertThat(portal.path("protocolMappers").toString()).contains("oidc-audience-mapper",
                "\"included.client.audience\":\"portal\"");
        // security #7: a logout at Keycloak reaches the portal on the back channel
        assertThat(portal.path("frontchannelLogout").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo("${PORTAL_BASE_URL}/back-channel-logout");
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
        // security #8: the app requires its audience in access tokens (quarkus.oidc.token.audience)
        JsonNode portal = null;
        for (JsonNode client : realm.get("clients")) {
            portal = client.get("clientId").asText().equals("portal") ? client : portal;
        }
        assertThat(portal).isNotNull();
        assertThat(portal.path("protocolMappers").toString()).contains("oidc-audience-mapper",
                "\"included.client.audience\":\"portal\"", "\"access.token.claim\":\"true\"");
        // security #7: logouts reach the tests' app (port 8081) on the back channel
        assertThat(portal.path("frontchannelLogout").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo("http://localhost:8081/back-channel-logout");
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
