package dev.digits.experiment.loading;

import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.loading.YamlBinder.OneOrMany;
import dev.digits.experiment.loading.YamlBinder.TypeShorthand;

import java.util.List;

/**
 * An experiment file as written, bound key by key (see {@link YamlBinder}): the components are the keys a file may
 * have, at every depth. A key the file leaves out is {@code null}. {@link ExperimentResolver} checks what the
 * values mean and resolves the plugins they name.
 *
 * @param protocol {@code {type: NAME, ...the protocol's settings}}
 * @param engine   {@code NAME} or {@code {type: NAME, ...the engine's settings}}
 */
record ExperimentFile(String name, String description, DatasetSection dataset, ConfigValues protocol, List<Long> seeds,
                      List<ExtractorSection> extractors, List<ModelSection> models,
                      List<AugmentationSection> augmentations, List<ConditionSection> testConditions, Boolean cache,
                      @TypeShorthand ConfigValues engine) {

    /**
     * {@code dataset: {name: fsdd}} or {@code {path: DIR, layout: ...}}, with {@code extraTraining: [NAME or DIR, ...]}
     * and {@code include: [NAME or DIR, ...]}; {@code otherWords: true} adds Speech Commands' other words as {@code ?}.
     */
    record DatasetSection(String name, String path, String layout, @OneOrMany List<String> extraTraining,
                          @OneOrMany List<String> include, Boolean otherWords) {
    }

    /** {@code {id: ID, type: PLUGIN, params: {...}}}. */
    record ExtractorSection(String id, String type, ConfigValues params) {
    }

    /** {@code {id: ID, backend: PLUGIN, spec: {type: TYPE, ...hyper-parameters}, ensemble: N}}. */
    record ModelSection(String id, String backend, ConfigValues spec, Integer ensemble) {
    }

    /** {@code {id: ID, copies: N, seed: S, steps: [{type: PLUGIN, probability: P, ...}]}}, or {@code {id: none}}. */
    record AugmentationSection(String id, Integer copies, Long seed, List<ConfigValues> steps) {
    }

    /** {@code {id: ID, seed: S, steps: [{type: PLUGIN, ...}]}}: the test clips transformed and scored again. */
    record ConditionSection(String id, Long seed, List<ConfigValues> steps) {
    }
}
