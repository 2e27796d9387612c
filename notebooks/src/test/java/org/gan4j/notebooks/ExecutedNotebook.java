package org.gan4j.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A notebook file read as JSON (nbformat 4): its cells and their outputs, for checks on committed and
 * executed notebooks.
 *
 * @param path  the file
 * @param json  the whole document
 */
record ExecutedNotebook(Path path, JsonObject json) {

    static ExecutedNotebook read(Path path) throws IOException {
        try {
            return new ExecutedNotebook(path,
                    JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IOException(path + ": not a notebook (JSON object expected): " + e.getMessage(), e);
        }
    }

    List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        json.getAsJsonArray("cells").forEach(c -> cells.add(c.getAsJsonObject()));
        return cells;
    }

    List<JsonObject> codeCells() {
        return cells().stream().filter(c -> "code".equals(c.get("cell_type").getAsString())).toList();
    }

    List<JsonObject> outputs() {
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonObject cell : codeCells()) {
            JsonArray cellOutputs = cell.getAsJsonArray("outputs");
            if (cellOutputs != null) {
                cellOutputs.forEach(o -> outputs.add(o.getAsJsonObject()));
            }
        }
        return outputs;
    }

    /** Code cells that have no execution count: they never ran (an earlier error, a dead kernel, a time-out). */
    long unexecutedCodeCells() {
        return codeCells().stream()
                .filter(c -> !c.has("execution_count") || c.get("execution_count").isJsonNull())
                .count();
    }

    /** "ename: evalue" of every error output. */
    List<String> errors() {
        return outputs().stream()
                .filter(o -> "error".equals(o.get("output_type").getAsString()))
                .map(o -> o.get("ename").getAsString() + ": " + o.get("evalue").getAsString())
                .toList();
    }

    /** The text of every output on the standard error stream (shown in red by Jupyter). */
    List<String> stderr() {
        return outputs().stream()
                .filter(o -> "stream".equals(o.get("output_type").getAsString()))
                .filter(o -> o.has("name") && "stderr".equals(o.get("name").getAsString()))
                .map(o -> joined(o.get("text")))
                .toList();
    }

    /** Outputs that carry an image (PNG, SVG or GIF). */
    long imageCount() {
        return outputs().stream().filter(o -> o.has("data")).map(o -> o.getAsJsonObject("data"))
                .filter(d -> d.has("image/png") || d.has("image/svg+xml") || d.has("image/gif")).count();
    }

    /** Every text the outputs show: streams, text/plain and text/html, one block each. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (JsonObject output : outputs()) {
            if (output.has("text")) {
                text.append(joined(output.get("text"))).append('\n');
            }
            if (output.has("data")) {
                JsonObject data = output.getAsJsonObject("data");
                for (String mime : List.of("text/plain", "text/html")) {
                    if (data.has(mime)) {
                        text.append(joined(data.get(mime))).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    String kernelName() {
        JsonObject metadata = json.getAsJsonObject("metadata");
        JsonObject spec = metadata == null ? null : metadata.getAsJsonObject("kernelspec");
        return spec == null || !spec.has("name") ? null : spec.get("name").getAsString();
    }

    private static String joined(JsonElement multiline) {
        if (multiline.isJsonArray()) {
            StringBuilder s = new StringBuilder();
            multiline.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
            return s.toString();
        }
        return multiline.getAsString();
    }
}
