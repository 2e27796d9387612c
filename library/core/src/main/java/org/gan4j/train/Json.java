package org.gan4j.train;

import java.lang.reflect.RecordComponent;
import java.util.Collection;

/** A minimal JSON writer for configuration records (records, numbers, strings, enums, lists, null). */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            if (v instanceof Double dv && !Double.isFinite(dv)) {
                sb.append('"').append(dv).append('"');
            } else {
                sb.append(v);
            }
        } else if (v instanceof CharSequence || v instanceof Enum<?>) {
            string(sb, v.toString());
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                write(sb, o, indent);
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            String pad = "  ".repeat(indent + 1);
            sb.append("{\n").append(pad).append("\"type\": ");
            string(sb, r.getClass().getSimpleName());
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                sb.append(",\n").append(pad);
                string(sb, rc.getName());
                sb.append(": ");
                try {
                    rc.getAccessor().setAccessible(true);
                    write(sb, rc.getAccessor().invoke(r), indent + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass(), e);
                }
            }
            sb.append('\n').append("  ".repeat(indent)).append('}');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
