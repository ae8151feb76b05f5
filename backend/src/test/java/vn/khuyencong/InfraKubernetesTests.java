package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.InfraConfigurationTests.ROOT;
import static vn.khuyencong.InfraConfigurationTests.read;
import static vn.khuyencong.InfraConfigurationTests.variablesTheBackendReads;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Kubernetes cluster runs here, so the manifests of infra/k8s are checked by reading them: what the kustomization
 * applies, pinned images, the backend's probes, settings and secrets, the HPA, the Ingress, PostgreSQL's replica and
 * MinIO's four nodes.
 */
class InfraKubernetesTests {

    static final Path K8S = ROOT.resolve("infra/k8s");

    /** Variables whose values are credentials: they must come from a Secret, never from a ConfigMap or a literal. */
    static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY|USERNAME).*");

    static final List<String> REQUIRED = List.of(
            "KC_PUBLIC_URL",
            "KC_DB_URL",
            "KC_DB_USER",
            "KC_DB_PASSWORD",
            "KC_S3_ENDPOINT",
            "KC_S3_ACCESS_KEY",
            "KC_S3_SECRET_KEY",
            "KC_S3_BUCKET",
            "KC_S3_REGION",
            "KC_OIDC_ISSUER_URI",
            "KC_OIDC_JWK_SET_URI",
            "KC_OIDC_ROLES_CLAIM",
            "KC_OIDC_AUDIENCE");

    @SuppressWarnings("unchecked")
    static Map<String, Object> kustomization() throws IOException {
        return new Yaml().load(read("infra/k8s/kustomization.yaml"));
    }

    /** Every object the kustomization applies, in order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object file : (List<Object>) kustomization().get("resources")) {
            for (Object document : new Yaml().loadAll(read("infra/k8s/" + file))) {
                if (document != null) {
                    objects.add((Map<String, Object>) document);
                }
            }
        }
        return objects;
    }

    static List<Map<String, Object>> all(String kind) throws IOException {
        return objects().stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> one(String kind, String name) throws IOException {
        return all(kind).stream()
                .filter(o -> name.equals(map(o, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in infra/k8s"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (String key : path) {
            Object next = current.get(key);
            assertThat(next).as(key + " in " + current.keySet()).isInstanceOf(Map.class);
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(workload, "spec", "template", "spec");
    }

    static Map<String, Object> container(Map<String, Object> workload, String name) {
        return list(podSpec(workload), "containers").stream()
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    static Map<String, Object> backend() throws IOException {
        return one("Deployment", "backend");
    }

    /** Where each variable the backend container gets comes from: "configmap", "secret" or "literal". */
    static Map<String, String> backendEnvironment() throws IOException {
        Map<String, Object> container = container(backend(), "backend");
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container, "envFrom")) {
            if (from.containsKey("configMapRef")) {
                String name = String.valueOf(map(from, "configMapRef").get("name"));
                map(one("ConfigMap", name), "data").keySet().forEach(key -> sources.put(key, "configmap"));
            }
            if (from.containsKey("secretRef")) {
                String name = String.valueOf(map(from, "secretRef").get("name"));
                secretKeys(one("Secret", name)).forEach(key -> sources.put(key, "secret"));
            }
        }
        for (Map<String, Object> variable : list(container, "env")) {
            String name = String.valueOf(variable.get("name"));
            assertThat(sources).as(name + " set twice").doesNotContainKey(name);
            if (variable.containsKey("valueFrom")) {
                Map<String, Object> valueFrom = map(variable, "valueFrom");
                if (valueFrom.containsKey("secretKeyRef")) {
                    Map<String, Object> ref = map(valueFrom, "secretKeyRef");
                    assertThat(secretKeys(one("Secret", String.valueOf(ref.get("name")))))
                            .as(name + " refers to a key of its Secret")
                            .contains(String.valueOf(ref.get("key")));
                    sources.put(name, "secret");
                } else {
                    sources.put(name, "other");
                }
            } else {
                sources.put(name, "literal");
            }
        }
        return sources;
    }

    static Set<String> secretKeys(Map<String, Object> secret) {
        Set<String> keys = new TreeSet<>();
        Stream.of("stringData", "data")
                .filter(secret::containsKey)
                .forEach(k -> keys.addAll(map(secret, k).keySet()));
        return keys;
    }

    /** The variables of the README's Configuration table. */
    static Set<String> documentedVariables() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("## Configuration");
        String table = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\|").matcher(table);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String configValue(String name) throws IOException {
        return String.valueOf(map(one("ConfigMap", "backend-config"), "data").get(name));
    }

    @Test
    void theKustomizationAppliesEveryManifestOfTheFolderIntoOneNamespace() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.list(K8S)) {
            paths.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertThat(new TreeSet<Object>((List<?>) kustomization().get("resources")))
                .isEqualTo(files);
        assertThat(kustomization().get("namespace")).isEqualTo("khuyencong");
        assertThat(one("Namespace", "khuyencong")).isNotNull();
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> object : objects()) {
            if (Set.of("Deployment", "StatefulSet", "Job").contains(object.get("kind"))) {
                Map<String, Object> pod = podSpec(object);
                Stream.concat(list(pod, "initContainers").stream(), list(pod, "containers").stream())
                        .forEach(c -> images.add(String.valueOf(c.get("image"))));
            }
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(7).allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(image).matches("[^:]+:[\\w][\\w.-]*").doesNotEndWith(":latest");
        });
        assertThat(images).contains("khuyencong/backend:0.1.0", "khuyencong/minio:RELEASE.2026-08-04T00-00-00Z");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBackendRunsTwoReplicasProbedOnTheActuatorAsANonRootUser() throws IOException {
        Map<String, Object> backend = backend();
        assertThat((Integer) map(backend, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> container = container(backend, "backend");
        Object port = list(container, "ports").getFirst().get("name");
        Object number = list(container, "ports").getFirst().get("containerPort");
        assertThat(number).isEqualTo(Integer.valueOf(configValue("SERVER_PORT")));
        Map<String, Object> readiness = map(container, "readinessProbe", "httpGet");
        Map<String, Object> liveness = map(container, "livenessProbe", "httpGet");
        assertThat(readiness.get("path")).isEqualTo("/actuator/health/readiness");
        assertThat(liveness.get("path")).isEqualTo("/actuator/health/liveness");
        assertThat(List.of(readiness.get("port"), liveness.get("port")))
                .allSatisfy(p -> assertThat(p).isIn(port, number));
        assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat(map(container, "resources", "limits")).containsKey("memory");
        Map<String, Object> pod = map(podSpec(backend), "securityContext");
        assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) pod.get("runAsUser")).isPositive();
        Map<String, Object> security = map(container, "securityContext");
        assertThat(security.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(security.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<String>) map(security, "capabilities").get("drop")).contains("ALL");
        // the image's user is the one the pod names
        assertThat(read("infra/backend.Dockerfile")).contains("--uid " + pod.get("runAsUser"));
    }

    @Test
    void theBackendGetsOnlyDocumentedSettingsAndEveryOneItReads() throws IOException {
        Map<String, String> environment = backendEnvironment();
        assertThat(documentedVariables()).containsAll(environment.keySet());
        assertThat(environment.keySet()).containsAll(REQUIRED).containsAll(variablesTheBackendReads());
        assertThat(environment).doesNotContainValue("other");
    }

    @Test
    void passwordsAndKeysComeFromSecretsWithPlaceholderValues() throws IOException {
        Map<String, String> environment = backendEnvironment();
        Set<String> credentials = new TreeSet<>(environment.keySet().stream()
                .filter(n -> CREDENTIAL.matcher(n).matches())
                .toList());
        assertThat(credentials).contains("KC_DB_PASSWORD", "KC_S3_ACCESS_KEY", "KC_S3_SECRET_KEY", "KC_MAIL_PASSWORD");
        credentials.forEach(name -> assertThat(environment.get(name)).as(name).isEqualTo("secret"));
        for (Map<String, Object> secret : all("Secret")) {
            assertThat(secret).as("real values are never committed").doesNotContainKey("data");
            map(secret, "stringData")
                    .values()
                    .forEach(value -> assertThat(String.valueOf(value)).startsWith("REPLACE-ME"));
        }
        assertThat(read("infra/k8s/secrets.yaml")).contains("MUST be replaced");
    }

    @Test
    void anHpaScalesTheBackendDeployment() throws IOException {
        Map<String, Object> hpa = all("HorizontalPodAutoscaler").stream()
                .filter(h -> "backend".equals(map(h, "spec", "scaleTargetRef").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no HPA targets the backend"));
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(hpa, "spec", "scaleTargetRef").get("kind")).isEqualTo("Deployment");
        assertThat((Integer) map(hpa, "spec").get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) map(hpa, "spec").get("maxReplicas"))
                .isGreaterThan((Integer) map(hpa, "spec").get("minReplicas"));
    }

    @Test
    void theIngressSendsTheApiToTheBackendServicePortAndTheRestToTheWebApp() throws IOException {
        Map<String, Object> ingress = one("Ingress", "khuyencong");
        Map<String, Object> service = one("Service", "backend");
        assertThat(map(service, "spec", "selector")).isEqualTo(map(backend(), "spec", "selector", "matchLabels"));
        Map<String, Object> servicePort = list(map(service, "spec"), "ports").getFirst();
        Map<String, Object> containerPort =
                list(container(backend(), "backend"), "ports").getFirst();
        assertThat(servicePort.get("targetPort")).isIn(containerPort.get("name"), containerPort.get("containerPort"));

        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        for (Map<String, Object> rule : list(map(ingress, "spec"), "rules")) {
            for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                routes.put(String.valueOf(path.get("path")), map(path, "backend", "service"));
            }
        }
        for (String path : List.of("/api", "/actuator/health")) {
            assertThat(routes).containsKey(path);
            assertThat(routes.get(path).get("name")).as(path).isEqualTo("backend");
            assertThat(map(routes.get(path), "port").get("number")).as(path).isEqualTo(servicePort.get("port"));
        }
        assertThat(routes.get("/").get("name")).isEqualTo("web");
        Map<String, Object> web =
                list(map(one("Service", "web"), "spec"), "ports").getFirst();
        assertThat(map(routes.get("/"), "port").get("number")).isEqualTo(web.get("port"));

        // a whole document (KC_DOCUMENTS_MAX_FILE_SIZE) fits in one request
        String bodySize = String.valueOf(
                map(ingress, "metadata", "annotations").get("nginx.ingress.kubernetes.io/proxy-body-size"));
        assertThat(megabytes(bodySize)).isGreaterThanOrEqualTo(megabytes(configValue("KC_DOCUMENTS_MAX_FILE_SIZE")));
    }

    /** A setting of infra/clamav/clamd.conf, e.g. {@code StreamMaxLength}. */
    static String clamdSetting(String name) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(read("infra/clamav/clamd.conf"));
        assertThat(m.find()).as(name + " in clamd.conf").isTrue();
        return m.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void clamdScansEveryUploadWholeAndOnlyTheBackendReachesIt() throws IOException {
        assertThat(configValue("KC_CLAMAV_ENABLED")).isEqualTo("true");
        Map<String, Object> service = one("Service", configValue("KC_CLAMAV_HOST"));
        assertThat(list(map(service, "spec"), "ports").getFirst().get("port"))
                .isEqualTo(Integer.valueOf(configValue("KC_CLAMAV_PORT")));
        Map<String, Object> clamav = one("Deployment", "clamav");
        assertThat(map(service, "spec", "selector")).isEqualTo(map(clamav, "spec", "selector", "matchLabels"));
        assertThat((Integer) map(clamav, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
        // the same settings as the compose stack's
        assertThat(map(one("ConfigMap", "clamav-config"), "data").get("clamd.conf"))
                .isEqualTo(read("infra/clamav/clamd.conf"));
        assertThat(clamdSetting("TCPSocket")).isEqualTo(configValue("KC_CLAMAV_PORT"));
        assertThat(megabytes(clamdSetting("StreamMaxLength")))
                .isGreaterThan(megabytes(configValue("KC_DOCUMENTS_MAX_FILE_SIZE")));
        assertThat(clamdSetting("ScanArchive")).isEqualTo("yes");
        assertThat(clamdSetting("AlertExceedsMax")).isEqualTo("yes");
        Map<String, Object> container = container(clamav, "clamav");
        assertThat(map(container, "securityContext").get("readOnlyRootFilesystem"))
                .isEqualTo(true);
        assertThat(map(podSpec(clamav), "securityContext").get("runAsNonRoot")).isEqualTo(true);
        // clamd has no authentication: the backend's pods only
        Map<String, Object> policy = one("NetworkPolicy", "clamav");
        assertThat(map(policy, "spec", "podSelector", "matchLabels"))
                .isEqualTo(map(clamav, "spec", "selector", "matchLabels"));
        Map<String, Object> from =
                list(list(map(policy, "spec"), "ingress").getFirst(), "from").getFirst();
        assertThat(map(from, "podSelector", "matchLabels"))
                .isEqualTo(map(backend(), "spec", "selector", "matchLabels"));
    }

    static long megabytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)\\s*(m|mb)").matcher(size);
        assertThat(m.matches()).as(size).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void minioRunsFourNodesInDistributedMode() throws IOException {
        Map<String, Object> minio = one("StatefulSet", "minio");
        int replicas = (Integer) map(minio, "spec").get("replicas");
        assertThat(replicas).isEqualTo(4);
        assertThat(map(minio, "spec").get("podManagementPolicy")).isEqualTo("Parallel");
        String serviceName = String.valueOf(map(minio, "spec").get("serviceName"));
        Map<String, Object> headless = one("Service", serviceName);
        assertThat(map(headless, "spec").get("clusterIP")).isEqualTo("None");
        Map<String, Object> container = container(minio, "minio");
        List<Object> arguments = new ArrayList<>();
        Stream.of("command", "args")
                .map(container::get)
                .filter(Objects::nonNull)
                .forEach(a -> arguments.addAll((List<?>) a));
        assertThat(arguments).contains("server");
        // every node named by the pod names the StatefulSet gives, in the namespace the kustomization sets
        String expected = "http://minio-{0..." + (replicas - 1) + "}." + serviceName + "."
                + kustomization().get("namespace") + ".svc.cluster.local/data";
        assertThat(arguments).contains(expected);
        assertThat(list(map(minio, "spec"), "volumeClaimTemplates")).isNotEmpty();
        // the backend talks to MinIO through a Service of these pods
        String host = URI.create(configValue("KC_S3_ENDPOINT")).getHost();
        assertThat(map(one("Service", host), "spec", "selector"))
                .isEqualTo(map(minio, "spec", "selector", "matchLabels"));
    }

    @Test
    void postgresHasAPrimaryAndAStreamingReplicaBootstrappedFromIt() throws IOException {
        Map<String, Object> primary = one("StatefulSet", "postgres-primary");
        Map<String, Object> replica = one("StatefulSet", "postgres-replica");
        assertThat((Integer) map(replica, "spec").get("replicas")).isGreaterThanOrEqualTo(1);
        // the backend writes to the primary
        String jdbc = configValue("KC_DB_URL");
        String host = URI.create(jdbc.substring("jdbc:".length())).getHost();
        assertThat(map(one("Service", host), "spec", "selector"))
                .isEqualTo(map(primary, "spec", "selector", "matchLabels"));
        // the replica is made by a base backup of that same primary, and stays a standby of it (-R)
        String bootstrap = String.join(
                " ",
                list(podSpec(replica), "initContainers").stream()
                        .flatMap(c -> Stream.of("command", "args").map(c::get).filter(Objects::nonNull))
                        .flatMap(a -> ((List<?>) a).stream())
                        .map(String::valueOf)
                        .toList());
        assertThat(bootstrap).contains("pg_basebackup").contains("-h " + host).contains("-R");
        assertThat(container(primary, "postgres").get("args").toString()).contains("wal_level=replica");
        assertThat(read("infra/k8s/postgres.yaml")).contains("host replication replicator");
    }
}
