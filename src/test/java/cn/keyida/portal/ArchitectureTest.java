package cn.keyida.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

/**
 * The package rules of docs/ARCHITECTURE.md, on the compiled main classes: plumbing below features,
 * no cycles, no feature reaching into another's pages or entity fields, Elasticsearch only in search.
 */
@AnalyzeClasses(packages = "cn.keyida.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "cn.keyida.portal.";

    /** Portal-wide plumbing: features use it, it uses no feature. */
    static final String[] PLUMBING = {BASE + "common..", BASE + "web..", BASE + "security..", BASE + "mail.."};

    /** Directories every workflow shares (who works here, which days are working days). */
    static final String[] SHARED = {BASE + "calendar..", BASE + "staff..", BASE + "techfield.."};

    static final String[] FEATURES = {BASE + "content..", BASE + "search..", BASE + "opendata..", BASE + "matching..",
            BASE + "subscription..", BASE + "enterprise..", BASE + "needs..", BASE + "vouchers..",
            BASE + "events..", BASE + "visits..", BASE + "market..",
            BASE + "experts..", BASE + "projects.."};

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching(BASE + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plumbingUsesNoFeature = noClasses().that().resideInAnyPackage(PLUMBING)
            .should().dependOnClassesThat().resideInAnyPackage(concat(SHARED, FEATURES, BASE + "workbench.."));

    @ArchTest
    static final ArchRule sharedDirectoriesUseOnlyPlumbing = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, BASE + "workbench.."));

    /** The staff workbench composes features' pages; nothing builds on it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheWorkbench = noClasses().that().resideOutsideOfPackage(BASE + "workbench..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "workbench..");

    @ArchTest
    static final ArchRule noClassUsesAnotherPackagesResource = classes().should(notUseResourcesOfOtherPackages());

    @ArchTest
    static final ArchRule noClassWritesAnotherPackagesEntity = classes().should(notWriteEntityFieldsOfOtherPackages());

    @ArchTest
    static final ArchRule elasticsearchOnlyInSearch = noClasses().that().resideOutsideOfPackage(BASE + "search..")
            .should().dependOnClassesThat().resideInAPackage("co.elastic..");

    /** Resources parse, call a service and render: transactions belong to services. */
    @ArchTest
    static final ArchRule resourcesOpenNoTransactions = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
            .orShould().beAnnotatedWith(Transactional.class);

    @ArchTest
    static final ArchRule resourceMethodsAreNotTransactional = noMethods().that().areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class).should().beAnnotatedWith(Transactional.class);

    private static ArchCondition<JavaClass> notUseResourcesOfOtherPackages() {
        return new ArchCondition<>("not use the pages or resources of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    JavaClass top = target.getEnclosingClass().orElse(target);
                    if (isResource(top) && !top.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    private static boolean isResource(JavaClass c) {
        return c.getPackageName().startsWith(BASE) && c.isAnnotatedWith(Path.class);
    }

    private static ArchCondition<JavaClass> notWriteEntityFieldsOfOtherPackages() {
        return new ArchCondition<>("not write the fields of another package's entities") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                    if (access.getAccessType() != JavaFieldAccess.AccessType.SET) {
                        continue;
                    }
                    JavaClass owner = access.getTarget().getOwner();
                    if (isEntity(owner) && !owner.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isEntity(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getRawSuperclass().orElse(null)) {
            if (k.isAnnotatedWith(Entity.class)) {
                return true;
            }
        }
        return false;
    }

    private static String[] concat(Object... parts) {
        return java.util.Arrays.stream(parts)
                .flatMap(p -> p instanceof String[] a ? java.util.Arrays.stream(a) : java.util.stream.Stream.of((String) p))
                .toArray(String[]::new);
    }
}
