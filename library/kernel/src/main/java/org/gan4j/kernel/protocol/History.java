package org.gan4j.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The inputs (and text outputs) of this kernel session, answered in the shape {@code history_request} expects:
 * {@code [session, line, input]} or, with output, {@code [session, line, [input, output]]}.
 *
 * <p>The session number is 1; a request for session 0 (IPython's "this session") or a negative one means it too.
 * Thread-safe.
 */
public final class History {

    /** The session number this kernel reports. */
    public static final int SESSION = 1;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Records an executed cell.
     *
     * @param line   its execution count
     * @param input  its source
     * @param output its text result, or {@code null}
     */
    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    /** Sets the text result of the entry for {@code line}, if there is one. */
    public synchronized void setOutput(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.line() == line) {
                entries.set(i, new Entry(line, e.input(), output));
                return;
            }
        }
    }

    /** @return the last {@code n} entries */
    public synchronized JsonArray tail(int n, boolean output) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return toJson(entries.subList(from, entries.size()), output);
    }

    /** @return the entries of {@code session} with {@code start <= line < stop} (stop 0 or less: no upper bound) */
    public synchronized JsonArray range(int session, int start, int stop, boolean output) {
        if (session > 0 && session != SESSION) {
            return new JsonArray();
        }
        List<Entry> picked = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && (stop <= 0 || e.line() < stop)) {
                picked.add(e);
            }
        }
        return toJson(picked, output);
    }

    /**
     * @param glob   a glob on the whole input ({@code *} any text, {@code ?} one character), as IPython
     * @param n      at most this many, the most recent ({@code 0} or less: all)
     * @param unique leave out repeated inputs (keeping the most recent)
     */
    public synchronized JsonArray search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> picked = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (!pattern.matcher(e.input()).matches()) {
                continue;
            }
            if (unique && !seen.add(e.input())) {
                continue;
            }
            picked.add(0, e);
            if (n > 0 && picked.size() >= n) {
                break;
            }
        }
        return toJson(picked, output);
    }

    /** @return the number of recorded entries */
    public synchronized int size() {
        return entries.size();
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*':
                    re.append(".*");
                    break;
                case '?':
                    re.append('.');
                    break;
                default:
                    re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static JsonArray toJson(List<Entry> list, boolean output) {
        JsonArray a = new JsonArray();
        for (Entry e : list) {
            JsonArray item = new JsonArray();
            item.add(SESSION);
            item.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                io.add(e.output());
                item.add(io);
            } else {
                item.add(e.input());
            }
            a.add(item);
        }
        return a;
    }

    /** @return a {@code history_reply} content holding {@code history} */
    public static JsonObject reply(JsonArray history) {
        JsonObject o = Replies.ok();
        o.add("history", history);
        return o;
    }
}
