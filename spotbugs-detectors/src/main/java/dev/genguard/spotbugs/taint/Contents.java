package dev.genguard.spotbugs.taint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of an object the frame follows, copy-on-write: the taint of everything stored in it so far
 * ({@link #all()}), and where the analysis can still tell the parts apart, the elements of a list or array by
 * index ({@link #elements()}), the entries of a map or the fields of {@code this} by constant key
 * ({@link #entries()}). An operation the analysis cannot place (an unknown index or key, a loop) collapses the
 * parts: from then on every read gives {@link #all()}. A builder's text is {@link #all()} with its constant.
 */
final class Contents {

    /** Larger lists, arrays and maps are not followed part by part. */
    static final int MAX_PARTS = 64;

    /** A new object of a class the analysis does not model: its properties by name ({@code setName}/{@code getName}). */
    static final Contents EMPTY_OBJECT = new Contents(null, null, Map.of());

    private final Taint all;
    private final List<Taint> elements;
    private final Map<Object, Taint> entries;
    /** The variable whose value the object was built from ({@code new File(base, name)}: name), or -1. */
    private final int origin;

    private Contents(Taint all, List<Taint> elements, Map<Object, Taint> entries) {
        this(all, elements, entries, -1);
    }

    private Contents(Taint all, List<Taint> elements, Map<Object, Taint> entries, int origin) {
        this.all = all;
        this.elements = elements;
        this.entries = entries;
        this.origin = origin;
    }

    int origin() {
        return origin;
    }

    /** The same contents, built from the value of variable {@code variable}: checking the object checks it. */
    Contents withOrigin(int variable) {
        return new Contents(all, elements, entries, variable);
    }

    static Contents list(int size) {
        return new Contents(null, java.util.Collections.nCopies(size, CLEAN), null);
    }

    static Contents map() {
        return new Contents(null, null, Map.of());
    }

    /** A builder or other object whose text (or state) is {@code value}. */
    static Contents text(Taint value) {
        return new Contents(value, null, null);
    }

    private static final Taint CLEAN = Taint.of(null);

    /** {@link #all()}, computed once (contents are immutable). */
    private Taint allCache;
    private boolean allComputed;

    /** The taint of everything in the object; {@code null} when nothing was stored. */
    Taint all() {
        if (!allComputed) {
            allCache = computeAll();
            allComputed = true;
        }
        return allCache;
    }

    private Taint computeAll() {
        Taint result = all;
        if (elements != null) {
            for (Taint t : elements) {
                result = join(result, t);
            }
        }
        if (entries != null) {
            for (Taint t : entries.values()) {
                result = join(result, t);
            }
        }
        return result;
    }

    /** The stored text, for a builder. */
    Taint text() {
        return all;
    }

    List<Taint> elements() {
        return elements;
    }

    Map<Object, Taint> entries() {
        return entries;
    }

    private static Taint join(Taint a, Taint b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.merge(b).withLocal(-1);
    }

    /** Everything stored so far plus {@code value}, parts collapsed. */
    Contents collapsed(Taint value) {
        return new Contents(join(all(), value == null ? null : value.taintOnly(null)), null, null);
    }

    /** {@code value} joins what the object holds as a whole; the parts stay apart. */
    Contents absorbed(Taint value) {
        if (value == null || !value.isTainted()) {
            return this;
        }
        return new Contents(join(all, value.taintOnly(null)), elements, entries, origin);
    }

    /** Everything in the object proven safe for {@code kinds} (a validator checked the object as a whole). */
    Contents cleaned(int kinds) {
        List<Taint> cleanElements = elements == null ? null
                : elements.stream().map(t -> t.cleaned(kinds, 0)).toList();
        Map<Object, Taint> cleanEntries = null;
        if (entries != null) {
            cleanEntries = new LinkedHashMap<>();
            for (Map.Entry<Object, Taint> entry : entries.entrySet()) {
                cleanEntries.put(entry.getKey(), entry.getValue().cleaned(kinds, 0));
            }
        }
        return new Contents(all == null ? null : all.cleaned(kinds, 0), cleanElements, cleanEntries, origin);
    }

    Contents withText(Taint value) {
        return new Contents(value, elements, entries);
    }

    Contents added(Taint value) {
        if (elements == null || elements.size() >= MAX_PARTS) {
            return collapsed(value);
        }
        List<Taint> copy = new ArrayList<>(elements);
        copy.add(value);
        return new Contents(all, List.copyOf(copy), entries);
    }

    Contents inserted(int index, Taint value) {
        if (elements == null || index < 0 || index > elements.size() || elements.size() >= MAX_PARTS) {
            return collapsed(value);
        }
        List<Taint> copy = new ArrayList<>(elements);
        copy.add(index, value);
        return new Contents(all, List.copyOf(copy), entries);
    }

    Contents set(int index, Taint value) {
        if (elements == null || index < 0 || index >= elements.size()) {
            return collapsed(value);
        }
        List<Taint> copy = new ArrayList<>(elements);
        copy.set(index, value);
        return new Contents(all, List.copyOf(copy), entries);
    }

    Contents removed(int index) {
        if (elements == null || index < 0 || index >= elements.size()) {
            return collapsed(null);
        }
        List<Taint> copy = new ArrayList<>(elements);
        copy.remove(index);
        return new Contents(all, List.copyOf(copy), entries);
    }

    Contents cleared() {
        return elements != null ? new Contents(null, List.of(), null)
                : entries != null ? new Contents(null, null, Map.of()) : this;
    }

    /** The element at a constant index, or everything when the index is unknown or out of what is known. */
    Taint element(Integer index) {
        if (elements != null && index != null && index >= 0 && index < elements.size()) {
            return elements.get(index);
        }
        return all();
    }

    Contents put(Object key, Taint value) {
        if (entries == null || key == null || entries.size() >= MAX_PARTS) {
            return collapsed(value);
        }
        Map<Object, Taint> copy = new LinkedHashMap<>(entries);
        copy.put(key, value);
        return new Contents(all, null, copy);
    }

    Contents removedKey(Object key) {
        if (entries == null || key == null) {
            return this;
        }
        Map<Object, Taint> copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new Contents(all, null, copy);
    }

    /**
     * The entry of a constant key: the value stored under it ({@code null}, clean, when never stored), or
     * everything when the key is unknown or the entries collapsed.
     */
    Taint entry(Object key) {
        if (entries != null && key != null) {
            Taint value = entries.get(key);
            return value == null ? (all == null ? CLEAN : all) : join(value, all);
        }
        return all();
    }

    /** The contents at a join: equal parts stay apart, anything else collapses. */
    Contents merge(Contents other) {
        if (equals(other)) {
            return this;
        }
        if (elements != null && other.elements != null && elements.size() == other.elements.size()) {
            List<Taint> merged = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                merged.add(join(elements.get(i), other.elements.get(i)));
            }
            return new Contents(join(all, other.all), List.copyOf(merged), null);
        }
        if (entries != null && other.entries != null) {
            // A key one path did not store keeps what it held before, which the analysis does not know here:
            // the other path's value (the field's or entry's earlier content is accounted for by the reader).
            Map<Object, Taint> merged = new LinkedHashMap<>();
            entries.forEach((k, v) -> merged.put(k, join(v, other.entries.get(k))));
            other.entries.forEach((k, v) -> merged.putIfAbsent(k, v));
            if (merged.size() <= MAX_PARTS) {
                return new Contents(join(all, other.all), null, merged, origin == other.origin ? origin : -1);
            }
        }
        return new Contents(join(all(), other.all()), null, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contents c && Objects.equals(all, c.all) && Objects.equals(elements, c.elements)
                && Objects.equals(entries, c.entries) && origin == c.origin;
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, elements, entries);
    }

    @Override
    public String toString() {
        return "{" + all + (elements != null ? " " + elements : "") + (entries != null ? " " + entries : "") + "}";
    }
}
