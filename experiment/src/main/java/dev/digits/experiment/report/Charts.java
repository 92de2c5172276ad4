package dev.digits.experiment.report;

import dev.digits.core.io.AtomicFiles;
import dev.digits.core.labels.DigitLabels;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** PNG charts drawn with JFreeChart: line charts and heatmaps with a colour bar. Headless-safe. */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A waveform: amplitude against time in seconds. */
    public static void waveform(Path png, String title, float[] samples, int sampleRate) throws IOException {
        XYSeries series = new XYSeries("amplitude", false, false);
        int step = Math.max(1, samples.length / 4000);
        for (int i = 0; i < samples.length; i += step) {
            // keep the envelope when decimating for drawing: min and max of each step
            float lo = samples[i];
            float hi = samples[i];
            for (int j = i; j < Math.min(samples.length, i + step); j++) {
                lo = Math.min(lo, samples[j]);
                hi = Math.max(hi, samples[j]);
            }
            series.add(i / (double) sampleRate, lo);
            if (step > 1) {
                series.add(i / (double) sampleRate, hi);
            }
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), axis("time (s)"), axis("amplitude"),
                new XYLineAndShapeRenderer(true, false));
        plot.getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(1f));
        save(png, chart(title, plot, false), 1000, 360);
    }

    /** Several named series on shared axes (learning curves, say). */
    public static void lines(Path png, String title, String xLabel, String yLabel, XYSeriesCollection series)
            throws IOException {
        XYPlot plot = new XYPlot(series, axis(xLabel), axis(yLabel), new XYLineAndShapeRenderer(true, false));
        save(png, chart(title, plot, true), 900, 420);
    }

    /**
     * A heatmap of a {@code rows x cols} row-major matrix: x is column (scaled by {@code xScale}, e.g. seconds
     * per frame), y is row, colour is value, with a colour bar labelled {@code valueLabel}.
     */
    public static void heatmap(Path png, String title, double[] matrix, int rows, int cols, double xScale,
                               String xLabel, String yLabel, String valueLabel) throws IOException {
        double[][] data = new double[3][rows * cols];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                data[0][i] = c * xScale;
                data[1][i] = r;
                data[2][i] = matrix[i];
                min = Math.min(min, matrix[i]);
                max = Math.max(max, matrix[i]);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(valueLabel, data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(xScale);
        renderer.setBlockHeight(1);
        ViridisScale scale = new ViridisScale(min, max);
        renderer.setPaintScale(scale);
        NumberAxis x = axis(xLabel);
        x.setRange(-xScale / 2, (cols - 0.5) * xScale);
        NumberAxis y = axis(yLabel);
        y.setRange(-0.5, rows - 0.5);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = chart(title, plot, false);
        NumberAxis scaleAxis = new NumberAxis(valueLabel);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(16);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        save(png, chart, 1000, 460);
    }

    /**
     * A confusion matrix: true class down, predicted class across (the digits, and ? when the model has it), counts
     * written in the cells.
     */
    public static void confusion(Path png, String title, int[][] counts) throws IOException {
        int n = counts.length;
        double[][] data = new double[3][n * n];
        int max = 1;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int i = t * n + p;
                data[0][i] = p;
                data[1][i] = t;
                data[2][i] = counts[t][p];
                max = Math.max(max, counts[t][p]);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("count", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        ViridisScale scale = new ViridisScale(0, max);
        renderer.setPaintScale(scale);
        String[] labels = DigitLabels.of(n).toArray(String[]::new); // 0-9, and ? for speech that is not a digit
        SymbolAxis x = new SymbolAxis("predicted", labels);
        x.setGridBandsVisible(false);
        x.setRange(-0.5, n - 0.5);
        SymbolAxis y = new SymbolAxis("true", labels);
        y.setGridBandsVisible(false);
        y.setRange(-0.5, n - 0.5);
        y.setInverted(true);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                if (counts[t][p] == 0) {
                    continue;
                }
                org.jfree.chart.annotations.XYTextAnnotation a =
                        new org.jfree.chart.annotations.XYTextAnnotation(Integer.toString(counts[t][p]), p, t);
                a.setPaint(counts[t][p] > max * 0.6 ? Color.BLACK : Color.WHITE);
                a.setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
                plot.addAnnotation(a);
            }
        }
        JFreeChart chart = chart(title, plot, false);
        NumberAxis scaleAxis = new NumberAxis("count");
        scaleAxis.setRange(0, max);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(14);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        save(png, chart, 620, 540);
    }

    /** Horizontal bars with error bars: one per label, value +- error. */
    public static void bars(Path png, String title, String valueLabel, java.util.List<String> labels, double[] values,
                            double[] errors, double lower, double upper) throws IOException {
        org.jfree.data.statistics.DefaultStatisticalCategoryDataset d = new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            d.add(values[i], errors[i], valueLabel, labels.get(i));
        }
        org.jfree.chart.axis.CategoryAxis cat = new org.jfree.chart.axis.CategoryAxis();
        NumberAxis val = new NumberAxis(valueLabel);
        val.setRange(lower, upper);
        org.jfree.chart.renderer.category.StatisticalBarRenderer r = new org.jfree.chart.renderer.category.StatisticalBarRenderer();
        r.setSeriesPaint(0, new Color(31, 119, 180));
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(d, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        save(png, chart, 900, Math.max(240, 90 + 40 * labels.size()));
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes the PNG atomically (a temporary file moved into place). */
    private static void save(Path png, JFreeChart chart, int width, int height) throws IOException {
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
    }
}
