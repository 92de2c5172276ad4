package dev.digits.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table {@code run} prints keeps every axis apart and agrees with report.md, figure for figure. */
class ConsoleTableTest {
    private static final Pattern ROW = Pattern.compile(
            "^(\\S.*?)\\s{2,}(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\d+\\.\\d\\d ± \\d+\\.\\d\\d)\\s+(\\d+\\.\\d\\d ± \\d+\\.\\d\\d)\\s+(\\d+\\.\\d)$");

    @TempDir
    Path dir;

    @Test
    void twoAugmentationsAreTwoRowsWithReportMdsFigures() throws Exception {
        Path corpus = MiniCorpus.create(dir, 3);
        Path yaml = dir.resolve("two.yaml");
        Files.writeString(yaml, """
                name: two
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                cache: false
                seeds: [1, 2]
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean, n_mfcc: 13}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                augmentations:
                  - {id: none}
                  - {id: noisy, copies: 2, seed: 3, steps: [{type: noise, snr: [5, 20]}]}
                testConditions:
                  - {id: snr10, steps: [{type: noise, snr: 10}]}
                """.formatted(corpus));
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());

        Map<String, String[]> console = new LinkedHashMap<>();
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).contains("snr10 %"), lines.get(header));
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "a row of the table: '" + line + "'");
            console.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
        }
        assertEquals(List.of("logistic", "logistic + noisy"), new ArrayList<>(console.keySet()), r.out());

        String md = Files.readString(out.resolve("report.md"));
        Map<String, List<String>> comparison = new LinkedHashMap<>();
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        for (String line : md.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| model") || line.startsWith("| ---")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(2, line.length() - 2).split(" \\| "))
                    .map(c -> c.strip().replace("**", "")).toList();
            if (cells.size() == 10) { // the comparison: model, features, backend, runs, accuracy, ...
                comparison.put(cells.get(0).replace("★ ", ""), cells);
            } else if (cells.size() == 3 && cells.get(0).contains(" @ ")) { // model @ features, clean, snr10
                conditions.putIfAbsent(cells.get(0), cells);
            }
        }
        assertEquals(console.keySet(), comparison.keySet(), md);
        for (Map.Entry<String, String[]> e : console.entrySet()) {
            List<String> report = comparison.get(e.getKey());
            String[] c = e.getValue();
            assertEquals(report.get(1), c[0], "features of " + e.getKey());
            assertEquals(report.get(2), c[1], "backend of " + e.getKey());
            assertEquals(report.get(3), c[2], "runs of " + e.getKey());
            assertEquals(report.get(4), c[3], "accuracy of " + e.getKey());
            assertEquals(conditions.get(e.getKey() + " @ " + c[0]).get(2), c[4], "snr10 of " + e.getKey());
        }
    }
}
