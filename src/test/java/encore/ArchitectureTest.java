package encore;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering: engine code never imports JavaFX, and arrows point one way. */
@AnalyzeClasses(packages = "encore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engine_code_does_not_use_javafx = noClasses()
        .that().resideInAnyPackage("encore.task..", "encore.source..", "encore.warehouse..", "encore.pipeline..",
            "encore.generate..", "encore.cli..", "encore.lake..", "encore.storage..", "encore.target..", "encore.analytics..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule only_the_ui_uses_javafx = noClasses()
        .that().resideOutsideOfPackages("encore.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule layers_point_one_way = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Launcher").definedBy("encore")
        .layer("Shells").definedBy("encore.cli..", "encore.ui..")
        .layer("Config").definedBy("encore.config..")
        .layer("Pipeline").definedBy("encore.pipeline..")
        .layer("Analytics").definedBy("encore.analytics..")
        .layer("Lake").definedBy("encore.lake..")
        .layer("Warehouse").definedBy("encore.warehouse..")
        .layer("Source").definedBy("encore.source..", "encore.generate..")
        .layer("Storage").definedBy("encore.storage..")
        .layer("Task").definedBy("encore.task..")
        .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
        .whereLayer("Shells").mayOnlyBeAccessedByLayers("Launcher")
        .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Shells")
        .whereLayer("Analytics").mayOnlyBeAccessedByLayers("Shells")
        .whereLayer("Lake").mayOnlyBeAccessedByLayers("Shells", "Pipeline")
        .whereLayer("Config").mayOnlyBeAccessedByLayers("Launcher", "Shells", "Pipeline")
        .whereLayer("Warehouse").mayOnlyBeAccessedByLayers("Pipeline", "Analytics", "Lake", "Shells")
        .whereLayer("Source").mayOnlyBeAccessedByLayers("Warehouse", "Pipeline", "Shells")
        .whereLayer("Storage").mayOnlyBeAccessedByLayers("Source", "Pipeline", "Lake", "Shells")
        .whereLayer("Task").mayOnlyBeAccessedByLayers("Source", "Storage", "Warehouse", "Pipeline", "Analytics", "Lake", "Config", "Shells");
}
