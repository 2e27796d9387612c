package org.gan4j.train;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** The per-step statistics of a run; rendered as a Tablesaw table. Package-private: results expose tables. */
final class History {
    static final String HEADER =
            "step,epoch,lossD,lossG,dReal,dFake,gradNormG,gradNormD,imagesPerSecond,wallSeconds";
    private final List<StepStats> rows = new ArrayList<>();

    void add(StepStats s) {
        rows.add(s);
    }

    List<StepStats> rows() {
        return List.copyOf(rows);
    }

    /** A new table with one row per step. */
    Table table() {
        int n = rows.size();
        LongColumn step = LongColumn.create("step", n);
        IntColumn epoch = IntColumn.create("epoch", n);
        DoubleColumn lossD = DoubleColumn.create("lossD", n);
        DoubleColumn lossG = DoubleColumn.create("lossG", n);
        DoubleColumn dReal = DoubleColumn.create("D(x)", n);
        DoubleColumn dFake = DoubleColumn.create("D(G(z))", n);
        DoubleColumn gG = DoubleColumn.create("gradNormG", n);
        DoubleColumn gD = DoubleColumn.create("gradNormD", n);
        DoubleColumn ips = DoubleColumn.create("imagesPerSecond", n);
        DoubleColumn wall = DoubleColumn.create("wallSeconds", n);
        for (int i = 0; i < n; i++) {
            StepStats s = rows.get(i);
            step.set(i, s.step());
            epoch.set(i, s.epoch());
            lossD.set(i, s.lossD());
            lossG.set(i, s.lossG());
            dReal.set(i, s.dReal());
            dFake.set(i, s.dFake());
            gG.set(i, s.gradNormG());
            gD.set(i, s.gradNormD());
            ips.set(i, s.imagesPerSecond());
            wall.set(i, s.wallSeconds());
        }
        return Table.create("history", step, epoch, lossD, lossG, dReal, dFake, gG, gD, ips, wall);
    }

    /** Writes every row as CSV with exact (round-trip) number formatting; does not close {@code out}. */
    void write(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(HEADER);
        w.newLine();
        for (StepStats s : rows) {
            w.write(s.step() + "," + s.epoch() + "," + s.lossD() + "," + s.lossG() + "," + s.dReal() + ","
                    + s.dFake() + "," + s.gradNormG() + "," + s.gradNormD() + "," + s.imagesPerSecond() + ","
                    + s.wallSeconds());
            w.newLine();
        }
        w.flush();
    }

    /**
     * Reads what {@link #write} wrote: rows numbered 1, 2, 3, … with ten fields each.
     *
     * @throws IOException naming the file and line if it is not such a file (e.g. truncated)
     */
    static History read(Path file) throws IOException {
        History h = new History();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IOException(file + ": not a gan4j history file (expected the header " + HEADER + ")");
            }
            String line;
            int lineNumber = 1;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                StepStats s;
                try {
                    if (f.length != 10) {
                        throw new IllegalArgumentException("expected 10 fields, found " + f.length);
                    }
                    s = new StepStats(Long.parseLong(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                            Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                            Double.parseDouble(f[9]));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": line " + lineNumber + " is not a history row (" + e.getMessage()
                            + "); the file is truncated or corrupt", e);
                }
                if (s.step() != h.rows.size() + 1) {
                    throw new IOException(file + ": line " + lineNumber + " has step " + s.step() + ", expected "
                            + (h.rows.size() + 1));
                }
                h.add(s);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text: " + e, e);
        }
        return h;
    }
}
